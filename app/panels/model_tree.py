"""The model tree: every element by kind and every relation by kind, searchable, following the model
change by change and sharing the selection with the canvas."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from app.document.controller import Document
from app.document.selection import Selection
from app.panels.icons import kind_icon
from app.panels.labels import element_label, group_title, relation_label
from app.panels.tree_filter import SORT_ROLE, TreeFilter
from model.changes import Committed, ElementChange, RelationChange
from model.elements import ElementBase
from model.relations import RelationBase
from model.vocabulary import ElementKind, RelationKind

ID_ROLE = Qt.ItemDataRole.UserRole + 1
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
        self.rows: dict[str, QStandardItem] = {}
        self.groups: dict[ElementKind | RelationKind, QStandardItem] = {}
        self.relations_node = QStandardItem()
        self._syncing = False
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by name or id")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the model")
        self.proxy = TreeFilter(self)
        self.view = QTreeView()
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)  # much faster with tens of thousands of rows
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setModel(self.proxy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view)
        self.rebuild()
        self.search.textChanged.connect(self._filter)
        self.view.selectionModel().selectionChanged.connect(self._selection_from_view)
        self.view.doubleClicked.connect(self._reveal_index)
        self.view.installEventFilter(self)
        selection.changed.connect(self._selection_to_view)
        document.committed.connect(self._on_commit)

    # ------------------------------------------------------------------ build

    def rebuild(self) -> None:
        """Build every row afresh (on opening, and after a transaction too large to follow row by row)."""
        self._syncing = True
        source = QStandardItemModel(self)
        self.rows.clear()
        self.groups.clear()
        root = source.invisibleRootItem()
        model = self.document.model
        for order, kind in enumerate(ElementKind):
            group = self._group(kind, order)
            group.appendRows([self._element_row(e) for e in model.elements(kind)])
            root.appendRow(group)
        relations = _group_item("Relations", len(ElementKind))
        self.relations_node = relations
        by_kind: dict[RelationKind, list[QStandardItem]] = {kind: [] for kind in RelationKind}
        for relation in model.relations():
            by_kind[relation.kind].append(self._relation_row(relation))
        for order, rkind in enumerate(RelationKind):
            group = self._group(rkind, order)
            group.appendRows(by_kind[rkind])
            relations.appendRow(group)
        root.appendRow(relations)
        old = self.proxy.sourceModel()
        self.proxy.setSourceModel(source)
        self.proxy.sort(0)
        if old is not None:
            old.deleteLater()
        self._syncing = False
        self._update_counts()
        self._selection_to_view()

    def _group(self, kind: ElementKind | RelationKind, order: int) -> QStandardItem:
        group = _group_item(group_title(kind), order)
        if isinstance(kind, ElementKind):
            group.setIcon(kind_icon(kind))
        self.groups[kind] = group
        return group

    def _element_row(self, element: ElementBase) -> QStandardItem:
        row = QStandardItem(kind_icon(element.kind), "")
        row.setData(element.id, ID_ROLE)
        self.rows[element.id] = row
        self._label_element(row, element)
        return row

    def _relation_row(self, relation: RelationBase) -> QStandardItem:
        row = QStandardItem()
        row.setData(relation.id, ID_ROLE)
        self.rows[relation.id] = row
        self._label_relation(row, relation)
        return row

    def _label_element(self, row: QStandardItem, element: ElementBase) -> None:
        label = element_label(element)
        row.setText(label)
        row.setToolTip(f"{element.kind} {element.id}")
        row.setData(f"{label}\n{element.id}".casefold(), self.proxy.TEXT_ROLE)
        row.setData(label.casefold(), SORT_ROLE)

    def _label_relation(self, row: QStandardItem, relation: RelationBase) -> None:
        label = relation_label(self.document.model, relation)
        row.setText(label)
        row.setToolTip(f"{relation.kind} {relation.id}")
        row.setData(f"{label}\n{relation.id}".casefold(), self.proxy.TEXT_ROLE)
        row.setData(label.casefold(), SORT_ROLE)

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
            self._update_counts()
        self.selection.discard(i for i in self.selection.ids if i not in self.document.model)
        self._selection_to_view()

    def _apply(self, change: ElementChange | RelationChange) -> None:
        old, new = change.old, change.new
        if new is None:
            self._remove(change.id)
        elif old is None or change.id not in self.rows:
            if isinstance(new, ElementBase):
                self.groups[new.kind].appendRow(self._element_row(new))
            else:
                self.groups[new.kind].appendRow(self._relation_row(new))
        elif isinstance(new, ElementBase):
            self._label_element(self.rows[change.id], new)
            if old.name != new.name:  # relation rows show their ends by name
                for relation in self.document.model.incident(change.id):
                    if relation.id in self.rows:
                        self._label_relation(self.rows[relation.id], relation)
        else:
            self._label_relation(self.rows[change.id], new)

    def _remove(self, item_id: str) -> None:
        row = self.rows.pop(item_id, None)
        parent = row.parent() if row is not None else None
        if row is not None and parent is not None:
            parent.removeRow(row.row())

    def _update_counts(self) -> None:
        """Show per group how many rows it has, and how many match while searching."""
        searching = bool(self.search.text().strip())
        for kind, group in self.groups.items():
            total = group.rowCount()
            shown = total
            if searching:
                index = self.proxy.mapFromSource(group.index())
                shown = self.proxy.rowCount(index) if index.isValid() else 0
            count = f"{shown} of {total}" if searching else str(total)
            group.setText(f"{group_title(kind)} ({count})")
        self.relations_node.setText(f"Relations ({len(self.document.model.relations_by_id)})")

    def _filter(self, text: str) -> None:
        self._syncing = True  # rows hidden by the search leave the view's selection, not the shared one
        self.proxy.set_search(text)
        self._syncing = False
        self._update_counts()
        if text.strip():
            self.view.expandAll()
        self._selection_to_view()

    # -------------------------------------------------------------- selection

    def selected_ids(self) -> list[str]:
        ids = (self.proxy.data(index, ID_ROLE) for index in self.view.selectionModel().selectedRows())
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
            row = self.rows.get(item_id)
            if row is None:
                continue
            index = self.proxy.mapFromSource(row.index())
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
        item_id = self.proxy.data(index, ID_ROLE)
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


def _group_item(title: str, order: int) -> QStandardItem:
    group = QStandardItem(title)
    group.setData(f"{order:03d}", SORT_ROLE)
    group.setSelectable(False)
    return group
