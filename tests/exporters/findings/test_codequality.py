"""GitLab Code Quality: the issue fields GitLab's merge request widget reads."""

from __future__ import annotations

import json
from typing import Any

from exporters.findings.codequality import codequality_report
from model.engine import check_model
from model.fileformat import to_json
from model.templates import build_template
from tests.builders import Builder

SEVERITIES = {"info", "minor", "major", "critical", "blocker"}
#: The structure of GitLab's documented Code Quality report (docs.gitlab.com/ci/testing/code_quality).
ISSUE_SCHEMA: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": sorted(SEVERITIES)},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {
                        "type": "object", "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def test_one_issue_per_violation_at_its_element() -> None:
    import jsonschema

    model = build_template("retail")
    text = to_json(model)
    violations = check_model(model)
    issues = json.loads(codequality_report(violations, model_path="arch/shop.steelframe.json", text=text))
    jsonschema.Draft7Validator(ISSUE_SCHEMA).validate(issues)
    assert len(issues) == len([v for v in violations if not v.waived]) > 0
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    lines = text.splitlines()
    for issue, violation in zip(issues, violations, strict=True):
        assert issue["check_name"] == violation.rule
        assert issue["location"]["path"] == "arch/shop.steelframe.json"
        assert issue["description"].startswith(violation.message)
        assert lines[issue["location"]["lines"]["begin"] - 1].strip() == "{"
    by_rule = {issue["check_name"]: issue["severity"] for issue in issues}
    assert by_rule["SF001"] == "major" and by_rule["SF011"] == "minor"


def test_waived_violations_are_left_out_and_fingerprints_are_stable() -> None:
    builder = Builder()
    builder.context("a", name="A")
    builder.context("b", name="B")
    builder.fact("loose")
    builder.fact("kept")
    builder.decision("adr", status="accepted")
    builder.waiver("w", "adr", "SF001", ["kept"], "Nobody owns it yet")
    model = builder.model
    violations = check_model(model)
    first = json.loads(codequality_report(violations, model_path="m.json", text=to_json(model)))
    assert "loose" in " ".join(issue["description"] for issue in first if issue["check_name"] == "SF001")
    assert not any("kept" in issue["description"].lower() for issue in first if issue["check_name"] == "SF001")
    builder.context("c", name="C")
    again = json.loads(codequality_report(check_model(model), model_path="m.json", text=to_json(model)))
    assert {i["fingerprint"] for i in first} <= {i["fingerprint"] for i in again}
