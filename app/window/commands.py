"""The Edit and Model menus' commands. Canvas commands go to the current DiagramView (which asks
``app.document.editing`` for one undo step and says a refusal on its status signal); the rest live here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QInputDialog

from app.canvas.tool_state import ToolState
from app.canvas.view import DiagramView
from app.document import editing
from app.document.controller import Document
from app.document.selection import Selection
from app.window.host import WindowHost
from app.window.views_tabs import ViewTabs
from model.errors import ModelError
from model.vocabulary import FlowStyle

NO_VIEW = "Refused: add a view first (Model > Add View)"


class Workspace(WindowHost, Protocol):
    """What the commands need of the window."""

    document: Document
    selection: Selection
    tool_state: ToolState
    tabs: ViewTabs


class EditCommands:
    """Edit and Model menu commands for one window (the document may be replaced under them)."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    def _on_view(self, command: Callable[[DiagramView], object]) -> None:
        view = self.ws.tabs.current_view()
        if view is None:
            self.ws.show_status(NO_VIEW)
            return
        command(view)

    def copy(self) -> None:
        self._on_view(lambda view: view.commands.copy_selection())

    def paste(self) -> None:
        self._on_view(lambda view: view.commands.paste())

    def duplicate(self) -> None:
        self._on_view(lambda view: view.commands.duplicate_selection())

    def delete(self) -> None:
        """Delete: from the model, and so from every view."""
        self._on_view(lambda view: view.commands.delete_selection())

    def remove_from_view(self) -> None:
        """Shift+Del: off this view only; the model keeps the elements."""
        self._on_view(lambda view: view.commands.remove_selection_from_view())

    def rename(self) -> None:
        """F2: in place on the canvas; in a small dialog when the item is not drawn in this view."""
        item_id = self.ws.selection.single
        view = self.ws.tabs.current_view()
        if item_id is None or (view is not None and view.diagram.item_for(item_id) is not None):
            self._on_view(lambda view: view.start_rename())
            return
        try:
            current = editing.editable_text(self.ws.document.model, item_id)
            name, ok = QInputDialog.getText(self.ws.widget(), "Rename", "Name:", text=current)
            if ok:
                editing.rename(self.ws.document, item_id, name)
        except ModelError as error:
            self.ws.show_status(str(error))

    def align(self, edge: editing.Edge) -> None:
        self._on_view(lambda view: view.commands.align_selection(edge))

    def link_selected(self) -> None:
        """Ctrl+L: the relation the two selected elements allow (a menu when several fit), first to second."""
        self._on_view(lambda view: view.link_selected())

    def select_all(self) -> None:
        scene = self.ws.tabs.current_scene()
        if scene is not None:
            self.ws.selection.set([*scene.elements, *scene.relations])

    def set_flow_style(self, style: FlowStyle) -> None:
        self.ws.tool_state.flow_style = style
        self.ws.show_status(f"New flows are {style} flows (Ctrl+L links two selected elements)")
