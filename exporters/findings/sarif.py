"""Findings for CI annotators and code scanning: SARIF 2.1.0."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from exporters.findings.baseline import Baseline
from model.engine import Rule, Violation
from model.store import Model
from model.vocabulary import Severity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_ID_LINE = re.compile(r'^\s*"id"\s*:\s*"([^"\\]+)"')


def sarif_report(
    model: Model, violations: Sequence[Violation], *, rules: Sequence[Rule], model_path: str, text: str, version: str,
    baseline: Baseline | None = None,
) -> str:
    """SARIF 2.1.0: one run, the rules that ran, one result per violation (waived ones suppressed)."""
    index = {rule.id: position for position, rule in enumerate(rules)}
    uri = artifact_uri(model_path)
    lines = id_lines(text)
    driver = {"name": "steelframe", "version": version, "semanticVersion": version, "rules": [_rule(r) for r in rules]}
    results = [_result(model, v, index, uri, lines) for v in violations]
    if baseline is not None:  # what code scanning reads to tell new alerts from old and fixed ones
        for result, violation in zip(results, violations, strict=True):
            result["baselineState"] = baseline.state(violation)
        results += [{**_result(model, v, index, uri, lines), "baselineState": "absent"} for v in baseline.absent]
    report = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [{"tool": {"driver": driver}, "results": results}]}
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def artifact_uri(model_path: str) -> str:
    """The model file as a relative URI where possible (what code-scanning tools expect)."""
    path = Path(model_path)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return path.as_uri()
    return quote(PurePosixPath(*path.parts).as_posix(), safe="/")


def id_lines(text: str) -> dict[str, int]:
    """1-based line of each ``"id": "..."`` in the file, so an annotation lands on the element."""
    found: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _ID_LINE.match(line)
        if match:
            found.setdefault(match.group(1), number)
    return found


def _rule_name(title: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in re.findall(r"[A-Za-z0-9]+", title)) or "Rule"


def _rule(rule: Rule) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": rule.id,
        "name": _rule_name(rule.title),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.rationale or rule.title},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
    }
    properties: dict[str, Any] = {"origin": rule.origin}
    if rule.params:
        properties["parameters"] = dict(rule.params)
    entry["properties"] = properties
    return entry


def _result(
    model: Model, violation: Violation, index: dict[str, int], uri: str, lines: dict[str, int]
) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    line = next((lines[i] for i in violation.elements if i in lines), None)
    if line is not None:
        physical["region"] = {"startLine": line}
    location: dict[str, Any] = {"physicalLocation": physical}
    if violation.elements:
        location["logicalLocations"] = [
            {"name": _name(model, item_id), "fullyQualifiedName": item_id} for item_id in violation.elements
        ]
    identity = "\0".join((violation.rule, *sorted(violation.elements)))
    result: dict[str, Any] = {
        "ruleId": violation.rule,
        "level": _SARIF_LEVEL[violation.severity],
        "message": {"text": violation.message},
        "locations": [location],
        "partialFingerprints": {"steelframeViolation/v1": hashlib.sha256(identity.encode()).hexdigest()[:32]},
    }
    if violation.rule in index:
        result["ruleIndex"] = index[violation.rule]
    if violation.fix:
        result["properties"] = {"fix": violation.fix}
    if violation.waived:
        justification = _justification(model, violation)
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": justification}]
    return result


def _name(model: Model, item_id: str) -> str:
    item = model.find_element(item_id) or model.find_relation(item_id)
    return (item.name or item_id) if item is not None else item_id


def _justification(model: Model, violation: Violation) -> str:
    """The waiver's own words, prefixed with the decision that accepted them."""
    wanted = set(violation.elements)
    for waiver in sorted(model.waivers(), key=lambda w: w.id):
        same = waiver.decision == violation.decision and waiver.rule == violation.rule
        if same and set(waiver.elements) == wanted and waiver.justification:
            return f"decision {violation.decision}: {waiver.justification}"
    return f"waived by decision {violation.decision}"
