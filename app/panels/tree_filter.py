"""Sorting and searching of the model tree, done by Qt in C++ on precomputed lower-case text."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class TreeFilter(QSortFilterProxyModel):
    """Rows match when their name or id contains the search text; groups show while a row in them does."""

    TEXT_ROLE = Qt.ItemDataRole.UserRole + 3  # "name\nid", case-folded; groups have none, so never match

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterRole(self.TEXT_ROLE)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_search(self, text: str) -> None:
        self.setFilterFixedString(text.strip().casefold())
