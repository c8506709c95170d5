"""Steelframe views as ``<view xsi:type="Diagram">``: a node per placed element, services and ACLs
nested in their context's node, a connection per routed relation, Steelframe's colours as styles.

Coordinates are absolute, rounded to whole units and shifted right and down when anything lies left
of or above the origin (the format allows no negative coordinate). A new diagram is written as text
(``Tag``); a node or connection added to a kept diagram is the same tag as an lxml element.
"""

from __future__ import annotations

from exporters.archimate.mapping import RELATION_TYPES
from exporters.archimate.writing.state import ExportState
from exporters.archimate.writing.text import Tag, as_element
from exporters.archimate.xml import XElement, colour_tag, q, text_tag
from model.elements import ElementBase
from model.palette import KIND_COLOURS
from model.views import Bounds, Point, Route, ViewInfo
from model.vocabulary import ElementKind

FONT_NAME = "Sans"
FONT_SIZE = "9"
#: Kinds whose node goes inside their context's node when drawn inside its box.
NESTED_KINDS = frozenset({ElementKind.SERVICE, ElementKind.ACL})
_POSITIONS = ("node", "bendpoint", "sourceAttachment", "targetAttachment")


def write_view(state: ExportState, view: ViewInfo) -> Tag:
    """A new diagram of ``view``, for a view that did not come from an exchange file."""
    content: list[Tag | str] = [text_tag("name", view.name, state.lang)]
    if view.documentation:
        content.append(text_tag("documentation", view.documentation, state.lang))
    layouts = state.model.layouts(view.id)
    placed = drawn_elements(state, layouts)
    holders = {i: h for i in placed if (h := nesting_holder(state, i, placed)) is not None}
    identifiers: dict[str, str] = {}
    for element_id in sorted(placed, key=lambda i: (depth_rank(state, i), i)):
        if element_id not in holders:
            identifiers[element_id] = state.ids.fresh(f"n-{view.id}-{element_id}")
    for element_id in sorted(holders):
        identifiers[element_id] = state.ids.fresh(f"n-{view.id}-{element_id}")
    routes: list[tuple[str, str, tuple[str, str], list[Point]]] = []
    for relation_id in sorted(i for i, layout in layouts.items() if isinstance(layout, Route)):
        ends = state.relationship_ends.get(relation_id)
        if ends is not None and ends[0] in identifiers and ends[1] in identifiers:
            route = layouts[relation_id]
            assert isinstance(route, Route)
            identifier = state.ids.fresh(f"c-{view.id}-{relation_id}")
            routes.append((identifier, relation_id, (identifiers[ends[0]], identifiers[ends[1]]), route.bends))
    shift = _shift([placed[i] for i in identifiers], [p for *_, bends in routes for p in bends])
    nested: dict[str, list[Tag | str]] = {}
    for element_id in sorted(holders):
        node = node_tag(state, identifiers[element_id], element_id, placed[element_id], shift=shift)
        nested.setdefault(holders[element_id], []).append(node)
    for element_id, identifier in identifiers.items():
        if element_id not in holders:
            content.append(node_tag(state, identifier, element_id, placed[element_id], shift=shift,
                                    nested=nested.get(element_id, [])))
    content.extend(connection_tag(state, *route, shift=shift) for route in routes)
    return Tag("view", (("identifier", view.id), ("xsi:type", "Diagram")), content)


def _shift(boxes: list[Bounds], bends: list[Point]) -> tuple[int, int]:
    """How far right and down a new diagram moves so that no position is negative."""
    xs = [round(b.x) for b in boxes] + [round(p.x) for p in bends]
    ys = [round(b.y) for b in boxes] + [round(p.y) for p in bends]
    return -min(0, min(xs, default=0)), -min(0, min(ys, default=0))


def drawn_elements(state: ExportState, layouts: dict[str, Bounds | Route]) -> dict[str, Bounds]:
    """What gets a node: placed elements and notes; decisions are not drawn in an exchange file."""
    return {i: b for i, b in layouts.items() if isinstance(b, Bounds) and _drawable(state, i)}


def _drawable(state: ExportState, element_id: str) -> bool:
    element = state.model.find_element(element_id)
    return element is not None and (element.id in state.elements_written or element.kind is ElementKind.NOTE)


def depth_rank(state: ExportState, element_id: str) -> int:
    """Contexts are drawn first, so that what lies on their box stays in front of it."""
    return 0 if state.model.element(element_id).kind is ElementKind.CONTEXT else 1


