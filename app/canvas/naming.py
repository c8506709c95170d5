"""Naming a box before it exists (Tab or Insert on the canvas): a dashed outline where it will go and a
line editor over it. Enter (or Tab, or leaving) creates the element with its name as one undo step;
Esc, or an empty name, creates nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from app.canvas.line_editor import LineEditor, NameEdit
from app.canvas.scene import DiagramScene
from app.document import editing
from model.views import Bounds
from model.vocabulary import ElementKind


class NamingEditor(LineEditor):
    """One box being named at ``bounds``; ``on_close`` hears the refusal, or "" when all went well."""

    item_id: str | None = None  # nothing to lose while naming: the element does not exist yet

    def __init__(self, scene: DiagramScene, kind: ElementKind, bounds: Bounds,
                 on_close: Callable[[str], None]) -> None:
        self.kind, self.bounds = kind, bounds
        self.outline = QGraphicsRectItem(QRectF(bounds.x, bounds.y, bounds.w, bounds.h))
        self.outline.setPen(QPen(QColor(scene.ink.flow), 1.5, Qt.PenStyle.DashLine))
        line_edit = NameEdit()
        line_edit.setPlaceholderText(f"New {kind}: its name, Enter")
        area = QRectF(bounds.x + 6, bounds.y, bounds.w - 12, bounds.h)
        super().__init__(scene, line_edit, area, on_close, around=[self.outline])

    def apply(self, text: str) -> None:
        """Create the named element (one undo step: add and name together); no name, no element."""
        name = text.strip()
        if name:
            editing.create_element(self.scene.document, self.scene.view_id, self.kind, self.bounds, name,
                                   selection=self.scene.selection)
