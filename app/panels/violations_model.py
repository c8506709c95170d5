"""The violations as a Qt table, kept in step with the engine's diffs, and the filters over it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from app.document.controller import Document
from app.panels.icons import severity_icon
from app.panels.labels import item_label
from model.diff.violations import Key, violation_key
from model.engine import Diff, Violation
from model.palette import SEVERITY_COLOURS, WAIVED_COLOUR
from model.vocabulary import Severity

COLUMNS = ("Rule", "Severity", "Message", "Elements", "Waived")
RULE, SEVERITY, MESSAGE, ELEMENTS, WAIVED = range(len(COLUMNS))
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class ViolationTable(QAbstractTableModel):
    """One row per violation of the live engine; a diff inserts and removes rows, never resets."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.rows: list[Violation] = document.engine.violations()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        violation, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(violation, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if violation.waived:
                return QColor(WAIVED_COLOUR)
            return QColor(SEVERITY_COLOURS[violation.severity]) if column == SEVERITY else None
        if role == Qt.ItemDataRole.DecorationRole and column == SEVERITY:
            return severity_icon(None if violation.waived else violation.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(violation, column)
        if role == SORT_ROLE:
            return self.sort_key(violation, column)
        return None

    def text(self, violation: Violation, column: int) -> str:
        if column == RULE:
            return violation.rule
        if column == SEVERITY:
            return str(violation.severity)
        if column == MESSAGE:
            return violation.message
        if column == ELEMENTS:
            return ", ".join(self.names(violation))
        return self.waived_text(violation)

    def names(self, violation: Violation) -> list[str]:
        model = self.document.model
        return [item_label(model, item_id) for item_id in violation.elements]

    def waived_text(self, violation: Violation) -> str:
        if violation.decision is None:
            return ""
        decision = self.document.model.find_element(violation.decision)
        return f"waived ({decision.name if decision is not None and decision.name else violation.decision})"

    def tooltip(self, violation: Violation, column: int) -> str:
        if column == ELEMENTS:
            return "\n".join(violation.elements)
        fix = f"\n\nFix: {violation.fix}" if violation.fix else ""
        return f"{violation.message}{fix}"

    def sort_key(self, violation: Violation, column: int) -> str:
        if column == RULE:
            return f"{violation.rule}\t{' '.join(violation.elements)}"
        if column == SEVERITY:
            return f"{2 - violation.severity.rank}\t{violation.rule}"
        return self.text(violation, column).casefold()

    # ---------------------------------------------------------------- diffs

    def apply(self, diff: Diff) -> None:
        """Remove what the diff removed (as many times as it lists it) and append what it added."""
        self._remove(diff.removed)
        if diff.added:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(diff.added) - 1)
            self.rows.extend(diff.added)
            self.endInsertRows()

    def _remove(self, removed: Sequence[Violation]) -> None:
        """Find the rows from the end, a run of adjacent rows at a time.

        The engine removes the very objects it added, so rows are matched by identity first (a
        lookup of ``id``, where comparing violations hashes all their fields); anything left is then
        matched by value.
        """
        left = self._remove_rows(Counter(id(violation) for violation in removed), id)
        if left:
            self._remove_rows(Counter(v for v in removed if left[id(v)] > 0), lambda violation: violation)

    def _remove_rows(self, pending: Counter[Any], key: Callable[[Violation], Any]) -> Counter[Any]:
        """Remove the rows whose key is pending (as many of each as counted); returns what was not found."""
        row = len(self.rows) - 1
        while row >= 0 and pending:
            if pending[key(self.rows[row])] <= 0:
                row -= 1
                continue
            last = row
            while row >= 0 and pending[key(self.rows[row])] > 0:
                pending[key(self.rows[row])] -= 1
                row -= 1
            self.beginRemoveRows(QModelIndex(), row + 1, last)
            del self.rows[row + 1:last + 1]
            self.endRemoveRows()
            pending = +pending
        return pending

    def names_changed(self, item_ids: set[str]) -> None:
        """These elements were renamed (or these decisions retitled): repaint the rows that show them."""
        for row, violation in enumerate(self.rows):
            if violation.decision in item_ids or not item_ids.isdisjoint(violation.elements):
                self.dataChanged.emit(self.index(row, ELEMENTS), self.index(row, WAIVED))


class ViolationFilter(QSortFilterProxyModel):
    """Rows of the chosen severities and rule, containing the text, and waived ones unless hidden."""

    def __init__(self, table: ViolationTable, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.severities: set[Severity] = set(Severity)
        self.rule: str | None = None
        self.text = ""
        self.show_waived = True
        self.baseline: set[Key] | None = None  # with one: show only violations new since it
        self.setSourceModel(table)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_filter(
        self,
        severities: Iterable[Severity] | None = None,
        rule: str | bool | None = False,
        text: str | None = None,
        show_waived: bool | None = None,
    ) -> None:
        """Change any of the filters (``rule=None`` means every rule; ``False`` leaves it as it is)."""
        self.beginFilterChange()
        if severities is not None:
            self.severities = set(severities)
        if rule is not False:
            self.rule = rule if isinstance(rule, str) else None
        if text is not None:
            self.text = text.strip().casefold()
        if show_waived is not None:
            self.show_waived = show_waived
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_baseline(self, baseline: set[Key] | None) -> None:
        """Show only violations that are not in ``baseline`` (None: show them all)."""
        self.beginFilterChange()
        self.baseline = baseline
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        violation = self.table.rows[source_row]
        if violation.severity not in self.severities or (violation.waived and not self.show_waived):
            return False
        if self.rule is not None and violation.rule != self.rule:
            return False
        if self.baseline is not None and violation_key(violation) in self.baseline:
            return False
        if not self.text:
            return True
        haystack = " ".join([violation.rule, violation.message, *self.table.names(violation), *violation.elements])
        return self.text in haystack.casefold()

    def violation(self, index: Index) -> Violation | None:
        source = self.mapToSource(index)
        return self.table.rows[source.row()] if source.isValid() else None
