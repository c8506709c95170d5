"""Findings for GitLab merge requests: the Code Quality report (a subset of Code Climate's issues)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from exporters.findings.locations import id_spans, relative_path
from model.engine import Violation
from model.vocabulary import Severity

#: GitLab ranks info < minor < major < critical < blocker; an error must stand out from a warning.
_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def codequality_report(violations: Sequence[Violation], *, model_path: str, text: str) -> str:
    """A JSON array with one issue per violation that is not waived (GitLab has no suppressions)."""
    path = relative_path(model_path).as_posix()
    spans = id_spans(text)
    issues = [_issue(violation, path, spans) for violation in violations if not violation.waived]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def _issue(violation: Violation, path: str, spans: dict[str, tuple[int, int]]) -> dict[str, Any]:
    line = next((spans[i][0] for i in violation.elements if i in spans), 1)
    description = f"{violation.message}. {violation.fix}" if violation.fix else violation.message
    return {
        "description": description,
        "check_name": violation.rule,
        "fingerprint": _fingerprint(violation, path),
        "severity": _SEVERITY[violation.severity],
        "location": {"path": path, "lines": {"begin": line}},
    }


def _fingerprint(violation: Violation, path: str) -> str:
    """Unique per issue (GitLab shows one issue per fingerprint) and stable across edits elsewhere."""
    identity = "\0".join((path, violation.rule, *sorted(violation.elements)))
    return hashlib.sha256(identity.encode()).hexdigest()[:32]
