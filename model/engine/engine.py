"""The live constraint engine: evaluates every rule once, then after each committed transaction
re-evaluates only the subjects whose recorded reads the transaction touched, and reports the
difference as a diff of violations.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import cast

from model.changes import Committed, ElementChange, RelationChange, SettingsChange, WaiverChange
from model.engine.config import ActiveRule, resolve
from model.engine.custom import compile_custom_rules
from model.engine.indexes import Indexes
from model.engine.keys import Key
from model.engine.reader import Reader, TrackingReader
from model.engine.rule import Rule, Violation
from model.store import Model

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Diff:
    """What one transaction changed in the list of violations."""

    added: tuple[Violation, ...]
    removed: tuple[Violation, ...]
    evaluated: int

    def __bool__(self) -> bool:
        return bool(self.added or self.removed)


DiffListener = Callable[[Diff], None]


def default_rules() -> list[Rule]:
    """The catalogue SF001-SF019 and every installed plugin rule."""
    from model.engine.plugins import merge, plugin_rules
    from model.rules import CATALOGUE

    return merge(CATALOGUE, plugin_rules())


class Evaluator:
    """Evaluates subjects of a model against its active rules, through a reader of its choice."""

    def __init__(self, model: Model, rules: Sequence[Rule], tracking: bool = False) -> None:
        self.model = model
        self.rules = list(rules)
        self.indexes = Indexes(model)
        self.reader = (TrackingReader if tracking else Reader)(model, self.indexes)
        self.by_subject: dict[str, list[ActiveRule]] = {}
        self.configure()

    def configure(self) -> None:
        """Apply the model's settings: which rules run, how severe, with which parameters."""
        active = resolve([*self.rules, *compile_custom_rules(self.model.settings)], self.model.settings)
        by_subject: dict[str, list[ActiveRule]] = {}
        for entry in active:
            for subject in entry.rule.subjects:
                by_subject.setdefault(subject, []).append(entry)
        self.by_subject = by_subject

    def subject_kind(self, subject_id: str) -> str | None:
        element = self.model.find_element(subject_id)
        if element is not None:
            return str(element.kind)
        relation = self.model.find_relation(subject_id)
        if relation is not None:
            return str(relation.kind)
        return "waiver" if self.indexes.waivers.get(subject_id) is not None else None

    def subjects(self) -> Iterator[tuple[str, str]]:
        """(id, kind) of every subject some active rule is evaluated for."""
        kinds = self.by_subject.keys()
        for element in self.model.elements():
            if element.kind in kinds:
                yield element.id, element.kind
        for relation in self.model.relations():
            if relation.kind in kinds:
                yield relation.id, relation.kind
        if "waiver" in kinds:
            yield from ((waiver.id, "waiver") for waiver in self.model.waivers())

    def evaluate(self, subject_id: str, kind: str) -> tuple[Violation, ...]:
        reader = self.reader
        found: list[Violation] = []
        for entry in self.by_subject.get(kind, ()):
            rule = entry.rule
            try:
                findings = list(rule.check(reader, subject_id, entry.params))
            except Exception as error:  # a faulty plugin rule is reported, not fatal
                log.exception("rule %s failed on %s", rule.id, subject_id)
                found.append(Violation(rule.id, entry.severity, f"rule {rule.id} failed: {error}", (subject_id,)))
                continue
            for finding in findings:
                decision = reader.waiving_decision(rule.id, finding.elements)
                found.append(
                    Violation(rule.id, entry.severity, finding.message, finding.elements, finding.fix, decision)
                )
        return tuple(found)


def check_model(model: Model, rules: Sequence[Rule] | None = None) -> list[Violation]:
    """Every violation of the model, computed from scratch (what ``steelframe check`` reports)."""
    evaluator = Evaluator(model, default_rules() if rules is None else rules)
    found = [v for subject, kind in evaluator.subjects() for v in evaluator.evaluate(subject, kind)]
    return sorted(found, key=Violation.sort_key)


class Engine:
    """Keeps the violations of a live model current, transaction by transaction."""

    def __init__(self, model: Model, rules: Sequence[Rule] | None = None) -> None:
        self.model = model
        self._evaluator = Evaluator(model, default_rules() if rules is None else rules, tracking=True)
        self._reader = cast(TrackingReader, self._evaluator.reader)
        self._results: dict[str, tuple[Violation, ...]] = {}
        self._deps: dict[str, set[Key]] = {}
        self._dependents: dict[Key, set[str]] = {}
        self._listeners: list[DiffListener] = []
        for subject, kind in list(self._evaluator.subjects()):
            self._reevaluate(subject, kind)
        self._unsubscribe = model.subscribe(self._on_commit)

    def close(self) -> None:
        self._unsubscribe()

    def subscribe(self, listener: DiffListener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def violations(self) -> list[Violation]:
        found = [v for result in self._results.values() for v in result]
        return sorted(found, key=Violation.sort_key)

    def violations_of(self, item_id: str) -> list[Violation]:
        """Violations that involve the element or relation (linear; the canvas keeps its own map)."""
        return [v for result in self._results.values() for v in result if item_id in v.elements]

    # ----------------------------------------------------------- incremental

    def _on_commit(self, committed: Committed) -> None:
        if any(_rules_changed(change) for change in committed.changes):
            self._recompute_all()
            return
        subjects = {
            change.id for change in committed.changes
            if isinstance(change, ElementChange | RelationChange | WaiverChange)
        }
        for key in self._evaluator.indexes.follow(committed.changes):
            subjects.update(self._dependents.get(key, ()))
        self._emit(subjects)

    def _recompute_all(self) -> None:
        self._evaluator.configure()
        self._emit(set(self._results) | {subject for subject, _ in self._evaluator.subjects()})

    def _emit(self, subjects: set[str]) -> None:
        added: list[Violation] = []
        removed: list[Violation] = []
        for subject in sorted(subjects):
            before = self._results.get(subject, ())
            after = self._reevaluate(subject, self._evaluator.subject_kind(subject))
            if before != after:
                old, new = set(before), set(after)
                added.extend(v for v in after if v not in old)
                removed.extend(v for v in before if v not in new)
        diff = Diff(tuple(added), tuple(removed), len(subjects))
        for listener in list(self._listeners):
            listener(diff)

    def _reevaluate(self, subject: str, kind: str | None) -> tuple[Violation, ...]:
        """Evaluate one subject (None kind: it is gone) and re-file what it depends on."""
        for key in self._deps.pop(subject, ()):
            holders = self._dependents.get(key)
            if holders is not None:
                holders.discard(subject)
                if not holders:
                    del self._dependents[key]
        if kind is None:
            self._results.pop(subject, None)
            return ()
        reader = self._reader
        deps: set[Key] = set()
        reader.deps = deps
        result = self._evaluator.evaluate(subject, kind)
        self._deps[subject] = deps
        for key in deps:
            self._dependents.setdefault(key, set()).add(subject)
        if result:
            self._results[subject] = result
        else:
            self._results.pop(subject, None)
        return result


def _rules_changed(change: object) -> bool:
    """A settings change that touches the rules (renaming the model does not)."""
    if not isinstance(change, SettingsChange) or change.old is None or change.new is None:
        return isinstance(change, SettingsChange)
    return (change.old.rules, change.old.custom_rules) != (change.new.rules, change.new.custom_rules)

