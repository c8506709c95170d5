"""Marks on a view for a comparison: added and changed boxes outlined in their colours, removed ones
drawn as dashed ghosts where the compared model had them. Marks are decoration only: not selectable,
not movable, and gone when the comparison is cleared."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsSimpleTextItem

from app.canvas.scene import DiagramScene
from model.diff import ModelDiff
from model.store import Model
from model.views import Bounds

CHANGE_COLOURS = {"added": "#2e7d32", "changed": "#ef6c00", "removed": "#c62828"}
MARK_Z = 1000.0
MARK = "change-mark"


def clear_marks(scene: DiagramScene) -> None:
    for item in list(scene.items()):
        if item.data(0) == MARK:
            scene.removeItem(item)


def mark_changes(scene: DiagramScene, diff: ModelDiff, baseline: Model) -> int:
    """Outline what changed on this view and ghost what was removed; returns how many marks were drawn."""
    clear_marks(scene)
    drawn = 0
    for change in diff.elements:
        if change.change == "removed":
            bounds = baseline.layout(scene.view_id, change.id)
            if isinstance(bounds, Bounds):
                _ghost(scene, QRectF(bounds.x, bounds.y, bounds.w, bounds.h), change.label)
                drawn += 1
            continue
        item = scene.elements.get(change.id)
        if item is not None:
            _outline(scene, item.scene_bounds().adjusted(-5, -5, 5, 5), CHANGE_COLOURS[change.change])
            drawn += 1
    return drawn


def _decoration(item: QGraphicsItem) -> None:
    item.setData(0, MARK)
    item.setZValue(MARK_Z)
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)


def _outline(scene: DiagramScene, rect: QRectF, colour: str) -> QGraphicsRectItem:
    mark = QGraphicsRectItem(rect)
    mark.setPen(QPen(QColor(colour), 4))
    mark.setBrush(QBrush(Qt.BrushStyle.NoBrush))
    _decoration(mark)
    scene.addItem(mark)
    return mark


def _ghost(scene: DiagramScene, rect: QRectF, label: str) -> None:
    mark = _outline(scene, rect, CHANGE_COLOURS["removed"])
    pen = mark.pen()
    pen.setStyle(Qt.PenStyle.DashLine)
    mark.setPen(pen)
    text = QGraphicsSimpleTextItem(f"removed: {label}", mark)
    text.setBrush(QBrush(QColor(CHANGE_COLOURS["removed"])))
    text.setPos(rect.x() + 6, rect.y() + 6)
    text.setData(0, MARK)
