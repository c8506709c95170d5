"""Findings for scripts: the JSON object DESIGN.md fixes."""

from __future__ import annotations

import json
from collections.abc import Sequence

from exporters.findings.summary import counts
from model.engine import Violation
from model.store import Model


def json_report(model: Model, violations: Sequence[Violation]) -> str:
    """The object DESIGN.md fixes: model name, violations, counts."""
    report = {
        "model": model.name,
        "violations": [
            {
                "rule": v.rule, "severity": str(v.severity), "message": v.message, "elements": list(v.elements),
                "waived": v.waived, "decision": v.decision,
            }
            for v in violations
        ],
        "counts": counts(violations),
    }
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
