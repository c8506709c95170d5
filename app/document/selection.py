"""What is selected, shared by the canvas, the model tree, the property editor and the violations panel."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    """The ids of the selected elements and relations, in the order they were selected."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._ids: list[str] = []

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    @property
    def single(self) -> str | None:
        return self._ids[0] if len(self._ids) == 1 else None

    def set(self, ids: Iterable[str]) -> None:
        fresh = list(dict.fromkeys(ids))
        if fresh != self._ids:
            self._ids = fresh
            self.changed.emit()

    def clear(self) -> None:
        self.set([])

    def discard(self, gone: Iterable[str]) -> None:
        """Forget ids that no longer exist (after a delete or an undo)."""
        gone_set = set(gone)
        self.set(i for i in self._ids if i not in gone_set)
