"""In-place renaming: a line editor laid over a box (or a line's label). Enter or leaving the editor
commits one "Rename" step; Esc cancels. The editor asks ``app.document.editing``; it never writes the model."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QGraphicsProxyWidget, QLineEdit

from app.canvas.items import ElementItem
from app.canvas.scene import DiagramScene
from app.document import editing
from model.errors import ModelError
from model.vocabulary import ElementKind


class _NameEdit(QLineEdit):
    """A line edit that reports Esc and losing focus, which QLineEdit keeps to itself."""

    cancelled = Signal()
    focus_lost = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.focus_lost.emit()


class InPlaceEditor:
    """One open rename of ``item_id`` in ``scene``; ``on_close`` hears the refusal, or "" when all went well."""

    def __init__(self, scene: DiagramScene, item_id: str, on_close: Callable[[str], None]) -> None:
        self.scene = scene
        self.item_id = item_id
        self._on_close = on_close
        self._open = True
        self.line_edit = _NameEdit(editing.editable_text(scene.document.model, item_id))
        self.line_edit.selectAll()
        self.proxy = QGraphicsProxyWidget()
        self.proxy.setWidget(self.line_edit)
        self.proxy.setZValue(1000)
        rect = self._area()
        height = self.line_edit.sizeHint().height()
        self.proxy.setGeometry(QRectF(rect.x(), rect.center().y() - height / 2, rect.width(), height))
        scene.addItem(self.proxy)
        self.proxy.setFocus(Qt.FocusReason.OtherFocusReason)
        self.line_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.line_edit.returnPressed.connect(self.commit)
        self.line_edit.cancelled.connect(self.cancel)
        self.line_edit.focus_lost.connect(self.commit)

    def _area(self) -> QRectF:
        """Where the name is drawn: the top band of a context, the middle of other boxes, a line's label."""
        element = self.scene.elements.get(self.item_id)
        if isinstance(element, ElementItem):
            box = element.scene_bounds()
            if element.element.kind is ElementKind.CONTEXT:
                box.setHeight(min(box.height(), 56.0))
            return box.adjusted(6, 0, -6, 0)
        relation = self.scene.relations[self.item_id]
        if relation.label_rect is not None:
            label = relation.label_rect
            return QRectF(label.center().x() - 90, label.center().y() - 12, 180, 24)
        middle = relation.midpoint()
        return QRectF(middle.x() - 90, middle.y() - 24, 180, 24)

    @property
    def is_open(self) -> bool:
        return self._open

    def contains(self, scene_pos: QPointF) -> bool:
        return self._open and self.proxy.sceneBoundingRect().contains(scene_pos)

    def commit(self) -> None:
        if not self._open:
            return
        text = self.line_edit.text()
        self._close()
        try:
            editing.rename(self.scene.document, self.item_id, text)
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
        if self.proxy.scene() is not None:
            self.scene.removeItem(self.proxy)
        self.proxy.deleteLater()
