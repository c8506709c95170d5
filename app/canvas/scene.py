"""The scene of one view: it mirrors the model (items for ids, kept in step with committed changes)
and marks violations from the engine's diffs, repainting only the items a diff names."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from app.canvas import style
from app.canvas.dependencies import affected
from app.canvas.items import ElementItem, RelationItem, fact_details
from app.canvas.labels import Grid, Obstacles, place
from app.document.controller import Document
from app.document.selection import Selection
from model.changes import Committed, LayoutChange
from model.elements import ElementBase
from model.engine import Diff
from model.relations import Flow, RelationBase
from model.views import Bounds, Point, Route
from model.vocabulary import ElementKind, RelationKind


def to_rect(bounds: Bounds) -> QRectF:
    return QRectF(bounds.x, bounds.y, bounds.w, bounds.h)


def to_bounds(rect: QRectF) -> Bounds:
    return Bounds(x=round(rect.x(), 2), y=round(rect.y(), 2), w=round(rect.width(), 2), h=round(rect.height(), 2))


class DiagramScene(QGraphicsScene):
    """A view of the model that only mirrors it: neither the scene nor its items write the model (the
    select tool commits a drag on release, as one step)."""

    def __init__(self, document: Document, view_id: str, selection: Selection) -> None:
        super().__init__()
        self.document = document
        self.view_id = view_id
        self.selection = selection
        self.snap_to_grid = True
        self.ink = style.PAPER
        self.elements: dict[str, ElementItem] = {}
        self.relations: dict[str, RelationItem] = {}
        #: The boxes and labels the next label to place keeps clear of.
        self.obstacles = Obstacles()
        # Items paint their cached pixmaps in the scene's font: the canvas's own, not the UI's.
        self.setFont(style.canvas_font())
        self._syncing_selection = False
        # Many long edges: an index costs more than it saves (about 10x on the first query).
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self._build()
        document.committed.connect(self._on_commit)
        document.violations_changed.connect(self._on_diff)
        self.selectionChanged.connect(self._selection_from_scene)
        selection.changed.connect(self._selection_to_scene)

    def detach(self) -> None:
        """Stop following the document (the tab is closing)."""
        self.document.committed.disconnect(self._on_commit)
        self.document.violations_changed.disconnect(self._on_diff)
        self.selection.changed.disconnect(self._selection_to_scene)
        self.selectionChanged.disconnect(self._selection_from_scene)

    def set_ink(self, ink: style.Ink) -> None:
        """Draw the lines for this background (the view's theme, or paper while printing)."""
        self.ink = ink
        for item in self.relations.values():
            item.set_ink(ink)

    def set_canvas_font(self, font: QFont) -> None:
        """Draw the canvas's words in ``font`` (a presentation's larger one) and place the labels anew for it."""
        if font == self.font():
            return
        self.setFont(font)
        self.obstacles.labels = Grid()
        for item in self.relations.values():
            self._place_label(item)

    # ------------------------------------------------------------------ build

    def _build(self) -> None:
        layouts = self.document.model.layouts(self.view_id)
        for item_id, layout in layouts.items():
            if isinstance(layout, Bounds):
                self._add_element(item_id, layout)
        for element_id in self.elements:
            self._parent(element_id)
        for item_id, layout in layouts.items():
            if isinstance(layout, Route):
                self._add_relation(item_id, layout)

    def _add_element(self, element_id: str, bounds: Bounds) -> None:
        element = self.document.model.element(element_id)
        item = ElementItem(element, to_rect(bounds))
        self.elements[element_id] = item
        self.addItem(item)
        if element.kind is ElementKind.CONTEXT:
            self.obstacles.containers.add(element_id)
        self.obstacles.boxes.put(element_id, item.scene_bounds())
        self._refresh_element(element_id)

    def _add_relation(self, relation_id: str, route: Route) -> None:
        relation = self.document.model.relation(relation_id)
        item = RelationItem(relation, [QPointF(p.x, p.y) for p in route.bends], self.ink)
        self.relations[relation_id] = item
        self.addItem(item)
        self._refresh_relation(relation_id)

    def _parent(self, element_id: str) -> None:
        """Services and acls drawn inside their context's box move with it."""
        item = self.elements[element_id]
        holder = self.document.model.container_of(element_id)
        parent = self.elements.get(holder) if holder else None
        if item.parentItem() is not parent:
            scene_pos = item.scenePos()
            item.setParentItem(parent)  # type: ignore[arg-type]  # None detaches; the stubs omit it
            item.setPos(parent.mapFromScene(scene_pos) if parent else scene_pos)

    # ---------------------------------------------------------------- refresh

    def _refresh_element(self, element_id: str) -> None:
        item = self.elements[element_id]
        model = self.document.model
        element = model.element(element_id)
        item.set_element(element)
        owners = [model.element(r.source).name for r in model.incoming(element_id, RelationKind.OWNS)]
        item.set_details(fact_details(element, owners))
        item.set_badge(*self.document.worst(element_id))

    def _refresh_relation(self, relation_id: str) -> None:
        item = self.relations[relation_id]
        relation = self.document.model.relation(relation_id)
        item.set_relation(relation)
        item.set_label(self._label(relation))
        item.set_badge(*self.document.worst(relation_id))
        self._route(item)

    def _label(self, relation: RelationBase) -> str:
        if isinstance(relation, Flow):
            if relation.event:
                event = self.document.model.find_element(relation.event)
                return event.name if event else ""
            return relation.name
        return relation.name

    def _route(self, item: RelationItem) -> None:
        source = self.elements.get(item.relation.source)
        target = self.elements.get(item.relation.target)
        if source is None or target is None:
            item.setVisible(False)
            self._place_label(item)
            return
        item.setVisible(True)
        item.route(source.scene_bounds(), target.scene_bounds())
        self._place_label(item)

    def _place_label(self, item: RelationItem) -> None:
        """Put the line's label where it covers no box and no other label, or the least of them."""
        labels = self.obstacles.labels
        if not item.label or not item.isVisible():
            labels.remove(item.relation_id)
            item.shown_label = ""
            item.set_label_rect(None)
            return
        rect = place(item.line_path(), item.fit_label(self.font()), self.obstacles, item.relation_id)
        labels.put(item.relation_id, rect)
        item.set_label_rect(rect)

    def element_moved(self, item: ElementItem) -> None:
        """Keep lines attached while a box is dragged, and labels off the box (called by the item; Qt tells the
        boxes inside a moved context of their own move)."""
        box = item.scene_bounds()
        self.obstacles.boxes.put(item.element_id, box)
        incident = set()
        for relation in self.document.model.incident(item.element_id):
            line = self.relations.get(relation.id)
            if line is not None:
                incident.add(relation.id)
                self._route(line)
        labels = self.obstacles.labels
        for relation_id in labels.near(box) - incident:
            if labels.rects[relation_id].intersects(box):
                self._place_label(self.relations[relation_id])

    # ---------------------------------------------------------- model events

    def _on_commit(self, committed: Committed) -> None:
        relations: set[str] = set()
        for layout in self._layouts_parents_first(committed):
            self._apply_layout(layout, relations)
        model = self.document.model
        changed = affected(model, committed.changes)
        for element_id in changed.elements & self.elements.keys():
            self._parent(element_id)
            self._refresh_element(element_id)
        for relation_id in (changed.relations | relations) & self.relations.keys():
            if model.find_relation(relation_id) is not None:
                self._refresh_relation(relation_id)
        self.selection.discard(i for i in self.selection.ids if i not in model)

    def _apply_layout(self, change: LayoutChange, relations: set[str]) -> None:
        item_id, new = change.item, change.new
        if new is None:
            self._remove(item_id)
        elif isinstance(new, Bounds):
            if item_id in self.elements:
                item = self.elements[item_id]
                corner = item.scenePos()
                item.set_bounds(to_rect(new))
                if item.scenePos() == corner:  # resized in place: Qt tells the item only of moves
                    self.element_moved(item)
            else:
                self._add_element(item_id, new)
                self._parent(item_id)
                for child_id in self._contained(item_id):
                    self._parent(child_id)
                relations.update(r.id for r in self.document.model.incident(item_id) if r.id in self.relations)
        elif item_id in self.relations:
            self.relations[item_id].set_bends([QPointF(p.x, p.y) for p in new.bends])
        else:
            self._add_relation(item_id, new)

    def _layouts_parents_first(self, committed: Committed) -> list[LayoutChange]:
        """This view's layout changes, a context's before those of the boxes inside it.

        A child item moves with its parent: placed first, a service would then be carried off by
        its context's move. Placed after, it lands where the model has it.
        """
        model = self.document.model
        changes = [c for c in committed.changes if isinstance(c, LayoutChange) and c.view == self.view_id]
        return sorted(changes, key=lambda c: model.container_of(c.item) is not None)

    def _contained(self, context_id: str) -> list[str]:
        return [r.target for r in self.document.model.outgoing(context_id, RelationKind.CONTAINS)
                if r.target in self.elements]

    def _remove(self, item_id: str) -> None:
        if item_id in self.relations:
            self.obstacles.labels.remove(item_id)
            self.removeItem(self.relations.pop(item_id))
            return
        item = self.elements.pop(item_id, None)
        if item is None:
            return
        self.obstacles.boxes.remove(item_id)
        self.obstacles.containers.discard(item_id)
        for child in list(item.childItems()):
            if isinstance(child, ElementItem):
                scene_pos = child.scenePos()
                child.setParentItem(None)  # type: ignore[arg-type]  # None detaches; the stubs omit it
                child.setPos(scene_pos)
        self.removeItem(item)

    def _on_diff(self, diff: Diff) -> None:
        touched = {i for v in (*diff.added, *diff.removed) for i in v.elements}
        for item_id in touched:
            element = self.elements.get(item_id)
            if element is not None:
                element.set_badge(*self.document.worst(item_id))
            relation = self.relations.get(item_id)
            if relation is not None:
                relation.set_badge(*self.document.worst(item_id))

    # --------------------------------------------------------------- moving

    def dragged(self) -> dict[str, Bounds]:
        """Where Qt has drawn boxes away from where the model has them (a drag in progress or just
        dropped), snapped to the grid when snapping; the select tool commits these, never the scene."""
        moved: dict[str, Bounds] = {}
        model = self.document.model
        for element_id, item in self.elements.items():
            current = model.layout(self.view_id, element_id)
            rect = item.scene_bounds()
            if self.snap_to_grid and item.isSelected():
                rect.moveTopLeft(snap(rect.topLeft()))
            bounds = to_bounds(rect)
            if isinstance(current, Bounds) and (current.x, current.y) != (bounds.x, bounds.y):
                moved[element_id] = Bounds(x=bounds.x, y=bounds.y, w=current.w, h=current.h)
        return moved

    # ------------------------------------------------------------- selection

    def _selection_from_scene(self) -> None:
        if self._syncing_selection:
            return
        ids = [i.element_id if isinstance(i, ElementItem) else i.relation_id  # type: ignore[attr-defined]
               for i in self.selectedItems() if isinstance(i, (ElementItem, RelationItem))]
        # Qt's selectedItems() has no order: keep the order things were selected in (first to second matters).
        selected = set(ids)
        kept = [i for i in self.selection.ids if i in selected]
        already = set(kept)
        self._syncing_selection = True
        try:
            self.selection.set(kept + [i for i in ids if i not in already])
        finally:
            self._syncing_selection = False

    def _selection_to_scene(self) -> None:
        if self._syncing_selection:
            return
        wanted = set(self.selection.ids)
        self._syncing_selection = True
        try:
            for item_id, item in [*self.elements.items(), *self.relations.items()]:
                item.setSelected(item_id in wanted)
        finally:
            self._syncing_selection = False

    def item_for(self, item_id: str) -> QGraphicsItem | None:
        return self.elements.get(item_id) or self.relations.get(item_id)


def snap(point: QPointF) -> QPointF:
    return QPointF(round(point.x() / style.GRID) * style.GRID, round(point.y() / style.GRID) * style.GRID)


def default_bounds(kind: ElementKind, centre: QPointF) -> Bounds:
    width, height = style.DEFAULT_SIZE.get(kind, style.FALLBACK_SIZE)
    corner = snap(QPointF(centre.x() - width / 2, centre.y() - height / 2))
    return Bounds(x=corner.x(), y=corner.y(), w=width, h=height)


def point(p: QPointF) -> Point:
    return Point(x=round(p.x(), 2), y=round(p.y(), 2))


def element_of(item: QGraphicsItem | None) -> ElementBase | None:
    return item.element if isinstance(item, ElementItem) else None
