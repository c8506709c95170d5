"""The changes panel: what changed since the compared model, each row leading to its item."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.canvas.change_marks import CHANGE_COLOURS
from app.document.controller import Document
from app.document.selection import Selection
from model.diff import ModelDiff

ID_ROLE = Qt.ItemDataRole.UserRole


class ChangesPanel(QWidget):
    """Elements and relations added, changed and removed since the baseline; clicking one selects it."""

    reveal = Signal(list)

    def __init__(self, document: Document, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.selection = selection
        self.title = QLabel("Compare the model with another file or a git revision: File → Compare With…")
        self.title.setWordWrap(True)
        self.list = QListWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        self.list.currentItemChanged.connect(lambda current, _: self._chosen(current))

    def show_diff(self, diff: ModelDiff | None, source: str = "") -> None:
        self.list.clear()
        if diff is None:
            self.title.setText("Not compared.")
            return
        changes = (*diff.elements, *diff.relations)
        self.title.setText(f"Since {source}: {len(changes)} element and relation change(s)"
                           + (f", {len(diff.views)} view(s) changed" if diff.views else ""))
        for change in changes:
            text = f"{change.change}: {change.label}"
            if change.attributes:
                text += " (" + ", ".join(a.attribute for a in change.attributes) + ")"
            row = QListWidgetItem(text)
            row.setData(ID_ROLE, change.id)
            row.setForeground(QBrush(QColor(CHANGE_COLOURS[change.change])))
            row.setToolTip(change.id)
            self.list.addItem(row)

    def ids(self) -> list[str]:
        return [str(self.list.item(row).data(ID_ROLE)) for row in range(self.list.count())]

    def _chosen(self, row: QListWidgetItem | None) -> None:
        if row is None:
            return
        item_id = str(row.data(ID_ROLE))
        if item_id in self.document.model:
            self.selection.set([item_id])
            self.reveal.emit([item_id])
