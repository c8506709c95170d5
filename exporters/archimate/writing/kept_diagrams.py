"""A diagram kept from an imported exchange file, written back with Steelframe's changes and nothing else.

Nodes of Steelframe elements take the view's current bounds, or go when the element left the view
(their child nodes move up to its parent); connections of Steelframe relations take the current
bend points, or go when no longer routed. Foreign nodes, labels, groups and lines stay as they
were; what Steelframe added to the view is drawn as in a new diagram. A diagram is patched this way
only when its view changed since the import (``kept_views``).
"""

from __future__ import annotations

from lxml import etree  # lxml ships no type hints

from exporters.archimate.writing.diagrams import (
    box_attributes,
    contains,
    depth_rank,
    drawn_elements,
    nesting_holder,
    new_connection,
    new_node,
    normalise_origin,
    note_text,
    written_bends,
)
from exporters.archimate.writing.state import ExportState
from exporters.archimate.xml import (
    XSI_TYPE,
    XElement,
    children,
    detach,
    insert_laid_out,
    q,
    set_language_text,
)
from model.views import Bounds, Point, Route, ViewInfo
from model.vocabulary import ElementKind

Box = tuple[int, int, int, int]


def patch_diagram(state: ExportState, view: ViewInfo, diagram: XElement) -> None:
    """Make a kept diagram show the view as it is now, changing nothing else."""
    diagram.set("identifier", view.id)
    set_language_text(diagram, "name", view.name, state.lang, required=True)
    set_language_text(diagram, "documentation", view.documentation, state.lang, after=("name",))
    patch = _Patch(state, view.id, diagram)
    patch.nodes()
    patch.connections()
    patch.add_missing()
    _drop_references_to_what_is_gone(state, diagram)
    normalise_origin(diagram)


class _Patch:
    def __init__(self, state: ExportState, view_id: str, diagram: XElement) -> None:
        self.state = state
        self.view_id = view_id
        self.diagram = diagram
        self.layouts = state.model.layouts(view_id)
        self.placed = drawn_elements(state, self.layouts)
        #: Steelframe element (or note) id -> the node that draws it.
        self.shown: dict[str, XElement] = {}
        #: Steelframe relation id -> the connection that draws it.
        self.drawn: dict[str, XElement] = {}

    # ------------------------------------------------------------------ nodes

    def nodes(self) -> None:
        moved: set[str] = set()
        for node in list(self.diagram.iter(q("node"))):
            drawn = self._drawn_element(node)
            if drawn is None:
                continue  # a foreign element, a label or a group: as it was
            if drawn in self.placed and drawn not in self.shown:
                if self._place(node, drawn):
                    moved.add(node.get("identifier") or "")
            elif drawn not in self.placed:
                _remove_lifting_children(node)
        self._unnest_strays(moved)

    def _drawn_element(self, node: XElement) -> str | None:
        """The Steelframe element or note ``node`` draws, or None when it draws something kept as it is.

        An element node whose element is gone (or is a note or decision) names an id never placed.
        """
        reference = node.get("elementRef")
        if reference is None:
            identifier = node.get("identifier") or ""
            is_note = identifier in self.placed and self.state.model.element(identifier).kind is ElementKind.NOTE
            return identifier if is_note and node.get(XSI_TYPE) == "Label" else None
        if reference not in self.state.elements_written:
            return f"{reference} (gone)"
        return reference if self.state.model.find_element(reference) is not None else None

    def _place(self, node: XElement, element_id: str) -> bool:
        """Give the node the element's bounds (a note's node its text too); True when the box changed."""
        box = box_attributes(self.placed[element_id])
        changed = any(node.get(name) != value for name, value in box.items())
        for name, value in box.items():
            node.set(name, value)
        element = self.state.model.element(element_id)
        if element.kind is ElementKind.NOTE:
            set_language_text(node, "label", note_text(element), self.state.lang, required=True)
        self.shown[element_id] = node
        return changed

    def _unnest_strays(self, moved: set[str]) -> None:
        """A node moved out of its parent's box (or left behind by a moved parent) goes up to a box that holds it."""
        for node in list(self.diagram.iter(q("node"))):
            parent = node.getparent()
            if parent is None or parent.tag != q("node"):
                continue
            if node.get("identifier") not in moved and parent.get("identifier") not in moved:
                continue
            box, below, anchor = _box(node), node, parent
            while anchor.tag == q("node") and not _inside(box, _box(anchor)):
                below, anchor = anchor, anchor.getparent()
            if anchor is not parent:
                detach(node)
                insert_laid_out(anchor, anchor.index(below) + 1, node, inside=False)

    # ------------------------------------------------------------------ connections

    def connections(self) -> None:
        relations = self.state.model.relations_by_id
        by_id = {n.get("identifier") or "": n for n in self.diagram.iter(q("node"))}
        for connection in children(self.diagram, "connection"):
            reference = connection.get("relationshipRef")
            if reference is None:
                continue  # a line: stays while its ends do
            if reference not in self.state.relationship_ends:
                detach(connection)
            elif reference in relations and reference not in self.drawn:
                route = self.layouts.get(reference)
                if isinstance(route, Route) and self._attach(connection, reference, by_id):
                    _set_bends(connection, written_bends(self.state, reference, route.bends))
                    self.drawn[reference] = connection
                else:
                    detach(connection)
        self._drop_dangling()

    def _attach(self, connection: XElement, relation_id: str, by_id: dict[str, XElement]) -> bool:
        """Point the connection's ends at the nodes of the relationship's ends; False when one is not drawn."""
        for attribute, end in zip(("source", "target"), self.state.relationship_ends[relation_id], strict=True):
            current = by_id.get(connection.get(attribute) or "")
            if current is not None and current.get("elementRef") == end:
                continue
            node = self.shown.get(end)
            if node is None:
                return False
            connection.set(attribute, node.get("identifier") or "")
        return True

    def _drop_dangling(self) -> None:
        """Connections whose end node or connection is gone go too, and those attached to them."""
        while True:
            items = [*self.diagram.iter(q("node")), *children(self.diagram, "connection")]
            present = {item.get("identifier") for item in items}
            broken = [c for c in children(self.diagram, "connection")
                      if any(c.get(end) is not None and c.get(end) not in present for end in ("source", "target"))]
            if not broken:
                return
            for connection in broken:
                detach(connection)

    # ------------------------------------------------------------------ additions

    def add_missing(self) -> None:
        """Elements placed and relations routed in Steelframe that the kept diagram does not draw."""
        end_of_nodes = self._end_of_nodes()
        for element_id in sorted(self.placed, key=lambda i: (depth_rank(self.state, i), i)):
            if element_id in self.shown:
                continue
            node = new_node(self.state, self.view_id, element_id, self.placed[element_id])
            holder = nesting_holder(self.state, element_id, self.placed)
            if holder is not None and holder in self.shown:
                holder_node = self.shown[holder]
                insert_laid_out(holder_node, len(holder_node), node)
            else:
                insert_laid_out(self.diagram, end_of_nodes, node)
                end_of_nodes += 1
            self.shown[element_id] = node
        for relation_id in sorted(i for i, layout in self.layouts.items() if isinstance(layout, Route)):
            ends = self.state.relationship_ends.get(relation_id)
            if relation_id in self.drawn or ends is None or not all(end in self.shown for end in ends):
                continue
            route = self.layouts[relation_id]
            assert isinstance(route, Route)
            node_ids = tuple(self.shown[end].get("identifier") or "" for end in ends)
            connection = new_connection(self.state, self.view_id, relation_id, (node_ids[0], node_ids[1]), route.bends)
            insert_laid_out(self.diagram, len(self.diagram), connection)

    def _end_of_nodes(self) -> int:
        """Where a new top-level node goes: after the last node, before the connections."""
        positions = [i for i, child in enumerate(self.diagram) if child.tag == q("node")]
        if positions:
            return positions[-1] + 1
        kept = [i for i, child in enumerate(self.diagram) if child.tag in {q("name"), q("documentation"),
                                                                              q("properties")}]
        return kept[-1] + 1 if kept else 0


