"""The Waive… dialog: the decision's title, the justification, and accept now or leave proposed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.panels.waive import WaiveTerms, default_title
from model.engine import Violation


class WaiveDialog(QDialog):
    """Asks how to waive one violation; an accepted waiver needs a justification."""

    def __init__(self, violation: Violation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waive-dialog")
        self.setWindowTitle(f"Waive {violation.rule}")
        self.violation = QLabel(f"{violation.rule}: {violation.message}")
        self.violation.setWordWrap(True)
        self.title = QLineEdit(default_title(violation))
        self.justification = QPlainTextEdit()
        self.justification.setPlaceholderText("Why the room accepts this violation (the decision's outcome)")
        self.justification.setTabChangesFocus(True)
        self.accept_now = QCheckBox("Accept the decision now (otherwise it stays proposed and SF019 reports it)")
        self.accept_now.setChecked(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Waive")
        form = QFormLayout(self)
        form.addRow(self.violation)
        form.addRow("Decision &title:", self.title)
        form.addRow("&Justification:", self.justification)
        form.addRow(self.accept_now)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.justification.textChanged.connect(self._follow)
        self.accept_now.toggled.connect(self._follow)
        self.title.textChanged.connect(self._follow)
        self._follow()
        self.justification.setFocus()

    def _follow(self) -> None:
        ready = bool(self.title.text().strip()) and (
            not self.accept_now.isChecked() or bool(self.justification.toPlainText().strip()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def terms(self) -> WaiveTerms:
        return WaiveTerms(self.title.text(), self.justification.toPlainText(), self.accept_now.isChecked())


def ask_terms(violation: Violation, parent: QWidget | None) -> WaiveTerms | None:
    """Show the dialog; the terms, or None when cancelled."""
    dialog = WaiveDialog(violation, parent)
    try:
        return dialog.terms() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
