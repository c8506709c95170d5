"""How each element kind is drawn: a Graphviz shape, the palette's colours and a short detail line.

Contexts are clusters (their attributes are here too); every other kind is a node of its own shape,
filled and outlined in the colours of model/palette.py, as on the canvas.
"""

from __future__ import annotations

from exporters.diagram.labels import detail, is_legacy, name_of
from exporters.graphviz.overlay import Mark
from exporters.graphviz.text import AttrValue, Html, escape, font, wrapped
from model.elements import ElementBase
from model.palette import KIND_COLOURS
from model.vocabulary import ElementKind

K = ElementKind
FONT = "Helvetica"
DETAIL_INK = "#546e7a"
NAME_WIDTH = 24
#: A line break that aligns the line before it to the left (cluster titles sit top left).
LEFT = '<BR ALIGN="LEFT"/>'
#: Arrow shapes draw their tip inside the label box; a wider margin keeps the name off it.
ARROW_MARGIN = "0.3,0.06"

#: kind -> (shape, style); contexts are drawn as clusters and take this shape only in a legend or a flat layout.
SHAPES: dict[ElementKind, tuple[str, str]] = {
    K.CONTEXT: ("box", "rounded,filled,bold"),
    K.SERVICE: ("box", "rounded,filled"),
    K.SYSTEM: ("box3d", "filled"),
    K.ACL: ("octagon", "filled"),
    K.TEAM: ("ellipse", "filled"),
    K.FACT: ("note", "filled"),
    K.DATASTORE: ("cylinder", "filled"),
    K.EVENT: ("cds", "filled"),
    K.TOPIC: ("hexagon", "filled"),
    K.SAGA: ("rarrow", "filled"),
    K.INVARIANT: ("parallelogram", "filled"),
    K.RECONCILIATION: ("larrow", "filled"),
}


def label(element: ElementBase, *, bold: bool = False, br: str = "<BR/>") -> Html:
    """The name, wrapped, over a small grey detail line; ``br`` breaks the lines (and aligns them)."""
    body = font(wrapped(name_of(element), NAME_WIDTH, br), bold=bold)
    extra = detail(element)
    if extra:
        body += br + font(escape(extra), size=8, colour=DETAIL_INK)
    return Html(body)


def tooltip(element: ElementBase) -> str:
    text = f"{element.kind}: {name_of(element)}"
    return f"{text}\n{element.description}" if element.description else text


def node(element: ElementBase, mark: Mark | None = None) -> dict[str, AttrValue | None]:
    """Attributes of the node drawing ``element`` (any kind but a clustered context)."""
    shape, style = SHAPES[element.kind]
    colours = KIND_COLOURS[element.kind]
    if element.kind is K.SYSTEM and is_legacy(element):
        style += ",dashed"
    attributes: dict[str, AttrValue | None] = {
        "id": element.id, "class": str(element.kind), "shape": shape, "style": style,
        "fillcolor": colours.fill, "color": colours.line, "label": label(element, bold=element.kind is K.CONTEXT),
        "tooltip": tooltip(element),
    }
    if element.kind is K.CONTEXT:
        attributes["penwidth"] = 2.0
    if shape in ("rarrow", "larrow"):
        attributes["margin"] = ARROW_MARGIN
    return attributes | marked(mark)


def rule_ids(mark: Mark, size: float = 9) -> str:
    """The rule ids of a mark, each in its own severity's colour."""
    return " ".join(font(escape(rule), size=size, colour=colour, bold=True) for rule, colour in mark.rule_colours())


def marked(mark: Mark | None, *, xlabel: bool = True) -> dict[str, AttrValue | None]:
    """The overlay's outline, rule ids and explanation for a node or cluster."""
    if mark is None:
        return {}
    found: dict[str, AttrValue | None] = {"color": mark.colour, "penwidth": 3.0, "tooltip": mark.tooltip}
    if xlabel:
        found["xlabel"] = Html(rule_ids(mark))
    return found


def cluster(context: ElementBase, mark: Mark | None = None) -> dict[str, AttrValue | None]:
    """Attributes of a context's cluster; the overlay adds its rule ids under the name."""
    colours = KIND_COLOURS[K.CONTEXT]
    style = "rounded,filled"
    if is_legacy(context):
        style += ",dashed"
    title = label(context, bold=True, br=LEFT) + LEFT
    if mark is not None:
        title += rule_ids(mark) + LEFT
    attributes: dict[str, AttrValue | None] = {
        "id": context.id, "class": "context", "label": Html(title), "style": style, "fillcolor": colours.fill,
        "color": colours.line, "penwidth": 1.6, "tooltip": tooltip(context), "margin": 12.0,
    }
    return attributes | marked(mark, xlabel=False)


def anchor(context_id: str, has_members: bool) -> dict[str, AttrValue | None]:
    """The invisible node inside a context's cluster that edges to the context attach to.

    Edges aim at it with ``lhead``/``ltail`` and are clipped at the cluster's border; in an empty
    context it also gives the box a body below the name.
    """
    size: dict[str, AttrValue | None] = (
        {"width": 0.01, "height": 0.01} if has_members else {"width": 1.3, "height": 0.35}
    )
    return {"id": f"anchor:{context_id}", "shape": "box", "style": "invis", "label": "", "fixedsize": "true"} | size
