"""The conflicts panel: each merge conflict the model records, resolved with one click (one undo step)."""

from __future__ import annotations

import json

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.document.controller import Document
from app.document.selection import Selection
from model.changes import Committed, ConflictChange
from model.conflicts import Conflict
from model.errors import ModelError
from model.merge.resolve import Choice, resolve_conflict
from model.rules.conflicts import shown

COLUMNS = ("Conflict", "Ours (in the file)", "Theirs")

class ConflictsPanel(QWidget):
    """A row per unresolved conflict; Ours, Theirs or Edit… resolves the selected one."""

    reveal = Signal(list)

    def __init__(self, document: Document, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.selection = selection
        self.conflicts: list[Conflict] = []
        self.summary = QLabel()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.buttons = {choice: QPushButton(text) for choice, text in
                        (("ours", "Keep Ours"), ("theirs", "Take Theirs"), ("edit", "Edit…"))}
        self.error = QLabel()
        self._layout()
        self.table.currentCellChanged.connect(lambda *_: self._chosen())
        for choice, button in self.buttons.items():
            button.clicked.connect(lambda _=False, c=choice: self.resolve_current(c))
        document.committed.connect(self._on_commit)
        self.refresh()

    def _layout(self) -> None:
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)

    def _on_commit(self, committed: Committed) -> None:
        if any(isinstance(change, ConflictChange) for change in committed.changes) or self.conflicts:
            self.refresh()

    def refresh(self) -> None:
        current = self.current()
        self.conflicts = sorted(self.document.model.conflicts(), key=lambda c: c.id)
        self.table.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            for column, text in enumerate(self._cells(conflict)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        count = len(self.conflicts)
        self.summary.setText("No merge conflicts." if not count else
                             f"{count} unresolved merge conflict{'s' if count != 1 else ''}: resolve each, then save.")
        if current is not None and current in self.conflicts:
            self.table.selectRow(self.conflicts.index(current))
        elif self.conflicts:
            self.table.selectRow(0)
        self._update_buttons()

    def _cells(self, conflict: Conflict) -> tuple[str, str, str]:
        model = self.document.model
        item = model.find_element(conflict.item) or model.find_relation(conflict.item)
        what = f"{item.kind} {item.name or item.id}" if item is not None else f"{conflict.section} {conflict.item}"
        if conflict.kind == "attribute":
            return f"{what}: {conflict.attribute or 'the whole item'}", shown(conflict.ours), shown(conflict.theirs)
        if conflict.kind == "deleted":
            deleted = "deleted"
            kept = f"kept ({conflict.reason or 'changed'})"
            ours, theirs = (deleted, kept) if conflict.deleted_by == "ours" else (kept, deleted)
            return f"{what}: deleted on one side only", ours, theirs
        theirs_value = conflict.theirs if isinstance(conflict.theirs, dict) else {}
        return f"{what}: held by two contexts", f"in {conflict.ours}", f"in {theirs_value.get('source', '?')}"

    def current(self) -> Conflict | None:
        row = self.table.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def _update_buttons(self) -> None:
        for button in self.buttons.values():
            button.setEnabled(self.current() is not None)

    def _chosen(self) -> None:
        self._update_buttons()
        conflict = self.current()
        if conflict is not None and conflict.item in self.document.model:
            self.selection.set([conflict.item])
            self.reveal.emit([conflict.item])

    def resolve_current(self, choice: Choice) -> bool:
        """Resolve the selected conflict; Edit asks for the value (JSON, or plain text for a text attribute)."""
        conflict = self.current()
        if conflict is None:
            return False
        value = None
        if choice == "edit":
            if conflict.kind != "attribute":
                choice = "ours" if conflict.deleted_by != "ours" else "theirs"  # keep the item, then edit it
            else:
                text, accepted = QInputDialog.getText(
                    self, "Resolve Conflict", f"Value of {conflict.attribute or conflict.item} (JSON):",
                    text=json.dumps(conflict.ours, ensure_ascii=False),
                )
                if not accepted:
                    return False
                value = _parsed(text)
        try:
            resolve_conflict(self.document.model, conflict.id, choice, value)
        except ModelError as error:
            self.error.setText(f"Cannot resolve it that way: {error}")
            return False
        self.error.clear()
        return True

def _parsed(text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text
