"""Presentation mode for workshops (F5): full screen, docks hidden, larger text on the canvas and the
violation counts large in a corner; F5 or Esc restores the window exactly as it was."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QMainWindow, QVBoxLayout, QWidget

from app.canvas.style import canvas_font
from app.window.counts import CountPills

CANVAS_SCALE = 1.25  # boxes keep their size: more would spill their names (items lay text out for ~10 pt)
OVERLAY_MARGIN = 16


class CountsOverlay(QFrame):
    """The large counts in the canvas's top-right corner, kept there when the canvas resizes."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("presentation-overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.pills = CountPills(scale=2.0, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.pills)
        self.hide()
        host.installEventFilter(self)

    def set_counts(self, counts: dict[str, int]) -> None:
        self.pills.set_counts(counts)
        self.adjustSize()
        self.place()

    def place(self) -> None:
        host = self.parentWidget()
        if host is not None:
            self.adjustSize()
            self.move(host.width() - self.width() - OVERLAY_MARGIN, OVERLAY_MARGIN + 36)
            self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.place()
        return False


class Presentation:
    """Enters and leaves presentation mode on one window; the window says which docks to hide."""

    def __init__(self, window: QMainWindow, overlay: CountsOverlay, on_change: Callable[[bool], None]) -> None:
        self.window = window
        self.overlay = overlay
        self.on_change = on_change
        self.active = False
        self._state = QByteArray()
        self._window_state = Qt.WindowState.WindowNoState

    def toggle(self) -> None:
        if self.active:
            self.leave()
        else:
            self.enter()

    def enter(self) -> None:
        if self.active:
            return
        window = self.window
        self._state = window.saveState()
        self._window_state = window.windowState()
        self.active = True
        for dock in window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if dock.inherits("QDockWidget"):
                dock.hide()
        window.menuBar().hide()
        window.showFullScreen()
        self.overlay.show()
        self.overlay.place()
        self.on_change(True)

    def leave(self) -> None:
        if not self.active:
            return
        window = self.window
        self.active = False
        self.overlay.hide()
        window.menuBar().show()
        window.setWindowState(self._window_state)
        if not self._window_state & Qt.WindowState.WindowFullScreen:
            window.showNormal() if self._window_state == Qt.WindowState.WindowNoState else window.show()
        window.restoreState(self._state)
        self.on_change(False)

    @staticmethod
    def canvas_font() -> QFont:
        return canvas_font(CANVAS_SCALE)
