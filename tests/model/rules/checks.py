"""What every rule test asks: one rule's findings on a full check, whether the live engine agrees
with a full check, and a replay of edits that checks the engine after each one."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from model.engine import Engine, Rule, Violation, check_model
from model.store import Model


def findings(model: Model, rule: str) -> list[Violation]:
    return [v for v in check_model(model) if v.rule == rule]


def agrees(engine: Engine, model: Model, rules: Sequence[Rule]) -> None:
    assert engine.violations() == check_model(model, rules)


def replay(engine: Engine, model: Model, rules: Sequence[Rule], edits: Iterable[Callable[[], object]]) -> set[str]:
    """Each edit in a transaction of its own; after each, incremental equals full. Returns the rules seen."""
    seen: set[str] = set()
    for number, edit in enumerate(edits):
        with model.transaction(f"edit {number}"):
            edit()
        agrees(engine, model, rules)
        seen.update(v.rule for v in engine.violations())
    return seen
