"""What every findings format says the same way: the counts per severity and whether the run fails."""

from __future__ import annotations

from collections.abc import Sequence

from model.engine import Violation
from model.vocabulary import Severity


def counts(violations: Sequence[Violation]) -> dict[str, int]:
    """Non-waived violations per severity, plus how many are waived (the summary every format gives)."""
    found = {str(severity): 0 for severity in Severity} | {"waived": 0}
    for violation in violations:
        found["waived" if violation.waived else str(violation.severity)] += 1
    return found


def fails(violations: Sequence[Violation], threshold: Severity) -> bool:
    """True when a violation that is not waived is at or above ``threshold`` (exit code 1)."""
    return any(not v.waived and v.severity.rank >= threshold.rank for v in violations)


def plural(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"
