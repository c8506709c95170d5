"""Editors of attributes that name other elements (by name, never by id), and of free properties."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
)

from app.panels.editors import ChoiceEditor, FieldEditor
from app.panels.field_types import FieldType
from app.panels.icons import kind_icon
from app.panels.labels import element_label
from model.elements import ElementBase
from model.store import Model

NONE_LABEL = "(none)"


def candidates(model: Model, field: FieldType, owner: str | None = None) -> list[ElementBase]:
    """The elements ``field`` may name (never the item itself), sorted by name."""
    found = [e for kind in sorted(field.targets) for e in model.elements(kind) if e.id != owner]
    return sorted(found, key=lambda e: (element_label(e).casefold(), e.id))


def _label(element: ElementBase, field: FieldType) -> str:
    label = element_label(element)
    return f"{label} ({element.kind})" if len(field.targets) > 1 else label


class ReferenceEditor(ChoiceEditor):
    """One element of the right kind (a flow's event or topic, a relation's ends), by name."""

    def __init__(self, field: FieldType) -> None:
        super().__init__(field)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(12)

    def set_choices(self, model: Model) -> None:
        elements = candidates(model, self.field, self.owner)
        choices: list[tuple[str, Any]] = [(_label(e, self.field), e.id) for e in elements]
        self.set_items([(NONE_LABEL, None), *choices] if self.field.optional else choices)
        for index, element in enumerate(elements, start=int(self.field.optional)):
            self.combo.setItemIcon(index, kind_icon(element.kind))
        if self._shown:
            self.show_value(self._value)


class ReferenceListEditor(FieldEditor):
    """Several elements of one kind (the facts a flow carries, the decisions one supersedes): tick them."""

    def __init__(self, field: FieldType) -> None:
        listing = QListWidget()
        super().__init__(field, listing)
        self.listing = listing
        self.listing.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.listing.setMaximumHeight(120)
        self._value: list[str] = []
        self._items: dict[str, QListWidgetItem] = {}
        self.listing.itemChanged.connect(self._ticked)

    def set_choices(self, model: Model) -> None:
        with QSignalBlocker(self.listing):
            self.listing.clear()
            self._items.clear()
            for element in candidates(model, self.field, self.owner):
                item = QListWidgetItem(kind_icon(element.kind), element_label(element))
                item.setData(Qt.ItemDataRole.UserRole, element.id)
                item.setToolTip(element.id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.listing.addItem(item)
                self._items[element.id] = item
        self.show_value(self._value)

    def show_value(self, value: Any) -> None:
        self._value = list(value or ())
        chosen = set(self._value)
        with QSignalBlocker(self.listing):
            for element_id, item in self._items.items():
                checked = element_id in chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def item(self, element_id: str) -> QListWidgetItem:
        return self._items[element_id]

    def _ticked(self, item: QListWidgetItem) -> None:
        element_id = item.data(Qt.ItemDataRole.UserRole)
        kept = [i for i in self._value if i != element_id]
        if item.checkState() == Qt.CheckState.Checked:
            kept.append(element_id)
        self.commit.emit(kept)


class PropertiesEditor(FieldEditor):
    """Free key/value properties as a two-column table; the empty last row adds one, an emptied key removes it."""

    def __init__(self, field: FieldType) -> None:
        table = QTableWidget(0, 2)
        super().__init__(field, table)
        self.table = table
        self.table.setHorizontalHeaderLabels(["key", "value"])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setMaximumHeight(130)
        self.table.itemChanged.connect(self._edited)

    def show_value(self, value: Any) -> None:
        pairs = sorted((value or {}).items())
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(pairs) + 1)
            for row, (key, text) in enumerate([*pairs, ("", "")]):
                self.table.setItem(row, 0, QTableWidgetItem(key))
                self.table.setItem(row, 1, QTableWidgetItem(text))

    def value(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for row in range(self.table.rowCount()):
            key, text = (self.table.item(row, column) for column in (0, 1))
            if key is not None and key.text().strip():
                found[key.text().strip()] = text.text() if text is not None else ""
        return found

    def _edited(self, item: QTableWidgetItem) -> None:
        self.commit.emit(self.value())
