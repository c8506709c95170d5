"""A line editor laid over the canvas: Enter or leaving it commits, Esc cancels. Renaming a box in place
and naming a box before it exists are both one of these; each says only what its text does to the model."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsProxyWidget, QLineEdit

from app.canvas.scene import DiagramScene
from app.document import editing
from model.errors import ModelError


class NameEdit(QLineEdit):
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


class LineEditor:
    """One open editor over ``area`` of ``scene``; ``on_close`` hears the refusal, or "" when all went well.

    ``around`` are items drawn with the editor (an outline) and taken away with it.
    """

    def __init__(self, scene: DiagramScene, line_edit: NameEdit, area: QRectF, on_close: Callable[[str], None],
                 around: Iterable[QGraphicsItem] = ()) -> None:
        self.scene = scene
        self._on_close = on_close
        self._open = True
        self._around = list(around)
        for item in self._around:
            scene.addItem(item)
        self.line_edit = line_edit
        self.proxy = QGraphicsProxyWidget()
        self.proxy.setWidget(line_edit)
        self.proxy.setZValue(1000)
        height = line_edit.sizeHint().height()
        self.proxy.setGeometry(QRectF(area.x(), area.center().y() - height / 2, area.width(), height))
        scene.addItem(self.proxy)
        self.proxy.setFocus(Qt.FocusReason.OtherFocusReason)
        line_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        line_edit.returnPressed.connect(self.commit)
        line_edit.cancelled.connect(self.cancel)
        line_edit.focus_lost.connect(self.commit)

    def apply(self, text: str) -> None:
        """What the committed text does to the model, through ``app.document.editing``."""
        raise NotImplementedError

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
            self.apply(text)
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
        for item in (self.proxy, *self._around):
            if item.scene() is not None:
                self.scene.removeItem(item)
        self.proxy.deleteLater()
