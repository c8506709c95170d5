"""Keyboard capture for workshops: one line of the capture language (README, "Capture by typing"),
Enter, and the model has it as one undo step; the field keeps the keyboard for the next line.

While the facilitator types, the label beside the field says what Enter will do or why the model
cannot take the line, and a grey suggestion completes the name being typed: Right (at the end of
the line) takes it, Up and Down pick another. Completion only helps: Enter submits exactly the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QStyle, QStyleOptionFrame, QWidget

from app.canvas.tool_state import ToolState

#: Where the name being typed starts: after the arrow, a style, a kind prefix or a relation verb.
_TOKEN_START = re.compile(r"(->\s*|:\s*(?:event\s+)?|\s(?:owns|replicates|writes|uses|publishes|contains"
                          r"|coordinates|guards|spans|covers)\s+)", re.IGNORECASE)
Preview = Callable[[str], tuple[bool, str]]  # line -> (acceptable, what Enter does or why not)
Complete = Callable[[str], list[str]]  # the name typed so far -> names that continue it


def current_token(text: str) -> tuple[str, str]:
    """``(head, token)``: the line split before the name being typed (the last one on the line)."""
    starts = [m.end() for m in _TOKEN_START.finditer(text)]
    cut = starts[-1] if starts else 0
    return text[:cut], text[cut:]


class CaptureBox(QLineEdit):
    """The capture line edit; ``submit(line)`` returns (done, message) and clears the field when done."""

    left = Signal()  # Esc or Tab: hand the keyboard back to the canvas
    back = Signal()  # Shift+Tab: to the model tree's search field
    said = Signal(bool, str)  # what the hint beside the field shows: acceptable?, text

    def __init__(self, tool_state: ToolState, submit: Preview, preview: Preview, complete: Complete,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capture")
        self.tool_state = tool_state
        self._submit, self._preview, self._complete = submit, preview, complete
        self._choices: list[str] = []
        self._chosen = 0
        self.setAccessibleName("Capture: type a line, Enter")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.returnPressed.connect(self._enter)
        self.textEdited.connect(self._follow_text)
        tool_state.changed.connect(self._follow)
        self._follow()

    # ----------------------------------------------------------- what it says

    def _follow(self) -> None:
        kind, style = self.tool_state.kind, self.tool_state.flow_style
        self.setPlaceholderText(f"Ctrl+K: Ordering · A -> B: {style} · Team owns Ordering  (new {kind})")
        self.setToolTip(f"Type one line, Enter: a name adds a {kind}; 'kind: Name' any kind;"
                        " 'A -> B[: query|command|event Name]' a flow;"
                        " 'A owns|replicates|writes|uses B' a relation. Right takes the grey suggestion,"
                        " Up/Down pick another, Esc returns to the canvas. Help > Capture Language.")

    def _follow_text(self, text: str) -> None:
        _, token = current_token(text)
        self._choices = self._complete(token) if token.strip() and not text.endswith(" ") else []
        self._chosen = 0
        self._say()
        self.update()

    def _say(self) -> None:
        if not self.text().strip():
            self.said.emit(True, "")
            return
        self.said.emit(*self._preview(self.text()))

    @property
    def suggestion(self) -> str:
        """The rest of the suggested name (what Right would add), or ""."""
        if not self._choices:
            return ""
        _, token = current_token(self.text())
        return self._choices[self._chosen][len(token):]

    # ------------------------------------------------------------------- keys

    def _enter(self) -> None:
        line = self.text()
        if not line.strip():
            return
        done, message = self._submit(line)
        if done:
            self.clear()
            self._choices = []
        self.said.emit(done, message)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.clear()
            self._choices = []
            self.said.emit(True, "")
            self.left.emit()
            return
        if key == Qt.Key.Key_Right and self.suggestion and self.cursorPosition() == len(self.text()):
            self._take()
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and len(self._choices) > 1:
            self._chosen = (self._chosen + (1 if key == Qt.Key.Key_Down else -1)) % len(self._choices)
            self.update()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """A fixed keyboard order, whatever the palette shows: Tab to the canvas, Shift+Tab to the tree search."""
        (self.left if next else self.back).emit()
        return True

    def _take(self) -> None:
        head, _ = current_token(self.text())
        self.setText(head + self._choices[self._chosen])
        self._choices = []
        self._say()

    # -------------------------------------------------------------- painting

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        rest = self.suggestion
        if not rest or not self.hasFocus():
            return
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        area = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        margins = self.textMargins()
        x = area.x() + margins.left() + 2 + self.fontMetrics().horizontalAdvance(self.text())
        painter = QPainter(self)
        colour = QColor(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.setPen(colour)
        baseline = area.y() + (area.height() + self.fontMetrics().ascent() - self.fontMetrics().descent()) // 2
        more = f"  ({self._chosen + 1}/{len(self._choices)})" if len(self._choices) > 1 else ""
        painter.drawText(QPoint(x, baseline), rest + more)
        painter.end()


class CaptureBar(QWidget):
    """The capture field and, beside it, what Enter will do or why the line is refused."""

    def __init__(self, field: CaptureBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capture-bar")
        self.field = field
        self.hint = QLabel()
        self.hint.setObjectName("capture-hint")
        self.hint.setMinimumWidth(120)
        self.hint.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(field, 3)
        layout.addWidget(self.hint, 2)
        field.said.connect(self.show_result)

    def show_result(self, ok: bool, text: str) -> None:
        self.hint.setText(("↵ " if ok else "✗ ") + text if text else "")
        self.hint.setToolTip(text)
        self.hint.setStyleSheet("" if ok else "color: #c62828;")
