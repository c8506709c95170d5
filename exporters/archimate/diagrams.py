"""Steelframe views as ``<view xsi:type="Diagram">``: a node per placed element, services and ACLs
nested in their context's node, a connection per routed relation, Steelframe's colours as styles.

Coordinates are absolute, rounded to whole units and shifted right and down when anything lies left
of or above the origin (the format allows no negative coordinate).
"""

from __future__ import annotations

from lxml import etree  # lxml ships no type hints

from exporters.archimate.state import ExportState
from exporters.archimate.xml import XSI_TYPE, XElement, add_colour, add_text, q
from model.elements import ElementBase
from model.palette import KIND_COLOURS
from model.views import Bounds, Point, Route, ViewInfo
from model.vocabulary import ElementKind

FONT_NAME = "Sans"
FONT_SIZE = "9"
#: Kinds whose node goes inside their context's node when drawn inside its box.
NESTED_KINDS = frozenset({ElementKind.SERVICE, ElementKind.ACL})
_POSITIONS = ("node", "bendpoint", "sourceAttachment", "targetAttachment")


def write_view(state: ExportState, parent: XElement, view: ViewInfo) -> XElement:
    """A new diagram of ``view``, for a view that did not come from an exchange file."""
    diagram = etree.SubElement(parent, q("view"), {"identifier": view.id, XSI_TYPE: "Diagram"})
    add_text(diagram, "name", view.name, state.lang)
    if view.documentation:
        add_text(diagram, "documentation", view.documentation, state.lang)
    layouts = state.model.layouts(view.id)
    placed = drawn_elements(state, layouts)
    holders = {i: h for i in placed if (h := nesting_holder(state, i, placed)) is not None}
    nodes: dict[str, XElement] = {}
    for element_id in sorted(placed, key=lambda i: (depth_rank(state, i), i)):
        if element_id in holders:
            continue
        nodes[element_id] = new_node(state, view.id, element_id, placed[element_id])
        diagram.append(nodes[element_id])
    for element_id in sorted(holders):
        nodes[element_id] = new_node(state, view.id, element_id, placed[element_id])
        nodes[holders[element_id]].append(nodes[element_id])
    for relation_id in sorted(i for i, layout in layouts.items() if isinstance(layout, Route)):
        ends = state.relationship_ends.get(relation_id)
        if ends is not None and ends[0] in nodes and ends[1] in nodes:
            route = layouts[relation_id]
            assert isinstance(route, Route)
            source, target = (nodes[end].get("identifier") or "" for end in ends)
            diagram.append(new_connection(state, view.id, relation_id, (source, target), route.bends))
    normalise_origin(diagram)
    return diagram


def drawn_elements(state: ExportState, layouts: dict[str, Bounds | Route]) -> dict[str, Bounds]:
    """What gets a node: placed elements and notes; decisions are not drawn in an exchange file."""
    return {i: b for i, b in layouts.items() if isinstance(b, Bounds) and _drawable(state, i)}


def _drawable(state: ExportState, element_id: str) -> bool:
    element = state.model.find_element(element_id)
    return element is not None and (element.id in state.element_types or element.kind is ElementKind.NOTE)


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


def new_node(state: ExportState, view_id: str, element_id: str, bounds: Bounds) -> XElement:
    """An Element node (a Label node for a note) with Steelframe's style, for the caller to place."""
    element = state.model.element(element_id)
    identifier = state.ids.fresh(f"n-{view_id}-{element_id}")
    if element.kind is ElementKind.NOTE:
        node = etree.Element(q("node"), {"identifier": identifier, XSI_TYPE: "Label", **box_attributes(bounds)})
        add_text(node, "label", note_text(element), state.lang)
    else:
        node = etree.Element(q("node"), {"identifier": identifier, "elementRef": element_id, XSI_TYPE: "Element",
                                         **box_attributes(bounds)})
    style = etree.SubElement(node, q("style"))
    colours = KIND_COLOURS[element.kind]
    add_colour(style, "fillColor", colours.fill)
    add_colour(style, "lineColor", colours.line)
    font = etree.SubElement(style, q("font"), {"name": FONT_NAME, "size": FONT_SIZE})
    add_colour(font, "color", "#000000", alpha=False)
    return node


def note_text(note: ElementBase) -> str:
    return getattr(note, "text", "") or note.name


def box_attributes(bounds: Bounds) -> dict[str, str]:
    """Whole-unit x/y/w/h; x and y may still be negative until :func:`normalise_origin`."""
    return {"x": str(round(bounds.x)), "y": str(round(bounds.y)),
            "w": str(max(1, round(bounds.w))), "h": str(max(1, round(bounds.h)))}


def new_connection(state: ExportState, view_id: str, relation_id: str, ends: tuple[str, str],
                   bends: list[Point]) -> XElement:
    """A Relationship connection between two node ids, with a bend point per point of the route."""
    identifier = state.ids.fresh(f"c-{view_id}-{relation_id}")
    connection = etree.Element(q("connection"), {
        "identifier": identifier, "relationshipRef": relation_id, XSI_TYPE: "Relationship",
        "source": ends[0], "target": ends[1],
    })
    source_element = state.model.find_element(state.relationship_ends[relation_id][0])
    if source_element is not None:
        style = etree.SubElement(connection, q("style"))
        add_colour(style, "lineColor", KIND_COLOURS[source_element.kind].line)
    for point in bends:
        etree.SubElement(connection, q("bendpoint"), {"x": str(round(point.x)), "y": str(round(point.y))})
    return connection


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
