"""The history panel: Qt's undo view of the document's undo stack; clicking a step goes back to it."""

from __future__ import annotations

from PySide6.QtWidgets import QUndoView, QVBoxLayout, QWidget

from app.document.controller import Document

EMPTY_LABEL = "Opened"


class HistoryPanel(QWidget):
    """Every undoable step since the model was opened, the current one highlighted."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.view = QUndoView(document.undo_stack)
        self.view.setEmptyLabel(EMPTY_LABEL)
        self.view.setAccessibleName("History")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
