"""Steelframe views from the diagrams of an exchange file.

Each ``<view>`` becomes a view of the same identifier and name. It places every Steelframe element
drawn in it, at the absolute bounds of its first node (an element drawn twice in one diagram is
placed once), and routes every Steelframe relation drawn in it through the bend points of its first
connection. A relation written against its Steelframe direction (``uses``) has its bend points read
backwards, so that a route always runs from the relation's source to its target. Everything else
in a diagram (foreign nodes, groups, notes, lines, styles) stays in the diagram's original XML.
"""

from __future__ import annotations

from lxml import etree  # lxml ships no type hints

from exporters.archimate.import_concepts import NS, ConceptReader
from exporters.archimate.import_datatypes import collapse
from exporters.archimate.import_reverse import Meaning
from model.store import Layouts
from model.views import Bounds, Point, Route, ViewInfo

VIEW_PATH = f"{NS}views/{NS}diagrams/{NS}view"
_NODE = NS + "node"
_CONNECTION = NS + "connection"
_BENDPOINT = NS + "bendpoint"


def diagrams(root: etree._Element) -> list[etree._Element]:
    """The ``<view>`` elements of the file, in document order."""
    return list(root.iterfind(VIEW_PATH))


def read_view(diagram: etree._Element, reader: ConceptReader, meaning: Meaning) -> tuple[ViewInfo, Layouts]:
    name, documentation = reader.texts(diagram)
    info = ViewInfo(id=collapse(diagram.get("identifier") or ""), name=name, documentation=documentation)
    layouts: Layouts = {}
    for node in diagram.iter(_NODE):
        reference = node.get("elementRef")
        if reference is None:
            continue
        reference = collapse(reference)
        if reference in meaning.elements and reference not in layouts:
            layouts[reference] = Bounds(x=_number(node, "x"), y=_number(node, "y"), w=_number(node, "w"),
                                        h=_number(node, "h"))
    for connection in diagram.iter(_CONNECTION):
        reference = connection.get("relationshipRef")
        if reference is None:
            continue
        reference = collapse(reference)
        if reference in meaning.relations and reference not in layouts:
            bends = [Point(x=_number(b, "x"), y=_number(b, "y")) for b in connection.iterchildren(_BENDPOINT)]
            if reference in meaning.flipped:
                bends.reverse()
            layouts[reference] = Route(bends=bends)
    return info, layouts


def _number(element: etree._Element, name: str) -> int:
    """A coordinate the validation found to be a whole number."""
    return int(collapse(element.get(name) or "0"))
