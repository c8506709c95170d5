"""The middle of the window: one tab per view of the model, each a DiagramView on its own scene.

Tabs follow the model: adding, renaming and deleting a view are model edits (one undo step each),
and the tabs change when the committed transaction says so — so undo and redo move tabs too.
A tab's scene is built the first time the tab is shown: an estate with hundreds of views opens fast.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QInputDialog, QTabWidget, QVBoxLayout, QWidget

from app.canvas import style
from app.canvas.scene import DiagramScene
from app.canvas.tool_state import ToolState
from app.canvas.view import DiagramView
from app.document.controller import Document
from app.document.selection import Selection
from model.changes import Committed, ViewChange
from model.errors import ModelError
from model.ids import new_id
from model.views import ViewInfo


class _Page(QWidget):
    """A tab's page; its DiagramView is created on first show."""

    def __init__(self, view_id: str) -> None:
        super().__init__()
        self.view_id = view_id
        self.view: DiagramView | None = None
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)


class ViewTabs(QTabWidget):
    status = Signal(str)  # a refusal or a hint for the status bar

    def __init__(self, document: Document, selection: Selection, tool_state: ToolState,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("view-tabs")
        self.setDocumentMode(True)
        self.setMovable(False)
        self.setUsesScrollButtons(True)
        self.document = document
        self.selection = selection
        self.tool_state = tool_state
        self.pages: dict[str, _Page] = {}
        self.background = QColor("#ffffff")
        self.canvas_font: QFont | None = None
        for view in document.model.views():
            self._insert(view)
        self.currentChanged.connect(self._on_current)
        self.tabBarDoubleClicked.connect(self._rename_at)
        document.committed.connect(self._on_commit)
        self._on_current(self.currentIndex())

    def detach(self) -> None:
        """Stop following the document (it is being replaced)."""
        self.document.committed.disconnect(self._on_commit)
        for page in self.pages.values():
            if page.view is not None:
                page.view.scene().detach()  # type: ignore[attr-defined]

    # ---------------------------------------------------------------- access

    def current_view_id(self) -> str | None:
        page = self.currentWidget()
        return page.view_id if isinstance(page, _Page) else None

    def current_view(self) -> DiagramView | None:
        view_id = self.current_view_id()
        return self.view_for(view_id) if view_id else None

    def current_scene(self) -> DiagramScene | None:
        view = self.current_view()
        scene = view.scene() if view else None
        return scene if isinstance(scene, DiagramScene) else None

    def view_for(self, view_id: str) -> DiagramView:
        page = self.pages[view_id]
        if page.view is None:
            scene = DiagramScene(self.document, view_id, self.selection)
            view = DiagramView(scene, self.tool_state)
            scene.setParent(view)  # the scene goes with its tab
            view.status.connect(self.status)
            self._style(view)
            page.box.addWidget(view)
            page.view = view
        return page.view

    def all_views(self) -> list[DiagramView]:
        return [page.view for page in self.pages.values() if page.view is not None]

    # ------------------------------------------------------------ appearance

    def set_background(self, colour: QColor) -> None:
        self.background = colour
        for view in self.all_views():
            self._style(view)

    def set_canvas_font(self, font: QFont | None) -> None:
        """A larger font on every canvas (presentation), or None for the application's font."""
        self.canvas_font = font
        for view in self.all_views():
            self._style(view)

    def _style(self, view: DiagramView) -> None:
        view.setBackgroundBrush(self.background)
        view.diagram.set_ink(style.ink_for(self.background))
        font = self.canvas_font if self.canvas_font is not None else style.canvas_font()
        view.diagram.set_canvas_font(font)
        view.setFont(font)
        view.viewport().setFont(font)  # a style sheet pins the viewport's font: it no longer inherits the view's
        view.repaint_all()

    # ------------------------------------------------------------ view verbs

    def add_view(self, name: str | None = None) -> str | None:
        """Add a view to the model (one undo step) and show its tab; returns its id."""
        if name is None:
            name = self._ask_name("Add view", f"View {len(self.pages) + 1}")
            if name is None:
                return None
        view = ViewInfo(id=new_id("view"), name=name.strip() or f"View {len(self.pages) + 1}")
        with self.document.edit(f"Add view {view.name}") as model:
            model.add_view(view)
        self.setCurrentWidget(self.pages[view.id])
        return view.id

    def rename_view(self, view_id: str | None = None, name: str | None = None) -> bool:
        view_id = view_id or self.current_view_id()
        if view_id is None:
            return False
        old = self.document.model.view(view_id).name
        if name is None:
            name = self._ask_name("Rename view", old)
        if name is None or not name.strip() or name.strip() == old:
            return False
        with self.document.edit(f"Rename view {old}") as model:
            model.update_view(view_id, name=name.strip())
        return True

    def delete_view(self, view_id: str | None = None) -> bool:
        """Delete a view (its drawing only: the elements stay in the model), as one undo step."""
        view_id = view_id or self.current_view_id()
        if view_id is None:
            return False
        if len(self.pages) <= 1:
            self.status.emit("A model keeps at least one view: add another before deleting this one")
            return False
        name = self.document.model.view(view_id).name
        try:
            with self.document.edit(f"Delete view {name}") as model:
                model.remove_view(view_id)
        except ModelError as error:
            self.status.emit(str(error))
            return False
        return True

    def _ask_name(self, title: str, current: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, "View name:", text=current)
        return text if ok else None

    def _rename_at(self, index: int) -> None:
        page = self.widget(index)
        if isinstance(page, _Page):
            self.rename_view(page.view_id)

    # ---------------------------------------------------------------- reveal

    def reveal(self, ids: list[str]) -> None:
        """Show the items on the current view if it has them, else on the first view that does."""
        model = self.document.model
        showing = [v for i in ids for v in model.views_showing(i)]
        current = self.current_view_id()
        target = current if current in showing else next(iter(showing), None)
        if target is None:
            self.status.emit("Not drawn in any view: drag it from the model tree onto a view to place it")
            return
        self.setCurrentWidget(self.pages[target])
        self.view_for(target).reveal(ids)

    # ---------------------------------------------------------- model events

    def _on_commit(self, committed: Committed) -> None:
        for change in committed.changes:
            if isinstance(change, ViewChange):
                if change.new is None:
                    self._remove(change.id)
                elif change.old is None:
                    self._insert(change.new)
                else:
                    self.setTabText(self.indexOf(self.pages[change.id]), change.new.name)

    def _insert(self, view: ViewInfo) -> None:
        page = _Page(view.id)
        order = [v.id for v in self.document.model.views()]
        before = [v for v in order[: order.index(view.id)] if v in self.pages]
        index = self.indexOf(self.pages[before[-1]]) + 1 if before else 0
        self.pages[view.id] = page
        self.insertTab(index, page, view.name)
        self.setTabToolTip(index, view.documentation or view.name)

    def _remove(self, view_id: str) -> None:
        page = self.pages.pop(view_id, None)
        if page is None:
            return
        if page.view is not None:
            page.view.scene().detach()  # type: ignore[attr-defined]
        self.removeTab(self.indexOf(page))
        page.deleteLater()

    def _on_current(self, index: int) -> None:
        page = self.widget(index)
        if isinstance(page, _Page):
            self.view_for(page.view_id)
