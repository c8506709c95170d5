"""The canvas's commands on its selection: copy, paste, duplicate, delete, remove from view, align,
add the next element, link two elements. Each is one editing step; a refusal goes to the status bar.

The view's keys and the window's menus (``app.window.commands``) both call these.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtGui import QGuiApplication

from app.document import clipboard, editing
from model.errors import ModelError
from model.vocabulary import FlowStyle

if TYPE_CHECKING:
    from app.canvas.view import DiagramView

T = TypeVar("T")


class SelectionCommands:
    def __init__(self, view: DiagramView) -> None:
        self.view = view
        self.diagram = view.diagram
        self._pasted = ("", 0)  # the text pasted last and how many times, so each paste steps further

    def _run(self, command: Callable[[], T]) -> T | None:
        try:
            return command()
        except ModelError as error:
            self.view.refuse(error)
            return None

    def _ids(self) -> list[str]:
        return self.diagram.selection.ids

    def copy_selection(self) -> str | None:
        text = self._run(lambda: clipboard.copy(self.diagram.document, self.diagram.view_id, self._ids()))
        if text is not None:
            QGuiApplication.clipboard().setText(text)
            self._pasted = (text, 0)
        return text

    def paste(self) -> list[str] | None:
        """Paste the clipboard; pasting the same copy again steps further away from the originals."""
        text = QGuiApplication.clipboard().text()
        count = self._pasted[1] + 1 if self._pasted[0] == text else 1
        offset = (clipboard.PASTE_OFFSET[0] * count, clipboard.PASTE_OFFSET[1] * count)
        pasted = self._run(lambda: clipboard.paste(self.diagram.document, self.diagram.view_id, text, offset,
                                                 selection=self.diagram.selection))
        if pasted is not None:
            self._pasted = (text, count)
        return pasted

    def duplicate_selection(self) -> list[str] | None:
        return self._run(lambda: clipboard.duplicate(self.diagram.document, self.diagram.view_id, self._ids(),
                                                   selection=self.diagram.selection))

    def delete_selection(self) -> None:
        """Delete: delete from the model (and so from every view)."""
        self._run(lambda: editing.delete_from_model(self.diagram.document, self._ids()))

    def remove_selection_from_view(self) -> None:
        """Shift+Delete: take off this view only; the model keeps the elements."""
        self._run(lambda: editing.remove_from_view(self.diagram.document, self.diagram.view_id, self._ids()))

    def align_selection(self, edge: editing.Edge | str) -> None:
        self._run(lambda: editing.align(self.diagram.document, self.diagram.view_id, self._ids(), edge))

    def add_next(self) -> None:
        """Tab or Insert: name a new box of the palette's kind next to the selection (one step when named)."""
        shown = [i for i in self._ids() if i in self.diagram.elements]
        self.view.start_naming(self.view.tool_state.kind, shown[-1] if shown else None)

    def link_selection(self, style: FlowStyle | None = None) -> str | None:
        """Ctrl+L: a flow (of the current flow style) from the first selected element to the second."""
        return self._run(lambda: editing.link_selected(
            self.diagram.document, self.diagram.view_id, self._ids(), style or self.view.tool_state.flow_style,
            selection=self.diagram.selection))
