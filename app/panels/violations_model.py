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
from model.engine import Diff, Violation
from model.palette import SEVERITY_COLOURS, WAIVED_COLOUR
from model.vocabulary import Severity

COLUMNS = ("Rule", "Severity", "Message", "Elements", "Waived")
RULE, SEVERITY, MESSAGE, ELEMENTS, WAIVED = range(len(COLUMNS))
#: A diff larger than this (an undo of a large paste) sorts all rows again instead of moving them one by one.
RESORT_THRESHOLD = 500
SortKey = tuple[str, str, str, str]
Index = QModelIndex | QPersistentModelIndex


class ViolationTable(QAbstractTableModel):
    """One row per violation of the live engine, kept in the order the user chose: a diff inserts and removes
    rows where they sort (a very large one sorts again), so the proxy over it only filters."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.rows: list[Violation] = document.engine.violations()
        self.keys: list[SortKey] = []
        self.sort_column, self.order = RULE, Qt.SortOrder.AscendingOrder
        self._sort_rows()

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

    def sort_key(self, violation: Violation, column: int) -> SortKey:
        """The column's order, then the rule and the elements, so that equal cells keep one stable order."""
        if column == RULE:
            first = violation.rule
        elif column == SEVERITY:
            first = f"{2 - violation.severity.rank}\t{violation.rule}"
        else:
            first = self.text(violation, column).casefold()
        return first, violation.rule, " ".join(violation.elements), violation.message

    # ------------------------------------------------------------- sorting

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows here, each key computed once (a proxy would ask for both keys of every comparison)."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        held = [self.rows[index.row()] for index in before]
        self.sort_column, self.order = column, order
        self._sort_rows()
        where = {id(violation): row for row, violation in enumerate(self.rows)}
        self.changePersistentIndexList(before, [self.index(where[id(v)], index.column()) for v, index in zip(
            held, before, strict=True)])
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        keyed = sorted(((self.sort_key(v, self.sort_column), v) for v in self.rows), key=_first,
                       reverse=self.order == Qt.SortOrder.DescendingOrder)
        self.keys = [key for key, _ in keyed]
        self.rows = [violation for _, violation in keyed]

    def _insertion_row(self, key: SortKey) -> int:
        """Where a row with ``key`` goes so that the rows stay in order (after any equal ones)."""
        descending = self.order == Qt.SortOrder.DescendingOrder
        low, high = 0, len(self.keys)
        while low < high:
            middle = (low + high) // 2
            if (key > self.keys[middle]) if descending else (key < self.keys[middle]):
                high = middle
            else:
                low = middle + 1
        return low

    # ---------------------------------------------------------------- diffs

    def apply(self, diff: Diff) -> None:
        """Remove what the diff removed (as many times as it lists it) and put what it added where it sorts."""
        if len(diff.added) + len(diff.removed) > RESORT_THRESHOLD:
            self.beginResetModel()
            self._remove(diff.removed, quietly=True)
            self.rows.extend(diff.added)
            self._sort_rows()
            self.endResetModel()
            return
        self._remove(diff.removed)
        for violation in diff.added:
            key = self.sort_key(violation, self.sort_column)
            row = self._insertion_row(key)
            self.beginInsertRows(QModelIndex(), row, row)
            self.rows.insert(row, violation)
            self.keys.insert(row, key)
            self.endInsertRows()

    def _remove(self, removed: Sequence[Violation], quietly: bool = False) -> None:
        """Find the rows from the end, a run of adjacent rows at a time.

        The engine removes the very objects it added, so rows are matched by identity first (a
        lookup of ``id``, where comparing violations hashes all their fields); anything left is then
        matched by value.
        """
        left = self._remove_rows(Counter(id(violation) for violation in removed), id, quietly)
        if left:
            self._remove_rows(Counter(v for v in removed if left[id(v)] > 0), lambda violation: violation, quietly)

    def _remove_rows(self, pending: Counter[Any], key: Callable[[Violation], Any], quietly: bool) -> Counter[Any]:
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
            if not quietly:
                self.beginRemoveRows(QModelIndex(), row + 1, last)
            del self.rows[row + 1:last + 1]
            del self.keys[row + 1:last + 1]
            if not quietly:
                self.endRemoveRows()
            pending = +pending
        return pending

    def names_changed(self, item_ids: set[str]) -> None:
        """These elements were renamed (or these decisions retitled): repaint the rows that show them, and
        sort again when the order is by the names."""
        for row, violation in enumerate(self.rows):
            if violation.decision in item_ids or not item_ids.isdisjoint(violation.elements):
                self.dataChanged.emit(self.index(row, ELEMENTS), self.index(row, WAIVED))
        if self.sort_column in (ELEMENTS, WAIVED):
            self.sort(self.sort_column, self.order)


def _first(pair: tuple[SortKey, Violation]) -> SortKey:
    return pair[0]


class ViolationFilter(QSortFilterProxyModel):
    """Rows of the chosen severities and rule, containing the text, and waived ones unless hidden."""

    def __init__(self, table: ViolationTable, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.severities: set[Severity] = set(Severity)
        self.rule: str | None = None
        self.text = ""
        self.show_waived = True
        self.setSourceModel(table)
        self.setDynamicSortFilter(True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The table sorts itself (each key once); the proxy keeps its order and only filters."""
        self.table.sort(column, order)

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

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        violation = self.table.rows[source_row]
        if violation.severity not in self.severities or (violation.waived and not self.show_waived):
            return False
        if self.rule is not None and violation.rule != self.rule:
            return False
        if not self.text:
            return True
        haystack = " ".join([violation.rule, violation.message, *self.table.names(violation), *violation.elements])
        return self.text in haystack.casefold()

    def violation(self, index: Index) -> Violation | None:
        source = self.mapToSource(index)
        return self.table.rows[source.row()] if source.isValid() else None