def nesting_holder(state: ExportState, element_id: str, placed: dict[str, Bounds]) -> str | None:
    """The context whose node holds a service's or ACL's node: its own context, drawn around it."""
    element = state.model.element(element_id)
    if element.kind not in NESTED_KINDS:
        return None
    holder = state.model.container_of(element_id)
    if holder is None or holder not in placed:
        return None
    return holder if contains(placed[holder], placed[element_id]) else None


def contains(outer: Bounds, inner: Bounds) -> bool:
    return (outer.x <= inner.x and outer.y <= inner.y
            and inner.x + inner.w <= outer.x + outer.w and inner.y + inner.h <= outer.y + outer.h)


def node_tag(state: ExportState, identifier: str, element_id: str, bounds: Bounds, *,
             shift: tuple[int, int] = (0, 0), nested: list[Tag | str] | None = None) -> Tag:
    """An Element node (a Label node for a note) with Steelframe's style, holding ``nested`` nodes."""
    element = state.model.element(element_id)
    box = box_attributes(bounds)
    box["x"], box["y"] = str(int(box["x"]) + shift[0]), str(int(box["y"]) + shift[1])
    colours = KIND_COLOURS[element.kind]
    style = Tag("style", (), [colour_tag("fillColor", colours.fill), colour_tag("lineColor", colours.line),
                              Tag("font", (("name", FONT_NAME), ("size", FONT_SIZE)),
                                  [colour_tag("color", "#000000", alpha=False)])])
    if element.kind is ElementKind.NOTE:
        return Tag("node", (("identifier", identifier), ("xsi:type", "Label"), *box.items()),
                   [text_tag("label", note_text(element), state.lang), style])
    return Tag("node", (("identifier", identifier), ("elementRef", element_id), ("xsi:type", "Element"), *box.items()),
               [style, *(nested or [])])


def new_node(state: ExportState, view_id: str, element_id: str, bounds: Bounds) -> XElement:
    """A node for a kept diagram being patched, under a fresh identifier."""
    return as_element(node_tag(state, state.ids.fresh(f"n-{view_id}-{element_id}"), element_id, bounds))


def note_text(note: ElementBase) -> str:
    return getattr(note, "text", "") or note.name


def box_attributes(bounds: Bounds) -> dict[str, str]:
    """Whole-unit x/y/w/h; x and y may still be negative until :func:`normalise_origin`."""
    return {"x": str(round(bounds.x)), "y": str(round(bounds.y)),
            "w": str(max(1, round(bounds.w))), "h": str(max(1, round(bounds.h)))}


def written_bends(state: ExportState, relation_id: str, bends: list[Point]) -> list[Point]:
    """A route's points in the connection's direction: reversed where the relationship is written
    from the Steelframe target to the source (``uses`` is Serving datastore -> user)."""
    relation = state.model.find_relation(relation_id)
    if relation is not None and RELATION_TYPES[relation.kind].reversed:
        return bends[::-1]
    return bends


def connection_tag(state: ExportState, identifier: str, relation_id: str, ends: tuple[str, str],
                   bends: list[Point], *, shift: tuple[int, int] = (0, 0)) -> Tag:
    """A Relationship connection between two node ids, with a bend point per point of the route."""
    content: list[Tag | str] = []
    source_element = state.model.find_element(state.relationship_ends[relation_id][0])
    if source_element is not None:
        content.append(Tag("style", (), [colour_tag("lineColor", KIND_COLOURS[source_element.kind].line)]))
    for point in written_bends(state, relation_id, bends):
        content.append(Tag("bendpoint", (("x", str(round(point.x) + shift[0])), ("y", str(round(point.y) + shift[1])))))
    return Tag("connection", (("identifier", identifier), ("relationshipRef", relation_id),
                              ("xsi:type", "Relationship"), ("source", ends[0]), ("target", ends[1])), content)


def new_connection(state: ExportState, view_id: str, relation_id: str, ends: tuple[str, str],
                   bends: list[Point]) -> XElement:
    """A connection for a kept diagram being patched, under a fresh identifier."""
    identifier = state.ids.fresh(f"c-{view_id}-{relation_id}")
    return as_element(connection_tag(state, identifier, relation_id, ends, bends))


def normalise_origin(diagram: XElement) -> None:
    """Shift the whole diagram right and down by whole units when any position is negative."""
    positioned = [e for e in diagram.iter(*(q(t) for t in _POSITIONS)) if e.get("x") is not None]
    for axis in ("x", "y"):
        values = {e: _coordinate(e.get(axis)) for e in positioned}
        lowest = min(values.values(), default=0)
        if lowest < 0:
            for element, value in values.items():
                element.set(axis, str(value - lowest))


def _coordinate(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return round(float(text or 0))
