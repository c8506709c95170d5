"""The model tree's rows, read from the model when Qt asks for them, for estates of any size.

A tree of standard items built every row up front (a second per 50,000 rows, so five for a
10,000-context estate). Here a group knows only which ids it holds until it is expanded; then its
rows are sorted once by label, and from then on kept sorted as edits come in, a row at a time.
Searching filters on labels computed once and cached until the item (or, for a relation, an end)
changes.

Indexes carry the internal id of their parent node: 0 for the top level, ``RELATIONS`` for the
relation kinds under "Relations", and a group's node number for its rows.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.panels.icons import kind_icon
from app.panels.labels import element_label, group_title, relation_label
from model.elements import ElementBase
from model.relations import RelationBase
from model.store import Model
from model.vocabulary import ElementKind, RelationKind

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
Kind = ElementKind | RelationKind
Key = tuple[str, str]
RELATIONS = 1000
_ELEMENT_KINDS = list(ElementKind)
_RELATION_KINDS = list(RelationKind)


@dataclass
class Group:
    """The ids of one kind, and the shown ones in label order once somebody looked (``rows`` is None before)."""

    kind: Kind
    node: int
    members: set[str] = field(default_factory=set)
    rows: list[str] | None = None
    keys: list[Key] = field(default_factory=list)


class TreeModel(QAbstractItemModel):
    """Elements by kind, then "Relations" with the relations by kind; rows carry their id in ``ID_ROLE``."""

    def __init__(self, model: Model, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.search = ""
        self.groups: dict[Kind, Group] = {}
        self._by_node: dict[int, Group] = {}
        self._labels: dict[str, str] = {}
        self._keys: dict[str, Key] = {}
        self.reload()

    # ------------------------------------------------------------ contents

    def reload(self) -> None:
        """Forget every row and read the ids afresh (on opening, and after a very large transaction)."""
        self.beginResetModel()
        self.groups = {kind: Group(kind, number + 1) for number, kind in enumerate(_ELEMENT_KINDS)}
        self.groups |= {kind: Group(kind, RELATIONS + 1 + n) for n, kind in enumerate(_RELATION_KINDS)}
        self._by_node = {group.node: group for group in self.groups.values()}
        for kind in _ELEMENT_KINDS:
            self.groups[kind].members.update(e.id for e in self.model.elements(kind))
        for relation in self.model.relations():
            self.groups[relation.kind].members.add(relation.id)
        self._labels.clear()
        self._keys.clear()
        self.endResetModel()

    def set_search(self, text: str) -> None:
        """Show only rows whose label or id contains ``text`` (case ignored); groups count what they show."""
        wanted = text.strip().casefold()
        if wanted == self.search:
            return
        self.beginResetModel()
        self.search = wanted
        for group in self.groups.values():
            group.rows = None
        self.endResetModel()

    def label(self, item_id: str) -> str:
        label = self._labels.get(item_id)
        if label is None:
            item = self.model.find_element(item_id) or self.model.find_relation(item_id)
            if isinstance(item, ElementBase):
                label = element_label(item)
            elif isinstance(item, RelationBase):
                label = relation_label(self.model, item)
            else:
                label = item_id
            self._labels[item_id] = label
        return label

    def _key(self, item_id: str) -> Key:
        key = self._keys.get(item_id)
        if key is None:
            key = self._keys[item_id] = (self.label(item_id).casefold(), item_id)
        return key

    def _shows(self, item_id: str) -> bool:
        return not self.search or self.search in self._key(item_id)[0] or self.search in item_id.casefold()

    def rows_of(self, group: Group) -> list[str]:
        """The group's shown ids in label order, sorted the first time they are asked for."""
        if group.rows is None:
            shown = [i for i in group.members if self._shows(i)]
            group.keys = sorted(self._key(i) for i in shown)
            group.rows = [key[1] for key in group.keys]
        return group.rows

    def shown_count(self, group: Group) -> int:
        return len(self.rows_of(group)) if self.search else len(group.members)

    # ----------------------------------------------------------- following edits

    def insert(self, kind: Kind, item_id: str) -> None:
        group = self.groups[kind]
        group.members.add(item_id)
        if group.rows is not None and self._shows(item_id):
            key = self._key(item_id)
            position = bisect_left(group.keys, key)
            self.beginInsertRows(self._group_index(group), position, position)
            group.keys.insert(position, key)
            group.rows.insert(position, item_id)
            self.endInsertRows()
        self._counts_changed(group)

    def remove(self, kind: Kind, item_id: str) -> None:
        group = self.groups[kind]
        group.members.discard(item_id)
        position = self._position(group, item_id)
        if position is not None:
            assert group.rows is not None
            self.beginRemoveRows(self._group_index(group), position, position)
            del group.keys[position]
            del group.rows[position]
            self.endRemoveRows()
        self._labels.pop(item_id, None)
        self._keys.pop(item_id, None)
        self._counts_changed(group)

    def relabel(self, kind: Kind, item_id: str) -> None:
        """The item's label may have changed: its row moves to where the new label sorts."""
        self.remove(kind, item_id)
        self.insert(kind, item_id)

    def _position(self, group: Group, item_id: str) -> int | None:
        if group.rows is None or item_id not in self._keys:
            return None
        position = bisect_left(group.keys, self._keys[item_id])
        return position if position < len(group.rows) and group.rows[position] == item_id else None

    def _counts_changed(self, group: Group) -> None:
        index = self._group_index(group)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        if isinstance(group.kind, RelationKind):
            relations = self.relations_index()
            self.dataChanged.emit(relations, relations, [Qt.ItemDataRole.DisplayRole])

    # ------------------------------------------------------------------ lookups

    def index_of(self, item_id: str) -> QModelIndex:
        """The row of an item, or an invalid index when the item is not shown."""
        item = self.model.find_element(item_id) or self.model.find_relation(item_id)
        if item is None:
            return QModelIndex()
        group = self.groups[item.kind]
        self.rows_of(group)
        position = self._position(group, item_id)
        return QModelIndex() if position is None else self.createIndex(position, 0, group.node)

    def group_index(self, kind: Kind) -> QModelIndex:
        return self._group_index(self.groups[kind])

    def relations_index(self) -> QModelIndex:
        return self.createIndex(len(_ELEMENT_KINDS), 0, 0)

    def _group_index(self, group: Group) -> QModelIndex:
        if isinstance(group.kind, ElementKind):
            return self.createIndex(_ELEMENT_KINDS.index(group.kind), 0, 0)
        return self.createIndex(_RELATION_KINDS.index(group.kind), 0, RELATIONS)

    def _node(self, index: Index) -> int:
        """The node an index stands for: a group's number, ``RELATIONS``, or -1 for an item row."""
        parent = index.internalId()
        if parent == 0:
            return index.row() + 1 if index.row() < len(_ELEMENT_KINDS) else RELATIONS
        if parent == RELATIONS:
            return RELATIONS + 1 + index.row()
        return -1

    def _item_id(self, index: Index) -> str | None:
        group = self._by_node.get(index.internalId())
        return self.rows_of(group)[index.row()] if group is not None else None

    # ------------------------------------------------------------- Qt's model

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0 or row >= self.rowCount(parent):
            return QModelIndex()
        return self.createIndex(row, 0, self._node(parent) if parent.isValid() else 0)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = index.internalId()
        if parent == 0:
            return QModelIndex()
        if parent == RELATIONS:
            return self.relations_index()
        return self._group_index(self._by_node[parent])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        if not parent.isValid():
            return len(_ELEMENT_KINDS) + 1
        node = self._node(parent)
        if node == RELATIONS:
            return len(_RELATION_KINDS)
        group = self._by_node.get(node)
        return self.shown_count(group) if group is not None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and self._node(index) == -1:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        if node == -1:
            return self._item_data(index, role)
        if role != Qt.ItemDataRole.DisplayRole:
            group = self._by_node.get(node)
            icon = role == Qt.ItemDataRole.DecorationRole and group is not None and isinstance(group.kind, ElementKind)
            return kind_icon(group.kind) if icon and group is not None else None  # type: ignore[arg-type]
        return self.group_text(node)

    def group_text(self, node: int) -> str:
        """``Contexts (6)``, or ``Contexts (1 of 6)`` while searching; ``Relations (n)`` for all of them."""
        if node == RELATIONS:
            return f"Relations ({sum(len(self.groups[k].members) for k in _RELATION_KINDS)})"
        group = self._by_node[node]
        total = len(group.members)
        count = f"{self.shown_count(group)} of {total}" if self.search else str(total)
        return f"{group_title(group.kind)} ({count})"

    def _item_data(self, index: Index, role: int) -> Any:
        item_id = self._item_id(index)
        if item_id is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.label(item_id)
        if role == ID_ROLE:
            return item_id
        group = self._by_node[index.internalId()]
        if role == Qt.ItemDataRole.DecorationRole and isinstance(group.kind, ElementKind):
            return kind_icon(group.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{group.kind} {item_id}"
        return None
