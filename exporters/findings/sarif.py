"""Findings for CI annotators and code scanning: SARIF 2.1.0."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from exporters.findings.baseline import Baseline
from exporters.findings.locations import artifact_uri, id_spans, relative_path
from exporters.findings.pipeline import automation_details
from exporters.findings.rule_help import HOME, RULES_URI, help_markdown, help_text
from model.engine import Rule, Violation
from model.store import Model
from model.vocabulary import Severity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
Spans = dict[str, tuple[int, int]]


def sarif_report(
    model: Model,
    violations: Sequence[Violation],
    *,
    rules: Sequence[Rule],
    model_path: str,
    text: str,
    version: str,
    environment: Mapping[str, str] | None = None,
    baseline: Baseline | None = None,
) -> str:
    """SARIF 2.1.0: one run, the rules that ran, one result per violation (waived ones suppressed).

    ``environment`` is where the run happens (``os.environ`` from the command line): inside Azure
    Pipelines the run carries the pipeline's identity.
    """
    index = {rule.id: position for position, rule in enumerate(rules)}
    uri = artifact_uri(model_path)
    spans = id_spans(text)
    driver = {
        "name": "steelframe", "fullName": f"Steelframe {version}", "version": version, "semanticVersion": version,
        "informationUri": HOME, "rules": [_rule(r) for r in rules],
    }
    results = [_result(model, v, index, uri, spans) for v in violations]
    if baseline is not None:  # what code scanning reads to tell new alerts from old and fixed ones
        for result, violation in zip(results, violations, strict=True):
            result["baselineState"] = baseline.state(violation)
        results += [{**_result(model, v, index, uri, spans), "baselineState": "absent"} for v in baseline.absent]
    automation = automation_details(relative_path(model_path).as_posix().lstrip("/"), environment or {})
    run = {"tool": {"driver": driver}, "automationDetails": automation, "results": results}
    report = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def fingerprint(violation: Violation) -> str:
    """Stable across runs and edits elsewhere in the file: the rule and the ids it names."""
    identity = "\0".join((violation.rule, *sorted(violation.elements)))
    return hashlib.sha256(identity.encode()).hexdigest()[:32]


def _rule_name(title: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in re.findall(r"[A-Za-z0-9]+", title)) or "Rule"


def _rule(rule: Rule) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": rule.id,
        "name": _rule_name(rule.title),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.rationale or rule.title},
        "help": {"text": help_text(rule), "markdown": help_markdown(rule)},
        "helpUri": RULES_URI,
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
    }
    properties: dict[str, Any] = {"origin": rule.origin}
    if rule.params:
        properties["parameters"] = dict(rule.params)
    entry["properties"] = properties
    return entry


def _result(model: Model, violation: Violation, index: dict[str, int], uri: str, spans: Spans) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    span = next((spans[i] for i in violation.elements if i in spans), None)
    if span is not None:
        physical["region"] = {"startLine": span[0], "endLine": span[1]}
    location: dict[str, Any] = {"physicalLocation": physical}
    if violation.elements:
        location["logicalLocations"] = [
            {"name": _name(model, item_id), "fullyQualifiedName": item_id} for item_id in violation.elements
        ]
    result: dict[str, Any] = {
        "ruleId": violation.rule,
        "level": _SARIF_LEVEL[violation.severity],
        "message": {"text": violation.message},
        "locations": [location],
        "partialFingerprints": {"steelframeViolation/v1": fingerprint(violation)},
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
