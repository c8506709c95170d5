"""What every window controller (files, commands, printing, exports) needs of its window."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget


class WindowHost(Protocol):
    def widget(self) -> QWidget:
        """The parent of the controller's dialogs."""
        ...

    def show_status(self, text: str) -> None:
        """Say ``text`` in the status bar."""
        ...