def _drop_references_to_what_is_gone(state: ExportState, diagram: XElement) -> None:
    """View references to deleted views go; a label's reference to a deleted concept too."""
    for reference in list(diagram.iter(q("viewRef"))):
        if reference.get("ref") not in state.view_ids:
            detach(reference)
    for node in diagram.iter(q("node")):
        concept = node.get("conceptRef")
        if concept is not None and not (concept in state.elements_written or concept in state.relationship_ends):
            del node.attrib["conceptRef"]
            node.attrib.pop("xpathPart", None)


def _remove_lifting_children(node: XElement) -> None:
    """Remove a node; its child nodes (absolute coordinates) move up to its parent, where it was."""
    parent = node.getparent()
    if parent is None:
        return
    index = parent.index(node)
    for offset, child in enumerate(children(node, "node")):
        detach(child)
        insert_laid_out(parent, index + 1 + offset, child, inside=False)
    detach(node)


def _set_bends(connection: XElement, bends: list[Point]) -> None:
    """Bend points from the route; unchanged ones stay, with the attachments the file had."""
    new = [(str(round(p.x)), str(round(p.y))) for p in bends]
    old = [(b.get("x"), b.get("y")) for b in children(connection, "bendpoint")]
    if new == old:
        return
    for stale in [*children(connection, "bendpoint"), *children(connection, "sourceAttachment"),
                  *children(connection, "targetAttachment")]:
        detach(stale)
    for x, y in new:
        insert_laid_out(connection, len(connection), etree.Element(q("bendpoint"), {"x": x, "y": y}))


def _box(node: XElement) -> Box:
    def value(name: str) -> int:
        try:
            return round(float(node.get(name) or 0))
        except ValueError:
            return 0

    return value("x"), value("y"), value("w"), value("h")


def _inside(inner: Box, outer: Box) -> bool:
    return contains(Bounds(x=outer[0], y=outer[1], w=max(outer[2], 1), h=max(outer[3], 1)),
                    Bounds(x=inner[0], y=inner[1], w=max(inner[2], 1), h=max(inner[3], 1)))
