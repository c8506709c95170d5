"""Painting a view's scene onto any device: its drawn extent, paper ink, no selection marks (items size
their words for the device themselves, ``style.device_font``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem

from app.canvas import style
from app.canvas.scene import DiagramScene
from app.canvas.style import SCENE_DPI

__all__ = ["SCENE_DPI", "drawn_rect", "paint_scene", "unselected"]

MARGIN = 20.0  # scene units of white around the drawing


def drawn_rect(scene: DiagramScene) -> QRectF:
    """The items' bounding rect and a margin; a small blank sheet for an empty view."""
    rect = scene.itemsBoundingRect()
    if rect.isEmpty():
        return QRectF(0, 0, 400, 300)
    return rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


@contextmanager
def unselected(scene: DiagramScene) -> Iterator[None]:
    """Selection outlines are not printed; the app's selection is left alone (the scene's signals are blocked)."""
    selected = scene.selectedItems()
    blocked = scene.blockSignals(True)
    try:
        for item in selected:
            item.setSelected(False)
        yield
    finally:
        for item in selected:
            item.setSelected(True)
        scene.blockSignals(blocked)


@contextmanager
def drawn_for_paper(scene: DiagramScene) -> Iterator[None]:
    """Items paint themselves on the device instead of copying their screen caches, so pages stay
    vector; lines and labels in the ink for white paper, whatever the screen's theme."""
    items = scene.items()
    modes = [item.cacheMode() for item in items]
    screen_ink = scene.ink
    for item in items:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    scene.set_ink(style.PAPER)
    try:
        yield
    finally:
        scene.set_ink(screen_ink)
        for item, mode in zip(items, modes, strict=True):
            item.setCacheMode(mode)


def paint_scene(painter: QPainter, scene: DiagramScene, source: QRectF, at: QPointF, scale: float, *,
                clip: QRectF | None = None) -> None:
    """Draw ``source`` (scene units) with its top left at ``at`` (device units), ``scale`` device units each."""
    painter.save()
    if clip is not None:
        painter.setClipRect(clip)
    painter.translate(at)
    painter.scale(scale, scale)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    with drawn_for_paper(scene):
        scene.render(painter, QRectF(0, 0, source.width(), source.height()), source,
                     Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.restore()
