"""The model tree: every element by kind and every relation by kind, searchable, following the model
change by change and sharing the selection with the canvas. Its rows are read lazily (``TreeModel``),
so an estate of a quarter of a million items opens at once."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from app.document.controller import Document
from app.document.selection import Selection
from app.panels.tree_model import ID_ROLE, TreeModel
from model.changes import Committed, ElementChange, RelationChange
from model.elements import ElementBase

#: A transaction with more changes than this (a load, a paste of a whole estate) rebuilds the tree.
REBUILD_THRESHOLD = 500
Index = QModelIndex | QPersistentModelIndex


class ModelTree(QWidget):
    """Elements grouped by kind, relations by kind under "Relations"; rows carry their id."""

    reveal = Signal(list)  # ids to centre on the canvas

    def __init__(self, document: Document, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.selection = selection
        self.rows = TreeModel(document.model, self)
        self._syncing = False
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by name or id")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the model")
        self.view = QTreeView()
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)  # much faster with tens of thousands of rows
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setModel(self.rows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view)
        self.search.textChanged.connect(self._filter)
        self.view.selectionModel().selectionChanged.connect(self._selection_from_view)
        self.view.doubleClicked.connect(self._reveal_index)
        self.view.installEventFilter(self)
        selection.changed.connect(self._selection_to_view)
        document.committed.connect(self._on_commit)

    # ------------------------------------------------------------------ build

    def rebuild(self) -> None:
        """Read the model afresh (on opening, and after a transaction too large to follow row by row)."""
        self._syncing = True
        self.rows.reload()
        self._syncing = False
        self._selection_to_view()

    # ---------------------------------------------------------- model events

    def _on_commit(self, committed: Committed) -> None:
        changes = [c for c in committed.changes if isinstance(c, ElementChange | RelationChange)]
        if not changes:  # moves, views, waivers, settings: nothing the tree shows
            return
        if len(changes) > REBUILD_THRESHOLD:
            self.rebuild()
        else:
            self._syncing = True
            for change in changes:
                self._apply(change)
            self._syncing = False
        self.selection.discard(i for i in self.selection.ids if i not in self.document.model)
        self._selection_to_view()

    def _apply(self, change: ElementChange | RelationChange) -> None:
        old, new = change.old, change.new
        if new is None:
            assert old is not None
            self.rows.remove(old.kind, change.id)
        elif old is None:
            self.rows.insert(new.kind, change.id)
        else:
            self.rows.relabel(new.kind, change.id)
            if isinstance(new, ElementBase) and old.name != new.name:  # relation rows show their ends by name
                for relation in self.document.model.incident(change.id):
                    self.rows.relabel(relation.kind, relation.id)

    def _filter(self, text: str) -> None:
        self._syncing = True  # rows hidden by the search leave the view's selection, not the shared one
        self.rows.set_search(text)
        self._syncing = False
        if text.strip():
            self.view.expandAll()
        self._selection_to_view()

    # -------------------------------------------------------------- selection

    def selected_ids(self) -> list[str]:
        ids = (self.rows.data(index, ID_ROLE) for index in self.view.selectionModel().selectedRows())
        return [item_id for item_id in ids if item_id]

    def _selection_from_view(self) -> None:
        if not self._syncing:
            self._syncing = True
            self.selection.set(self.selected_ids())
            self._syncing = False

    def _selection_to_view(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        chosen = QItemSelection()
        first: QModelIndex | None = None
        for item_id in self.selection.ids:
            index = self.rows.index_of(item_id)
            if index.isValid():
                chosen.select(index, index)
                first = first or index
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().select(chosen, flags)
        if first is not None:
            self.view.scrollTo(first)
            self.view.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        self._syncing = False

    def _reveal_index(self, index: Index) -> None:
        item_id = self.rows.data(index, ID_ROLE)
        if item_id:
            self.reveal.emit([item_id])

    def eventFilter(self, watched: object, event: object) -> bool:
        """Enter on a row reveals it, like a double click."""
        enter = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.view and isinstance(event, QKeyEvent) and event.key() in enter and _pressed(event):
            ids = self.selected_ids()
            if ids:
                self.reveal.emit(ids)
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]


def _pressed(event: QKeyEvent) -> bool:
    return event.type() == QKeyEvent.Type.KeyPress
