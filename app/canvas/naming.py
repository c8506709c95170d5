"""Naming a box before it exists (Tab or Insert on the canvas): a dashed outline where it will go and a
line editor over it. Enter (or Tab, or leaving) creates the element with its name as one undo step;
Esc, or an empty name, creates nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsProxyWidget, QGraphicsRectItem

from app.canvas.rename import _NameEdit
from app.canvas.scene import DiagramScene
from app.document import editing
from model.errors import ModelError
from model.views import Bounds
from model.vocabulary import ElementKind


class NamingEditor:
    """One box being named at ``bounds``; ``on_close`` hears the refusal, or "" when all went well."""

    item_id: str | None = None  # nothing to lose while naming: the element does not exist yet

    def __init__(self, scene: DiagramScene, kind: ElementKind, bounds: Bounds,
                 on_close: Callable[[str], None]) -> None:
        self.scene, self.kind, self.bounds = scene, kind, bounds
        self._on_close = on_close
        self._open = True
        self.outline = QGraphicsRectItem(QRectF(bounds.x, bounds.y, bounds.w, bounds.h))
        self.outline.setPen(QPen(QColor(scene.ink.flow), 1.5, Qt.PenStyle.DashLine))
        scene.addItem(self.outline)
        self.line_edit = _NameEdit()
        self.line_edit.setPlaceholderText(f"New {kind}: its name, Enter")
        self.proxy = QGraphicsProxyWidget()
        self.proxy.setWidget(self.line_edit)
        self.proxy.setZValue(1000)
        height = self.line_edit.sizeHint().height()
        self.proxy.setGeometry(QRectF(bounds.x + 6, bounds.y + bounds.h / 2 - height / 2, bounds.w - 12, height))
        scene.addItem(self.proxy)
        self.proxy.setFocus(Qt.FocusReason.OtherFocusReason)
        self.line_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.line_edit.returnPressed.connect(self.commit)
        self.line_edit.cancelled.connect(self.cancel)
        self.line_edit.focus_lost.connect(self.commit)

    @property
    def is_open(self) -> bool:
        return self._open

    def contains(self, scene_pos: QPointF) -> bool:
        return self._open and self.proxy.sceneBoundingRect().contains(scene_pos)

    def commit(self) -> None:
        """Create the named element (one undo step: add and name together); no name, no element."""
        if not self._open:
            return
        name = self.line_edit.text().strip()
        self._close()
        if not name:
            self._on_close("")
            return
        try:
            editing.create_element(self.scene.document, self.scene.view_id, self.kind, self.bounds, name,
                                   selection=self.scene.selection)
        except ModelError as error:
            self._on_close(str(error) if isinstance(error, editing.Refused) else f"Refused: {error}")
            return
        self._on_close("")

    def cancel(self) -> None:
        if self._open:
            self._close()
            self._on_close("")

    def _close(self) -> None:
        self._open = False
        self.proxy.clearFocus()
        for item in (self.proxy, self.outline):
            if item.scene() is not None:
                self.scene.removeItem(item)
        self.proxy.deleteLater()
