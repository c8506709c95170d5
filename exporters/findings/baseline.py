"""Violations against a baseline (an older model): which are new, which unchanged, which are gone.

With a baseline, ``check`` fails only on new violations, so a change is judged by what it
introduces rather than by what an old estate already had.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from model.diff.violations import Comparison, compare_violations
from model.engine import Violation

NEW, UNCHANGED, ABSENT = "new", "unchanged", "absent"


@dataclass(frozen=True)
class Baseline:
    """The comparison of the checked model's violations with those of ``source``."""

    source: str
    comparison: Comparison
    _new: frozenset[int] = field(default=frozenset(), repr=False)

    @classmethod
    def of(cls, source: str, before: Sequence[Violation], after: Sequence[Violation]) -> Baseline:
        comparison = compare_violations(before, after)
        return cls(source, comparison, frozenset(id(v) for v in comparison.new))

    def state(self, violation: Violation) -> str:
        """``new`` or ``unchanged`` for a violation of the checked model (SARIF's baselineState words)."""
        return NEW if id(violation) in self._new else UNCHANGED

    @property
    def new(self) -> tuple[Violation, ...]:
        return self.comparison.new

    @property
    def absent(self) -> tuple[Violation, ...]:
        return self.comparison.absent
