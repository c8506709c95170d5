"""Keyboard capture for workshops: type a name in the toolbar, press Enter, and an element of the
palette's current kind appears next to the selected one — no mouse needed while people talk."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from app.canvas.tool_state import ToolState


class CaptureBox(QLineEdit):
    """The capture line edit; ``submit(name)`` returns True when the element was added."""

    left = Signal()  # Esc: hand the keyboard back to the canvas

    def __init__(self, tool_state: ToolState, submit: Callable[[str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capture")
        self.tool_state = tool_state
        self._submit = submit
        self.setAccessibleName("Capture a new element by name")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(240)
        self.setMaximumWidth(360)
        self.returnPressed.connect(self._enter)
        tool_state.changed.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        kind = self.tool_state.kind
        self.setPlaceholderText(f"New {kind}: type a name, Enter (Ctrl+K)")
        self.setToolTip(f"Adds a {kind} (the palette's kind) next to the selected element and selects it;"
                        " Ctrl+L then links two selected elements with a flow")

    def _enter(self) -> None:
        name = self.text().strip()
        if name and self._submit(name):
            self.clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            self.left.emit()
            return
        super().keyPressEvent(event)
