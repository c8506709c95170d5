"""Findings for scripts: the JSON object DESIGN.md fixes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from exporters.findings.baseline import Baseline
from exporters.findings.summary import counts
from model.engine import Violation
from model.store import Model


def json_report(model: Model, violations: Sequence[Violation], baseline: Baseline | None = None) -> str:
    """The object DESIGN.md fixes: model name, violations, counts; with a baseline, each violation's
    ``baseline`` state and a ``baseline`` object listing the violations that disappeared."""
    report: dict[str, Any] = {
        "model": model.name,
        "violations": [_violation(v, baseline.state(v) if baseline else None) for v in violations],
        "counts": counts(violations),
    }
    if baseline is not None:
        report["baseline"] = {
            "source": baseline.source, "new": len(baseline.new), "unchanged": len(violations) - len(baseline.new),
            "absent": [_violation(v, "absent") for v in baseline.absent],
        }
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def _violation(violation: Violation, state: str | None) -> dict[str, Any]:
    found: dict[str, Any] = {
        "rule": violation.rule, "severity": str(violation.severity), "message": violation.message,
        "elements": list(violation.elements), "waived": violation.waived, "decision": violation.decision,
    }
    if state is not None:
        found["baseline"] = state
    return found
