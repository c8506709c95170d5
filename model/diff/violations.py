"""Which violations a change introduces and which it resolves, matched by rule and the ids involved.

The message is left out of the match on purpose: renaming an element rewords its violations
without making them new.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from model.engine import Violation

Key = tuple[str, frozenset[str]]


def violation_key(violation: Violation) -> Key:
    return violation.rule, frozenset(violation.elements)


@dataclass(frozen=True)
class Comparison:
    """Violations of the later model split into new and unchanged, and those of the earlier that are gone."""

    new: tuple[Violation, ...]
    unchanged: tuple[Violation, ...]
    absent: tuple[Violation, ...]

    def is_new(self, violation: Violation) -> bool:
        return any(v is violation for v in self.new)


def compare_violations(before: Sequence[Violation], after: Sequence[Violation]) -> Comparison:
    """Match ``after`` against ``before`` one for one (a key found twice must be there twice)."""
    remaining = Counter(violation_key(v) for v in before)
    new: list[Violation] = []
    unchanged: list[Violation] = []
    for violation in after:
        key = violation_key(violation)
        if remaining[key] > 0:
            remaining[key] -= 1
            unchanged.append(violation)
        else:
            new.append(violation)
    current = Counter(violation_key(v) for v in after)
    absent = []
    for violation in before:
        key = violation_key(violation)
        if current[key] > 0:
            current[key] -= 1
        else:
            absent.append(violation)
    return Comparison(tuple(new), tuple(unchanged), tuple(absent))
