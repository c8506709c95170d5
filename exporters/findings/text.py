"""Findings for people: one line per violation and a summary line."""

from __future__ import annotations

from collections.abc import Sequence

from exporters.findings.baseline import NEW, Baseline
from exporters.findings.summary import counts, plural
from model.engine import Violation
from model.store import Model
from model.vocabulary import Severity


def text_report(model: Model, violations: Sequence[Violation], baseline: Baseline | None = None) -> str:
    """One line per violation (``error  SF001  message  [ids]``) and a summary line; with a baseline,
    new violations are marked and those that disappeared are listed."""
    width = max((len(v.rule) for v in violations), default=0)
    lines = []
    for violation in violations:
        ids = ", ".join(violation.elements)
        line = f"{violation.severity!s:<7}  {violation.rule:<{width}}  {violation.message}  [{ids}]"
        if violation.waived:
            line += f"  (waived by decision {violation.decision})"
        if baseline is not None and baseline.state(violation) == NEW:
            line += "  (new)"
        lines.append(line)
    if baseline is not None:
        lines += [f"fixed    {v.rule:<{width}}  {v.message}  [{', '.join(v.elements)}]" for v in baseline.absent]
    found = counts(violations)
    if violations:
        summary = ", ".join(plural(found[str(s)], str(s)) for s in Severity) + f"; {found['waived']} waived"
    else:
        summary = "no violations"
    if baseline is not None:
        summary += f"; {len(baseline.new)} new and {len(baseline.absent)} fixed since {baseline.source}"
    lines.append(f"{model.name}: {summary}")
    return "\n".join(lines) + "\n"
