"""Help menu dialogs: the keyboard shortcuts of every command, and what Steelframe is."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.version import steelframe_version

ABOUT = (
    "<h3>Steelframe {version}</h3>"
    "<p>Model a distributed architecture as a constraint system: bounded contexts, who owns which "
    "business facts, and how contexts interact. A live rule engine marks every place where the "
    "drawing breaks an architecture rule, as you draw.</p>"
)


def about_text() -> str:
    return ABOUT.format(version=steelframe_version())


def shortcuts_dialog(parent: QWidget, rows: list[tuple[str, str, str]]) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard shortcuts")
    table = QTableWidget(len(rows), 3, dialog)
    table.setHorizontalHeaderLabels(["Menu", "Command", "Shortcut"])
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(560, 640)
    return dialog


def show_shortcuts(parent: QWidget, rows: list[tuple[str, str, str]]) -> None:
    shortcuts_dialog(parent, rows).exec()


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, "About Steelframe", about_text())
