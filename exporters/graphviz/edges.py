"""How each relation is drawn: flows styled as on the canvas, fact relations in the fact colour,
every other relation thin and grey.

Graphviz has no dash-dot line, so an undeclared flow is grey, dashed and thin, where a command is
dark, dashed and thick.
"""

from __future__ import annotations

from exporters.diagram.labels import describe, flow_label
from exporters.graphviz.overlay import Mark
from exporters.graphviz.text import AttrValue, Html, escape, font, wrapped
from model.palette import KIND_COLOURS
from model.relations import Flow, RelationBase
from model.store import Model
from model.vocabulary import ElementKind, FlowStyle, RelationKind

FLOW_INK = "#37474f"
UNDECLARED_INK = "#8a8a8a"
OTHER_INK = "#90a4ae"
FACT_INK = KIND_COLOURS[ElementKind.FACT].line
LABEL_WIDTH = 22

#: Flow style -> (Graphviz style, colour, pen width).
FLOW_PENS: dict[FlowStyle, tuple[str, str, float]] = {
    FlowStyle.QUERY: ("solid", FLOW_INK, 2.0),
    FlowStyle.COMMAND: ("dashed", FLOW_INK, 2.0),
    FlowStyle.EVENT: ("dotted", FLOW_INK, 2.0),
    FlowStyle.UNDECLARED: ("dashed", UNDECLARED_INK, 1.0),
}

#: Relation kind -> pen of the fact relations; every other non-flow relation is thin and grey.
FACT_PENS: dict[RelationKind, dict[str, AttrValue | None]] = {
    RelationKind.OWNS: {"style": "solid", "color": FACT_INK, "penwidth": 2.5, "dir": "back",
                        "arrowtail": "diamond"},
    RelationKind.WRITES: {"style": "solid", "color": FACT_INK, "penwidth": 1.2},
    RelationKind.REPLICATES: {"style": "dashed", "color": FACT_INK, "penwidth": 1.2},
}
OTHER_PEN: dict[str, AttrValue | None] = {"style": "solid", "color": OTHER_INK, "penwidth": 1.0, "arrowsize": 0.6}


def edge(
    model: Model, relation: RelationBase, mark: Mark | None = None, busy: bool = False,
) -> dict[str, AttrValue | None]:
    """Attributes of the edge drawing ``relation``, with the overlay's colour and rule ids.

    On a busy diagram the label is an ``xlabel``, placed once the layout is done.
    """
    attributes: dict[str, AttrValue | None] = {"id": relation.id, "class": str(relation.kind)}
    text = ""
    if isinstance(relation, Flow):
        style, colour, width = FLOW_PENS[relation.style]
        attributes |= {"style": style, "color": colour, "penwidth": width, "fontcolor": colour}
        text = wrapped(flow_label(model, relation), LABEL_WIDTH)
    else:
        attributes |= FACT_PENS.get(relation.kind, OTHER_PEN)
    attributes["tooltip"] = describe(model, relation)
    if mark is not None:
        rules = " ".join(font(escape(rule), size=8, colour=colour, bold=True) for rule, colour in mark.rule_colours())
        text = f"{text}<BR/>{rules}" if text else rules
        attributes |= {"color": mark.colour, "penwidth": 3.0, "tooltip": f"{attributes['tooltip']}\n{mark.tooltip}"}
    if text:
        attributes["xlabel" if busy else "label"] = Html(text)
    return attributes
