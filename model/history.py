"""Undo and redo built from change events: one committed transaction is one step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from model.changes import Change, Committed, Origin
from model.errors import ModelError
from model.store import Model


@dataclass(frozen=True, slots=True)
class Step:
    label: str
    changes: tuple[Change, ...]


class History:
    """Records each edit transaction of a model and replays its inverse (undo) or itself (redo)."""

    def __init__(self, model: Model, limit: int = 1000) -> None:
        self._model = model
        self._limit = limit
        self._done: list[Step] = []
        self._undone: list[Step] = []
        self._listeners: list[Callable[[], None]] = []
        self._unsubscribe = model.subscribe(self._on_commit)

    def close(self) -> None:
        self._unsubscribe()

    def on_change(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` whenever the undo or redo stack changes."""
        self._listeners.append(listener)

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_label(self) -> str | None:
        return self._done[-1].label if self._done else None

    @property
    def redo_label(self) -> str | None:
        return self._undone[-1].label if self._undone else None

    def steps(self) -> list[str]:
        """Labels of the steps that can be undone, oldest first."""
        return [step.label for step in self._done]

    def undo(self) -> None:
        if not self._done:
            raise ModelError("nothing to undo")
        step = self._done.pop()
        self._undone.append(step)
        inverse = [change.inverse() for change in reversed(step.changes)]
        self._model.replay(inverse, step.label, Origin.UNDO)
        self._notify()

    def redo(self) -> None:
        if not self._undone:
            raise ModelError("nothing to redo")
        step = self._undone.pop()
        self._done.append(step)
        self._model.replay(step.changes, step.label, Origin.REDO)
        self._notify()

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
        self._notify()

    def _on_commit(self, committed: Committed) -> None:
        if committed.origin is not Origin.EDIT:
            return
        self._done.append(Step(committed.label, committed.changes))
        del self._done[: -self._limit]
        self._undone.clear()
        self._notify()

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()
