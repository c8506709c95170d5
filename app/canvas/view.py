"""The widget that shows one diagram scene: zoom, pan, the grid, and mouse gestures handed to the
current tool. Keys here are the canvas's own; the window's actions (same shortcuts) take precedence.
The edit verbs on the selection live in ``verbs``; the keys here call them as the menus do.

Gestures: wheel zooms around the cursor; space + drag or the middle button pans; right-button
drag or Alt + drag from a box connects in any mode; double click or F2 renames in place.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QLineF, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmapCache,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QMenu, QWidget

from app.canvas import keyboard, style, verbs
from app.canvas.items import ElementItem, RelationItem
from app.canvas.naming import NamingEditor
from app.canvas.rename import InPlaceEditor
from app.canvas.scene import DiagramScene
from app.canvas.tool_state import Mode, ToolState
from app.canvas.tools import ConnectTool, CreateTool, SelectTool, Tool
from app.document import editing
from model.capture.nearest import DOWN, LEFT, RIGHT, UP
from model.changes import Committed, LayoutChange
from model.errors import ModelError
from model.views import Bounds
from model.vocabulary import ElementKind

ZOOM_STEP = 1.25
_ARROWS = {Qt.Key.Key_Left: LEFT, Qt.Key.Key_Right: RIGHT, Qt.Key.Key_Up: UP, Qt.Key.Key_Down: DOWN}
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0
WORLD_MARGIN = 4000.0
PIXMAP_CACHE_KIB = 96 * 1024
Key, Mod = Qt.Key, Qt.KeyboardModifier
_ALT_SHIFT = Mod.AltModifier | Mod.ShiftModifier
_ALIGN_KEYS = {(key, _ALT_SHIFT): edge for key, edge in (
    (Key.Key_Left, editing.Edge.LEFT), (Key.Key_Right, editing.Edge.RIGHT), (Key.Key_Up, editing.Edge.TOP),
    (Key.Key_Down, editing.Edge.BOTTOM), (Key.Key_C, editing.Edge.CENTRE_HORIZONTAL),
    (Key.Key_R, editing.Edge.CENTRE_VERTICAL))}


class DiagramView(QGraphicsView):
    """A view on a DiagramScene; ``status`` carries the reason an action was refused."""

    status = Signal(str)

    def __init__(self, scene: DiagramScene, tool_state: ToolState, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.diagram = scene
        self.tool_state = tool_state
        self.select_tool = SelectTool(self)
        self.tools: dict[Mode, Tool] = {
            Mode.SELECT: self.select_tool, Mode.CREATE: CreateTool(self), Mode.CONNECT: ConnectTool(self)}
        self.editor: InPlaceEditor | NamingEditor | None = None
        self.relation_menu: QMenu | None = None
        self.pasted = ("", 0)
        self._gesture: Tool | None = None
        self._pan_from: QPoint | None = None
        self._space = False
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        # Items keep their painted pixmaps (DeviceCoordinateCache, see items.py); room for a screenful twice over.
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KIB))
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.ContainsItemShape)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSceneRect(scene.itemsBoundingRect().adjusted(-WORLD_MARGIN, -WORLD_MARGIN, WORLD_MARGIN, WORLD_MARGIN))
        tool_state.changed.connect(self._on_tool_changed)
        scene.document.committed.connect(self._on_commit)
        self._on_tool_changed()

    # ------------------------------------------------------------- looking up

    def element_at(self, pos: QPointF) -> ElementItem | None:
        """The topmost box under a scene point."""
        return next((i for i in self.diagram.items(pos) if isinstance(i, ElementItem)), None)

    def item_at(self, pos: QPointF) -> QGraphicsItem | None:
        """The topmost box or line under a scene point."""
        return next((i for i in self.diagram.items(pos) if isinstance(i, (ElementItem, RelationItem))), None)

    def sizeHint(self) -> QSize:
        return QSize(640, 480)  # not the scrollable world's size, which would ask for most of the screen

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    # ----------------------------------------------------------- zoom and pan

    def zoom_in(self) -> None:
        self._zoom_about(ZOOM_STEP, self.viewport().rect().center())

    def zoom_out(self) -> None:
        self._zoom_about(1 / ZOOM_STEP, self.viewport().rect().center())

    def fit(self) -> None:
        """Show every item (Ctrl+0)."""
        rect = self.diagram.itemsBoundingRect()
        if rect.isEmpty():
            self.resetTransform()
            return
        self._fit_rect(rect)

    def _fit_rect(self, rect: QRectF) -> None:
        rect = rect.adjusted(-40, -40, 40, 40)
        self.make_room(rect)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        bounded = min(max(self.zoom, MIN_ZOOM), MAX_ZOOM)
        if bounded != self.zoom:
            self.scale(bounded / self.zoom, bounded / self.zoom)
            self.centerOn(rect.center())

    def _zoom_about(self, factor: float, anchor: QPoint) -> None:
        """Scale keeping the scene point under ``anchor`` (viewport pixels) where it is."""
        factor = min(max(self.zoom * factor, MIN_ZOOM), MAX_ZOOM) / self.zoom
        fixed = self.mapToScene(anchor)
        self.scale(factor, factor)
        drift = self.mapFromScene(fixed) - anchor
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + drift.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + drift.y())

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if not steps:
            super().wheelEvent(event)
            return
        self._zoom_about(ZOOM_STEP ** steps, event.position().toPoint())
        event.accept()

    def _pan_by(self, delta: QPoint) -> None:
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())

    def make_room(self, rect: QRectF) -> None:
        """Grow the scrollable world so that ``rect`` and a wide margin around it can be reached."""
        if not self.sceneRect().contains(rect):
            margin = WORLD_MARGIN
            self.setSceneRect(self.sceneRect().united(rect.adjusted(-margin, -margin, margin, margin)))

    def _on_commit(self, committed: Committed) -> None:
        if self.editor is not None and self.editor.item_id is not None and \
                self.diagram.item_for(self.editor.item_id) is None:
            self.editor.cancel()  # what was being renamed is gone (an undo, another window)
        for change in committed.changes:
            if isinstance(change, LayoutChange) and change.view == self.diagram.view_id and \
                    isinstance(change.new, Bounds):
                new = change.new
                self.make_room(QRectF(new.x, new.y, new.w, new.h))

    def reveal(self, ids: Iterable[str]) -> None:
        """Select the items and bring them into sight (the violations panel calls this)."""
        wanted = list(ids)
        self.diagram.selection.set(wanted)
        rect = QRectF()
        for item_id in wanted:
            item = self.diagram.item_for(item_id)
            if isinstance(item, ElementItem):
                rect = rect.united(item.scene_bounds())
            elif item is not None and item.isVisible():
                rect = rect.united(item.sceneBoundingRect())
        if rect.isNull():
            return
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if rect.width() > visible.width() or rect.height() > visible.height():
            self._fit_rect(rect)
        else:
            self.centerOn(rect.center())

    def set_snap(self, on: bool) -> None:
        """Snap moved and drawn boxes to the grid, which is shown while snapping is on."""
        self.diagram.snap_to_grid = on
        self.repaint_all()

    def repaint_all(self) -> None:
        """Drop the cached grid and the items' cached pixmaps (after a change of font, colours or grid)."""
        self.resetCachedContent()
        for item in self.diagram.items():
            item.update()
        self.viewport().update()

    def drawBackground(self, painter: QPainter, area: QRectF | QRect) -> None:
        super().drawBackground(painter, area)
        rect = QRectF(area)
        if not self.diagram.snap_to_grid:
            return
        step = style.GRID
        while step * self.zoom < 8:
            step *= 5
        # An opaque colour mixed from text and background: a translucent pen costs ~15x more per paint.
        text, base = self.palette().color(QPalette.ColorRole.Text), self.backgroundBrush().color()
        if self.backgroundBrush().style() == Qt.BrushStyle.NoBrush:
            base = self.palette().color(QPalette.ColorRole.Base)
        mix = 20 / 255
        colour = QColor.fromRgbF(
            base.redF() + (text.redF() - base.redF()) * mix,
            base.greenF() + (text.greenF() - base.greenF()) * mix,
            base.blueF() + (text.blueF() - base.blueF()) * mix,
        )
        pen = QPen(colour, 0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        xs = range(math.floor(rect.left() / step), math.ceil(rect.right() / step) + 1)
        ys = range(math.floor(rect.top() / step), math.ceil(rect.bottom() / step) + 1)
        painter.drawLines([QLineF(x * step, rect.top(), x * step, rect.bottom()) for x in xs]
                          + [QLineF(rect.left(), y * step, rect.right(), y * step) for y in ys])

    # ------------------------------------------------------------------ mouse

    def _tool_for(self, event: QMouseEvent) -> Tool:
        button = event.button()
        alt_drag = button == Qt.MouseButton.LeftButton and event.modifiers() & Mod.AltModifier
        if button == Qt.MouseButton.RightButton or alt_drag:
            return self.tools[Mode.CONNECT]
        return self.tools[self.tool_state.mode]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = self.mapToScene(event.position().toPoint())
        if self.editor is not None:
            if self.editor.contains(pos):
                super().mousePressEvent(event)
                return
            self.editor.commit()
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (button == Qt.MouseButton.LeftButton and self._space):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        tool = self._tool_for(event)
        if self._gesture is None and tool.press(event, pos):
            self._gesture = tool
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            point = event.position().toPoint()
            self._pan_by(point - self._pan_from)
            self._pan_from = point
        elif self._gesture is not None:
            self._gesture.move(event, self.mapToScene(event.position().toPoint()))
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self._update_cursor()
        elif self._gesture is not None:
            gesture, self._gesture = self._gesture, None
            gesture.release(event, self.mapToScene(event.position().toPoint()))
        else:
            super().mouseReleaseEvent(event)  # Qt's own gesture: a click, a rubber band or moving boxes
            self.select_tool.commit_moves()
            return
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self.item_at(self.mapToScene(event.position().toPoint()))
        if isinstance(item, (ElementItem, RelationItem)) and event.button() == Qt.MouseButton.LeftButton:
            self.start_rename(item.element_id if isinstance(item, ElementItem) else item.relation_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def cancel(self) -> None:
        """Esc: drop the gesture in progress; else leave a drawing mode; else clear the selection."""
        if self._gesture is not None:
            self._gesture.cancel()
            self._gesture = None
        elif self.tool_state.mode is not Mode.SELECT:
            self.tool_state.mode = Mode.SELECT
        else:
            self.diagram.selection.clear()

    def _on_tool_changed(self) -> None:
        if self._gesture is not None:
            self._gesture.cancel()
            self._gesture = None
        selecting = self.tool_state.mode is Mode.SELECT
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag if selecting else QGraphicsView.DragMode.NoDrag)
        self._update_cursor()

    def _update_cursor(self) -> None:
        if self._space:
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        elif self.tool_state.mode is Mode.SELECT:
            self.viewport().unsetCursor()
        else:
            self.viewport().setCursor(Qt.CursorShape.CrossCursor)

    # --------------------------------------------------------------- keyboard

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self._capture_tab(event):
            if self.editor is not None:
                self.editor.commit()
            verbs.add_next(self)
            return True
        return super().event(event)

    def _capture_tab(self, event: QKeyEvent) -> bool:
        """Tab while a box is selected or being named adds the next box; otherwise Tab leaves the canvas."""
        if event.key() != Key.Key_Tab or event.modifiers() & (Mod.ControlModifier | Mod.AltModifier):
            return False
        return self.editor is not None or any(i in self.diagram.elements for i in self.diagram.selection.ids)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.editor is not None:
            super().keyPressEvent(event)
            return
        if event.key() == Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self._update_cursor()
            return
        action = self._key_action(event)
        if action is None:
            super().keyPressEvent(event)
            return
        action()
        event.accept()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self._update_cursor()
        super().keyReleaseEvent(event)

    def _key_action(self, event: QKeyEvent) -> Callable[[], object] | None:
        """The canvas's own keys, the same as the window's menu shortcuts (which win when present)."""
        standard = QKeySequence.StandardKey
        for sequence, command in ((standard.ZoomIn, self.zoom_in), (standard.ZoomOut, self.zoom_out),
                                  (standard.Copy, lambda: verbs.copy(self)),
                                  (standard.Paste, lambda: verbs.paste(self))):
            if event.matches(sequence):
                return command
        chord = (Key(event.key()), event.modifiers() & ~Mod.KeypadModifier)
        if chord in _ALIGN_KEYS:
            edge = _ALIGN_KEYS[chord]
            return lambda: verbs.align(self, edge)
        none, ctrl, shift = Mod.NoModifier, Mod.ControlModifier, Mod.ShiftModifier
        if chord[0] in _ARROWS and chord[1] in (none, shift):
            direction, adding = _ARROWS[chord[0]], chord[1] == shift
            return lambda: self.step_selection(direction, adding)
        keys: dict[tuple[Qt.Key, Qt.KeyboardModifier], Callable[[], object]] = {
            (Key.Key_Escape, none): self.cancel, (Key.Key_F2, none): self.start_rename,
            (Key.Key_Insert, none): lambda: verbs.add_next(self), (Key.Key_Delete, none): lambda: verbs.delete(self),
            (Key.Key_Backspace, none): lambda: verbs.delete(self),
            (Key.Key_Delete, shift): lambda: verbs.remove_from_view(self),
            (Key.Key_D, ctrl): lambda: verbs.duplicate(self), (Key.Key_L, ctrl): self.link_selected,
            (Key.Key_0, ctrl): self.fit, (Key.Key_Equal, ctrl): self.zoom_in, (Key.Key_Minus, ctrl): self.zoom_out,
        }
        return keys.get(chord)

    def link_selected(self) -> None:
        keyboard.link_selected(self)

    def step_selection(self, direction: tuple[int, int], adding: bool = False) -> None:
        keyboard.step_selection(self, direction, adding)

    # ------------------------------------------------------ refusals and rename

    def refuse(self, error: ModelError | str) -> None:
        text = str(error)
        self.status.emit(text if text.startswith("Refused") else f"Refused: {text}")

    def start_rename(self, item_id: str | None = None) -> None:
        """Open the name of a box or line for typing (F2, double click, after creating)."""
        item_id = item_id or self.diagram.selection.single
        if item_id is None or self.diagram.item_for(item_id) is None:
            self.refuse("select one element to rename it")
            return
        if self.editor is not None:
            self.editor.commit()
        self.window().activateWindow()
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)  # from the tree too: the keys must reach the editor
        self.editor = InPlaceEditor(self.diagram, item_id, self.editor_closed)

    def start_naming(self, kind: ElementKind, anchor_id: str | None) -> None:
        """Tab or Insert: name a new box next to ``anchor_id``; it is created, in one step, when named."""
        if self.editor is not None:
            self.editor.commit()
        self.editor = keyboard.start_naming(self, kind, anchor_id)

    def editor_closed(self, message: str) -> None:
        self.editor = None
        self.setFocus()
        if message:
            self.status.emit(message)
