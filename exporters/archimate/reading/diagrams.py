"""Steelframe views from the diagrams of an exchange file.

Each ``<view>`` becomes a view of the same identifier and name. It places every Steelframe element
drawn in it, at the absolute bounds of its first node (an element drawn twice in one diagram is
placed once), and routes every Steelframe relation drawn in it through the bend points of its first
connection. A relation written against its Steelframe direction (``uses``) has its bend points read
backwards, so that a route always runs from the relation's source to its target. Everything else
in a diagram (foreign nodes, groups, notes, lines, styles) stays in the diagram's original XML.

Reading a diagram also notes what the export needs to write it back untouched while the view keeps
this layout: the identifiers it holds and names, and the layout's fingerprint. A diagram the export
would rewrite even so (a coordinate not in its plain form, a connection that does not join its
relationship's ends, bend points it would reverse) gets no fingerprint.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree  # lxml ships no type hints

from exporters.archimate.kept.contract import DiagramIndex, layout_fingerprint
from exporters.archimate.reading.concepts import NS, ConceptReader
from exporters.archimate.reading.reverse import Meaning
from exporters.archimate.schema.datatypes import collapse
from model.store import Layouts
from model.views import Bounds, Point, Route, ViewInfo

VIEW_PATH = f"{NS}views/{NS}diagrams/{NS}view"
_NODE = NS + "node"
_CONNECTION = NS + "connection"
_BENDPOINT = NS + "bendpoint"
_VIEW_REFERENCE = NS + "viewRef"
_BOX = ("x", "y", "w", "h")
_WHITESPACE = " \t\n\r"


@dataclass
class ReadView:
    info: ViewInfo
    layouts: Layouts
    index: DiagramIndex
    #: None when an export would patch the diagram even with this layout.
    fingerprint: str | None


def diagrams(root: etree._Element) -> list[etree._Element]:
    """The ``<view>`` elements of the file, in document order."""
    return list(root.iterfind(VIEW_PATH))


def read_view(diagram: etree._Element, reader: ConceptReader, meaning: Meaning,
              ends: Mapping[str, tuple[str, str]]) -> ReadView:
    """The view of ``diagram``; ``ends`` gives each Steelframe relation's (source, target) as the file writes them."""
    name, documentation = reader.texts(diagram)
    raw_id = diagram.get("identifier") or ""
    info = ViewInfo(id=collapse(raw_id), name=name, documentation=documentation)
    layouts: Layouts = {}
    safe = raw_id == info.id
    items: list[str] = []
    drawing: dict[str, str] = {}  # node identifier -> the element it draws
    concepts: list[str] = []
    elements, relations = meaning.elements, meaning.relations
    for node in diagram.iter(_NODE):
        identifier = node.get("identifier") or ""
        items.append(identifier)
        reference = node.get("elementRef")
        if reference is None:
            concept = node.get("conceptRef")
            if concept is not None:
                concepts.append(concept)
            continue
        drawing[identifier] = reference
        reference = reference.strip(_WHITESPACE)
        if reference in elements and reference not in layouts:
            bounds = Bounds(x=_number(node, "x"), y=_number(node, "y"), w=_number(node, "w"), h=_number(node, "h"))
            layouts[reference] = bounds
            safe = safe and _plain_box(node, bounds)
    relationships: list[str] = []
    for connection in diagram.iterchildren(_CONNECTION):
        items.append(connection.get("identifier") or "")
        reference = connection.get("relationshipRef")
        if reference is None:
            continue
        relationships.append(reference)
        reference = reference.strip(_WHITESPACE)
        if reference in relations and reference not in layouts:
            points = [(b.get("x"), b.get("y")) for b in connection.iterchildren(_BENDPOINT)]
            bends = [Point(x=int(collapse(x or "0")), y=int(collapse(y or "0"))) for x, y in points]
            if reference in meaning.flipped:
                bends.reverse()
            layouts[reference] = Route(bends=bends)
            safe = safe and _joins(connection, drawing, ends[reference]) and _plain_bends(points, bends)
    views = [reference.get("ref") or "" for reference in diagram.iter(_VIEW_REFERENCE)]
    index = DiagramIndex(frozenset(items), frozenset(drawing.values()), frozenset(relationships), frozenset(views),
                         frozenset(concepts))
    routed = {i: ends[i] for i, layout in layouts.items() if isinstance(layout, Route)}
    fingerprint = layout_fingerprint(info, reader.language, layouts, routed, meaning.elements) if safe else None
    return ReadView(info, layouts, index, fingerprint)


def _number(element: etree._Element, name: str) -> int:
    """A coordinate the validation found to be a whole number."""
    return int(collapse(element.get(name) or "0"))


def _plain_box(node: etree._Element, bounds: Bounds) -> bool:
    """Whether the node's box is written as the export writes these bounds (``20``, not ``+20`` or ``020``)."""
    written = (round(bounds.x), round(bounds.y), max(1, round(bounds.w)), max(1, round(bounds.h)))
    return all(node.get(name) == str(value) for name, value in zip(_BOX, written, strict=True))


def _plain_bends(points: list[tuple[str | None, str | None]], bends: list[Point]) -> bool:
    """Whether the export, writing the route's bend points, would write the ones the connection has."""
    return points == [(str(round(p.x)), str(round(p.y))) for p in bends]


def _joins(connection: etree._Element, drawing: dict[str, str], ends: tuple[str, str]) -> bool:
    """Whether the connection joins nodes of its relationship's two ends (else the export re-attaches it)."""
    return (drawing.get(connection.get("source") or "") == ends[0]
            and drawing.get(connection.get("target") or "") == ends[1])
