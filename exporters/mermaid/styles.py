"""How each kind looks in Mermaid: a node shape, a class in the palette's colours, a line per relation."""

from __future__ import annotations

from model.palette import KIND_COLOURS
from model.relations import Flow, RelationBase
from model.vocabulary import ElementKind, FlowStyle, RelationKind

K = ElementKind
INK = "#1b1b1b"
FLOW_INK = "#37474f"
UNDECLARED_INK = "#8a8a8a"
OTHER_INK = "#90a4ae"
FACT_INK = KIND_COLOURS[K.FACT].line

#: kind -> (opening, closing) of its node shape in the classic syntax every Mermaid renders.
SHAPES: dict[ElementKind, tuple[str, str]] = {
    K.CONTEXT: ("(", ")"),
    K.SERVICE: ("(", ")"),
    K.SYSTEM: ("[[", "]]"),
    K.ACL: ("{{", "}}"),
    K.TEAM: ("([", "])"),
    K.FACT: ("[", "]"),
    K.DATASTORE: ("[(", ")]"),
    K.EVENT: (">", "]"),
    K.TOPIC: ("[/", "\\]"),
    K.SAGA: ("[/", "/]"),
    K.INVARIANT: ("[\\", "\\]"),
    K.RECONCILIATION: ("[\\", "/]"),
}
LEGACY = "legacy"

#: Line group -> (arrow, linkStyle): solid queries, thick dashed commands, dotted events, thin grey undeclared.
LINES: dict[str, tuple[str, str]] = {
    "query": ("-->", f"stroke:{FLOW_INK},stroke-width:2px,color:{FLOW_INK}"),
    "command": ("==>", f"stroke:{FLOW_INK},stroke-width:2.5px,stroke-dasharray:8 4,color:{FLOW_INK}"),
    "event": ("-.->", f"stroke:{FLOW_INK},stroke-width:2px,stroke-dasharray:2 3,color:{FLOW_INK}"),
    "undeclared": ("-.->", f"stroke:{UNDECLARED_INK},stroke-width:1px,stroke-dasharray:6 4,color:{UNDECLARED_INK}"),
    "fact": ("-->", f"stroke:{FACT_INK},stroke-width:1.5px,color:{FACT_INK}"),
    "replica": ("-.->", f"stroke:{FACT_INK},stroke-width:1.2px,stroke-dasharray:6 4,color:{FACT_INK}"),
    "other": ("-->", f"stroke:{OTHER_INK},stroke-width:1px,color:{OTHER_INK}"),
}
FACT_RELATIONS = frozenset({RelationKind.OWNS, RelationKind.WRITES})


def line_group(relation: RelationBase) -> str:
    if isinstance(relation, Flow):
        return str(relation.style) if relation.style is not FlowStyle.UNDECLARED else "undeclared"
    if relation.kind in FACT_RELATIONS:
        return "fact"
    return "replica" if relation.kind is RelationKind.REPLICATES else "other"


def class_defs(kinds: set[ElementKind], legacy: bool) -> list[str]:
    """A ``classDef`` per kind drawn (the palette's fill and outline), and the dashed legacy outline."""
    lines = []
    for kind in ElementKind:
        if kind in kinds:
            colours = KIND_COLOURS[kind]
            width = "2px" if kind is K.CONTEXT else "1.2px"
            lines.append(f"classDef {kind} fill:{colours.fill},stroke:{colours.line},stroke-width:{width},color:{INK}")
    if legacy:
        lines.append(f"classDef {LEGACY} stroke-dasharray:6 4")
    return lines
