"""What the window's controllers (files, printing, exports, arrange) need of their window."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget

from app.canvas.tool_state import ToolState
from app.document.controller import Document
from app.document.selection import Selection
from app.window.views_tabs import ViewTabs

NO_VIEW = "Refused: add a view first (Model > Add View)"


class WindowHost(Protocol):
    def widget(self) -> QWidget:
        """The parent of the controller's dialogs."""
        ...

    def show_status(self, text: str) -> None:
        """Say ``text`` in the status bar."""
        ...


class Workspace(WindowHost, Protocol):
    """A window with its document, selection, palette state and view tabs."""

    document: Document
    selection: Selection
    tool_state: ToolState
    tabs: ViewTabs
