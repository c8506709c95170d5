"""The capture field's verbs: preview a line, submit it as one undo step, complete a name.

The language itself is Qt-free (``model.capture``); this module gives it the window's document, the
current view, the selection (the anchor new boxes go next to) and the palette's defaults.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget

from app.canvas.style import size_of
from app.canvas.tool_state import ToolState
from app.document.controller import Document
from app.document.selection import Selection
from app.window.capture_help import show_capture_help
from app.window.views_tabs import ViewTabs
from model.capture import CaptureError, Defaults, apply, plan
from model.capture.names import completions, namesakes
from model.changes import Committed, ElementChange, Origin
from model.errors import ModelError

NO_VIEW = "add a view first (Model > Add View)"


class Workspace(Protocol):
    document: Document
    selection: Selection
    tool_state: ToolState
    tabs: ViewTabs

    def show_status(self, text: str) -> None: ...

    def widget(self) -> QWidget: ...


class CaptureCommands:
    """Capture lines into the window's current document and view."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    def _defaults(self) -> Defaults:
        return Defaults(kind=self.ws.tool_state.kind, flow_style=self.ws.tool_state.flow_style)

    def preview(self, line: str) -> tuple[bool, str]:
        """What Enter would do with ``line``, or why the model cannot take it; changes nothing."""
        try:
            planned = plan(self.ws.document.model, line, self._defaults())
        except CaptureError as error:
            return False, str(error)
        return True, f"Enter {planned.summary}" if planned else ""

    def submit(self, line: str) -> tuple[bool, str]:
        """Make the line's change as one undo step, select what it added and keep it in sight."""
        view_id, scene = self.ws.tabs.current_view_id(), self.ws.tabs.current_scene()
        if view_id is None or scene is None:
            return False, NO_VIEW
        model = self.ws.document.model
        try:
            planned = plan(model, line, self._defaults())
            if planned is None:
                return False, "type a line first"
            anchor = self._anchor(view_id)
            if planned.changes_model or any(model.layout(view_id, i) is None for i in planned.shown):
                with self.ws.document.edit(f"Capture {' '.join(line.split())}") as edit:
                    selected = apply(edit, planned, view_id, anchor, size_of)
            else:
                selected = apply(model, planned, view_id, anchor, size_of)
        except ModelError as error:
            return False, str(error)
        if selected is not None:
            self.ws.selection.set([selected])
            self._keep_in_sight(selected)
        done = planned.summary.replace("adds", "added", 1).replace("selects", "selected", 1)
        self.ws.show_status(f"Captured: {done} (Ctrl+Z undoes)")
        return True, done

    def watch(self, document: Document) -> None:
        """Say in the status bar when an edit gives an element the name another of its kind has."""
        document.committed.connect(self._warn_namesakes)

    def _warn_namesakes(self, committed: Committed) -> None:
        if committed.origin is not Origin.EDIT:
            return
        model = self.ws.document.model
        for change in committed.changes:
            if not isinstance(change, ElementChange) or change.new is None:
                continue
            renamed = change.old is None or change.old.name != change.new.name
            others = namesakes(model, change.id) if renamed else []
            if others:
                kind, name = others[0].kind, others[0].name
                self.ws.show_status(f"Another {kind} is already called {name}: Ctrl+Z, then link to it"
                                    f" ('{name}' in Ctrl+K selects it; Ctrl+L links two selected elements)")
                return

    def show_help(self) -> None:
        show_capture_help(self.ws.widget())

    def complete(self, token: str) -> list[str]:
        return completions(self.ws.document.model, token)

    def _anchor(self, view_id: str) -> str | None:
        """The last selected element drawn in the view: the new boxes go next to it."""
        shown = [i for i in self.ws.selection.ids if self.ws.document.model.layout(view_id, i) is not None
                 and self.ws.document.model.find_element(i) is not None]
        return shown[-1] if shown else None

    def _keep_in_sight(self, item_id: str) -> None:
        view, scene = self.ws.tabs.current_view(), self.ws.tabs.current_scene()
        item = scene.item_for(item_id) if scene is not None else None
        if view is not None and item is not None:
            view.ensureVisible(item, 40, 40)
