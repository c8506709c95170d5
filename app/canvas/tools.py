"""Canvas tools: interaction objects that turn a press, moves and a release into one editing command.

The view hands each gesture to one tool (``press`` returns True when the tool takes the gesture;
False leaves it to Qt: selecting, rubber band, moving boxes). Tools ask ``app.document.editing``; they never
write the model themselves, and Esc calls ``cancel``.

Connecting works in any mode too: drag with the right mouse button, or Alt + drag, from one box to
another.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPen
from PySide6.QtWidgets import QApplication, QGraphicsLineItem, QGraphicsRectItem, QMenu, QWidget

from app.canvas.items import ElementItem
from app.canvas.scene import default_bounds, snap, to_bounds
from app.canvas.target import Canvas
from app.canvas.tool_state import Mode
from app.document import editing
from model.errors import ModelError
from model.vocabulary import ElementKind, FlowStyle, RelationKind

MIN_SIZE = (40.0, 30.0)
_HINTS = {
    RelationKind.OWNS: "owns (the authoritative owner)",
    RelationKind.REPLICATES: "replicates (a read copy)",
    RelationKind.WRITES: "writes (changes the fact)",
    RelationKind.CONTAINS: "contains (part of the context)",
}


class Tool:
    """One way of reading mouse gestures on the canvas."""

    def __init__(self, view: Canvas) -> None:
        self.view = view

    def press(self, event: QMouseEvent, pos: QPointF) -> bool:
        return False

    def move(self, event: QMouseEvent, pos: QPointF) -> None:
        """Called for moves of a gesture this tool took."""

    def release(self, event: QMouseEvent, pos: QPointF) -> None:
        """Called when the gesture this tool took ends."""

    def cancel(self) -> None:
        """Esc: drop the gesture, leaving the model as it was."""


class SelectTool(Tool):
    """Click selects, Ctrl/Shift-click toggles; Qt does the rest (rubber band, moving selected boxes),
    and on release this tool commits the boxes Qt moved as one step."""

    def press(self, event: QMouseEvent, pos: QPointF) -> bool:
        toggling = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        if event.button() != Qt.MouseButton.LeftButton or not toggling:
            return False
        item = self.view.item_at(pos)
        if item is None:
            return False
        item.setSelected(not item.isSelected())
        return True

    def commit_moves(self) -> None:
        """Write where Qt dragged boxes to, as one undo step (the view calls this when Qt's gesture ends)."""
        scene = self.view.diagram
        moved = scene.dragged()
        if not moved:
            return
        try:
            editing.move(scene.document, scene.view_id, moved)
        except ModelError as error:
            self.view.refuse(error)


class CreateTool(Tool):
    """Click (default size) or drag (dragged size) on empty canvas or inside a context creates an
    element of the palette's kind, selects it and opens its name for typing."""

    def __init__(self, view: Canvas) -> None:
        super().__init__(view)
        self._origin: QPointF | None = None
        self._pressed_at = QPoint()
        self._preview: QGraphicsRectItem | None = None

    def press(self, event: QMouseEvent, pos: QPointF) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        hit = self.view.element_at(pos)
        if hit is not None and hit.element.kind is not ElementKind.CONTEXT:
            return False  # on another box: select or move it instead
        self._origin, self._pressed_at = pos, event.position().toPoint()
        self._preview = QGraphicsRectItem(QRectF(pos, pos))
        pen = QPen(QColor("#2f6db5"), 1.2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self._preview.setPen(pen)
        self._preview.setZValue(900)
        self.view.diagram.addItem(self._preview)
        return True

    def move(self, event: QMouseEvent, pos: QPointF) -> None:
        if self._preview is not None and self._origin is not None:
            self._preview.setRect(QRectF(self._origin, pos).normalized())

    def release(self, event: QMouseEvent, pos: QPointF) -> None:
        origin = self._origin
        self.cancel()
        if origin is None:
            return
        kind = self.view.tool_state.kind
        dragged = (event.position().toPoint() - self._pressed_at).manhattanLength() >= QApplication.startDragDistance()
        bounds = to_bounds(self._dragged(origin, pos)) if dragged else default_bounds(kind, origin)
        scene = self.view.diagram
        try:
            element_id = editing.create_element(scene.document, scene.view_id, kind, bounds,
                                                selection=scene.selection)
        except ModelError as error:
            self.view.refuse(error)
            return
        state = self.view.tool_state
        if not (state.sticky or event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            state.mode = Mode.SELECT  # as in Archi: one box, then back to Select (Shift or sticky keeps it)
        self.view.start_rename(element_id)

    def _dragged(self, origin: QPointF, pos: QPointF) -> QRectF:
        rect = QRectF(origin, pos).normalized()
        if self.view.diagram.snap_to_grid:
            rect = QRectF(snap(rect.topLeft()), snap(rect.bottomRight()))
        rect.setWidth(max(rect.width(), MIN_SIZE[0]))
        rect.setHeight(max(rect.height(), MIN_SIZE[1]))
        return rect

    def cancel(self) -> None:
        if self._preview is not None:
            self.view.diagram.removeItem(self._preview)
        self._preview, self._origin = None, None


class ConnectTool(Tool):
    """Drag from a box to another: a rubber line, then the relation their kinds allow (a small menu
    when more than one fits, the likeliest preselected), or the reason none does in the status bar."""

    def __init__(self, view: Canvas) -> None:
        super().__init__(view)
        self._source: ElementItem | None = None
        self._line: QGraphicsLineItem | None = None

    def press(self, event: QMouseEvent, pos: QPointF) -> bool:
        source = self.view.element_at(pos)
        if source is None or event.button() not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            return False
        self._source = source
        self._line = QGraphicsLineItem(QLineF(source.scene_bounds().center(), pos))
        self._line.setZValue(900)
        self.view.diagram.addItem(self._line)
        self.move(event, pos)
        return True

    def move(self, event: QMouseEvent, pos: QPointF) -> None:
        if self._line is None or self._source is None:
            return
        self._line.setLine(QLineF(self._line.line().p1(), pos))
        target = self.view.element_at(pos)
        fits = target is None or target is self._source or self._fits(self._source, target)
        pen = QPen(QColor("#37474f" if fits else "#d32f2f"), 1.5, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self._line.setPen(pen)

    def _fits(self, source: ElementItem, target: ElementItem) -> bool:
        try:
            return bool(editing.relation_choices(self.view.diagram.document.model, source.element_id,
                                                 target.element_id))
        except ModelError:
            return False

    def release(self, event: QMouseEvent, pos: QPointF) -> None:
        source = self._source
        self.cancel()
        target = self.view.element_at(pos)
        if source is None or target is None or target is source:
            return
        try:
            choices = editing.relation_choices(self.view.diagram.document.model, source.element_id, target.element_id)
        except ModelError as error:  # an end went away during the drag
            self.view.refuse(error)
            return
        if len(choices) > 1:
            self._ask(choices, source.element_id, target.element_id, event.globalPosition().toPoint())
            return
        self.connect(source.element_id, target.element_id)

    def _ask(self, choices: list[RelationKind], source_id: str, target_id: str, where: QPoint) -> None:
        """Offer the kinds that fit in a small menu at the cursor; choosing one connects."""
        menu = relation_menu(self.view.viewport(), choices, self.view.tool_state.flow_style,
                             lambda kind: self.connect(source_id, target_id, kind))
        self.view.relation_menu = menu
        menu.aboutToHide.connect(lambda: setattr(self.view, "relation_menu", None))
        menu.popup(where)
        menu.setActiveAction(menu.actions()[0])

    def connect(self, source_id: str, target_id: str, kind: RelationKind | None = None) -> str | None:
        """Add the relation (or report why not); the new relation is selected."""
        scene = self.view.diagram
        try:
            return editing.connect(scene.document, scene.view_id, source_id, target_id, kind,
                                   style=self.view.tool_state.flow_style, selection=scene.selection)
        except ModelError as error:
            self.view.refuse(error)
            return None

    def cancel(self) -> None:
        if self._line is not None:
            self.view.diagram.removeItem(self._line)
        self._line, self._source = None, None


def relation_menu(parent: QWidget, choices: list[RelationKind], style: FlowStyle,
                  chosen: Callable[[RelationKind], object]) -> QMenu:
    """A small popup of the relation kinds that fit, the first one the default (Enter takes it)."""
    menu = QMenu(parent)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    for kind in choices:
        text = f"{style} flow" if kind is RelationKind.FLOW else _HINTS.get(kind, str(kind))
        action = menu.addAction(text)
        action.setData(kind.value)
    menu.setDefaultAction(menu.actions()[0])
    menu.triggered.connect(lambda action: chosen(RelationKind(action.data())))
    return menu
