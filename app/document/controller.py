"""One open model as the desktop app holds it: the model, its undo stack, its live engine, its
file, and Qt signals for all of them. Everything the app changes goes through ``edit``.

The model stays the single source of truth; Qt only hears about committed transactions. Qt's undo
stack is the only undo history: each command carries its transaction's changes, so its clean state
is "the model equals the file" even after old steps fall off the limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from model.changes import Committed, Origin
from model.engine import Diff, Engine, Violation
from model.history import UNDO_LIMIT, Step
from model.store import Model
from model.vocabulary import Severity

#: The status bar's and the violations panel's counts: open violations per severity, then the waived ones.
COUNT_KEYS = (*(str(s) for s in Severity), "waived")


def count_key(violation: Violation) -> str:
    return "waived" if violation.waived else str(violation.severity)


class _Step(QUndoCommand):
    """One committed edit transaction on Qt's undo stack: undo replays its inverse, redo replays it."""

    def __init__(self, model: Model, step: Step) -> None:
        super().__init__(step.label)
        self._model = model
        self._step = step
        self._pushed = False

    def redo(self) -> None:
        if self._pushed:  # Qt calls redo() on push, when the edit has already happened
            self._step.redo(self._model)
        self._pushed = True

    def undo(self) -> None:
        self._step.undo(self._model)


class Document(QObject):
    """The controller of one model: the scene, the panels and the window talk to it, not to each other."""

    committed = Signal(object)  # model.changes.Committed
    violations_changed = Signal(object)  # model.engine.Diff
    path_changed = Signal(object)  # Path | None
    dirty_changed = Signal(bool)

    def __init__(self, model: Model | None = None, path: Path | None = None) -> None:
        super().__init__()
        self.model = model or Model()
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self.engine = Engine(self.model)
        self._by_item: dict[str, dict[Violation, None]] = {}
        self._counts = dict.fromkeys(COUNT_KEYS, 0)
        for violation in self.engine.violations():
            self._index(violation)
            self._counts[count_key(violation)] += 1
        self.model.subscribe(self._on_commit)
        self.engine.subscribe(self._on_diff)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    def close(self) -> None:
        self.engine.close()

    # ---------------------------------------------------------------- editing

    @contextmanager
    def edit(self, label: str) -> Iterator[Model]:
        """``with document.edit("Rename context") as model: ...`` — one undo step per user action."""
        with self.model.transaction(label):
            yield self.model

    def _on_commit(self, committed: Committed) -> None:
        if committed.origin is Origin.EDIT:
            self.undo_stack.push(_Step(self.model, Step(committed.label, committed.changes)))
        self.committed.emit(committed)

    # ------------------------------------------------------------- violations

    def _on_diff(self, diff: Diff) -> None:
        for violation in diff.removed:
            self._counts[count_key(violation)] -= 1
            for item_id in violation.elements:
                held = self._by_item.get(item_id)
                if held is not None:
                    held.pop(violation, None)
                    if not held:
                        del self._by_item[item_id]
        for violation in diff.added:
            self._index(violation)
            self._counts[count_key(violation)] += 1
        if diff:
            self.violations_changed.emit(diff)

    def report(self, diff: Diff) -> None:
        """Findings from outside the engine (drift against contracts) join the panel, the counts and the badges."""
        self._on_diff(diff)

    def _index(self, violation: Violation) -> None:
        for item_id in violation.elements:
            self._by_item.setdefault(item_id, {})[violation] = None

    def violations_of(self, item_id: str) -> list[Violation]:
        return list(self._by_item.get(item_id, ()))

    def worst(self, item_id: str) -> tuple[Severity | None, int]:
        """The worst severity among the item's violations that are not waived, and how many there are."""
        open_ = [v for v in self._by_item.get(item_id, ()) if not v.waived]
        if not open_:
            return None, 0
        return max((v.severity for v in open_), key=lambda s: s.rank), len(open_)

    def counts(self) -> dict[str, int]:
        """Open violations per severity, and how many are waived (kept with each diff, not recounted)."""
        return dict(self._counts)

    # ------------------------------------------------------------------ files

    def _on_clean_changed(self, clean: bool) -> None:
        self.dirty_changed.emit(not clean)

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_saved(self, path: Path) -> None:
        self.undo_stack.setClean()
        if path != self.path:
            self.path = path
            self.path_changed.emit(path)

    @property
    def title(self) -> str:
        return self.path.name if self.path else f"{self.model.name} (not saved)"
