"""Undo and redo built from change events: one committed transaction is one step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from model.changes import Change, Committed, Origin
from model.errors import ModelError
from model.store import Model

#: How many steps can be undone, in the headless History and on the desktop app's undo stack alike.
UNDO_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class Step:
    """One committed edit transaction: undone by replaying its changes' inverses, redone by replaying them."""

    label: str
    changes: tuple[Change, ...]

    def undo(self, model: Model) -> None:
        model.replay([change.inverse() for change in reversed(self.changes)], self.label, Origin.UNDO)

    def redo(self, model: Model) -> None:
        model.replay(self.changes, self.label, Origin.REDO)


class History:
    """The headless undo history (command line, tests): the desktop app keeps the same Steps on Qt's undo stack."""

    def __init__(self, model: Model, limit: int = UNDO_LIMIT) -> None:
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
        step.undo(self._model)
        self._notify()

    def redo(self) -> None:
        if not self._undone:
            raise ModelError("nothing to redo")
        step = self._undone.pop()
        self._done.append(step)
        step.redo(self._model)
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
