"""Findings for people: one line per violation and a summary line."""

from __future__ import annotations

from collections.abc import Sequence

from exporters.findings.summary import counts, plural
from model.engine import Violation
from model.store import Model
from model.vocabulary import Severity


def text_report(model: Model, violations: Sequence[Violation]) -> str:
    """One line per violation (``error  SF001  message  [ids]``) and a summary line."""
    width = max((len(v.rule) for v in violations), default=0)
    lines = []
    for violation in violations:
        ids = ", ".join(violation.elements)
        line = f"{violation.severity!s:<7}  {violation.rule:<{width}}  {violation.message}  [{ids}]"
        if violation.waived:
            line += f"  (waived by decision {violation.decision})"
        lines.append(line)
    found = counts(violations)
    if violations:
        summary = ", ".join(plural(found[str(s)], str(s)) for s in Severity) + f"; {found['waived']} waived"
    else:
        summary = "no violations"
    lines.append(f"{model.name}: {summary}")
    return "\n".join(lines) + "\n"
