"""The LikeC4 ``specification``: an element kind per Steelframe kind, a relationship kind per flow
style and per other relation kind, each drawn in the palette's colours and the canvas's line styles."""

from __future__ import annotations

from collections.abc import Iterator

from model.palette import KIND_COLOURS
from model.vocabulary import ElementKind, FlowStyle, RelationKind

K = ElementKind
R = RelationKind
#: Kinds a LikeC4 model holds: the architecture, not the workshop notes and decision records.
KINDS = tuple(kind for kind in ElementKind if kind not in (K.NOTE, K.DECISION))
#: kind -> LikeC4 shape (the shapes of LikeC4 1.46); the colour tells the other kinds apart.
SHAPES: dict[ElementKind, str] = {K.TEAM: "person", K.DATASTORE: "cylinder", K.TOPIC: "queue", K.FACT: "storage"}
#: Flow styles as relationship kinds (named by style), then the other relation kinds under their own names.
FLOW_LINES: dict[FlowStyle, tuple[str, str]] = {
    FlowStyle.QUERY: ("solid", "sf-flow"),
    FlowStyle.COMMAND: ("dashed", "sf-flow"),
    FlowStyle.EVENT: ("dotted", "sf-flow"),
    FlowStyle.UNDECLARED: ("dashed", "gray"),
}
OTHER_LINES: dict[RelationKind, tuple[str, str]] = {
    R.OWNS: ("solid", "sf-fact"), R.WRITES: ("solid", "sf-fact"), R.REPLICATES: ("dashed", "sf-fact"),
}
RELATION_KINDS = tuple(kind for kind in RelationKind if kind not in (R.FLOW, R.CONTAINS))
LEGACY_TAG = "legacy"
FLOW_INK = "#37474f"


def colour(kind: ElementKind) -> str:
    return f"sf-{kind}"


def specification() -> list[str]:
    """The whole ``specification`` block: colours, element kinds, relationship kinds, the legacy tag."""
    lines = ["specification {"]
    lines += [f"  color {colour(kind)} {KIND_COLOURS[kind].line}" for kind in KINDS]
    lines += [f"  color sf-flow {FLOW_INK}", ""]
    for kind in KINDS:
        lines += [f"  element {kind} {{", f"    notation '{kind}'", "    style {",
                  f"      shape {SHAPES.get(kind, 'rectangle')}", f"      color {colour(kind)}", "    }", "  }"]
    lines += list(_relationships())
    return [*lines, f"  tag {LEGACY_TAG}", "}"]


def _relationships() -> Iterator[str]:
    for style, (line, ink) in FLOW_LINES.items():
        yield from _relationship(str(style), f"{style} flow", line, ink)
    for kind in RELATION_KINDS:
        line, ink = OTHER_LINES.get(kind, ("solid", "gray"))
        yield from _relationship(str(kind), str(kind), line, ink)


def _relationship(name: str, notation: str, line: str, ink: str) -> Iterator[str]:
    yield f"  relationship {name} {{"
    yield f"    notation '{notation}'"
    yield f"    line {line}"
    yield f"    color {ink}"
    yield "  }"
