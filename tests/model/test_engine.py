"""The engine: diffs after each transaction, waivers, configuration, custom rules."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from model.engine import Diff, Engine, Finding, Params, Reader, Rule, check_model
from model.engine.config import ConfigError
from model.history import History
from model.settings import ForbidFlowRule, RequireAttributeRule, RuleSettings, Selector
from model.vocabulary import DecisionStatus, ElementKind, FlowStyle, Severity
from tests.builders import Builder


def sf001(violations: list) -> list:
    return [v for v in violations if v.rule == "SF001"]


def test_diff_reports_violations_added_and_removed(builder: Builder) -> None:
    engine = Engine(builder.model)
    diffs: list[Diff] = []
    engine.subscribe(diffs.append)
    builder.context("billing")
    builder.fact("invoice")
    assert [v.elements for v in diffs[-1].added] == [("invoice",)]
    builder.owns("billing", "invoice")
    assert [v.elements for v in diffs[-1].removed] == [("invoice",)]
    assert sf001(engine.violations()) == []


def test_only_affected_subjects_are_reevaluated(builder: Builder) -> None:
    for index in range(50):
        builder.context(f"c{index}")
        builder.fact(f"f{index}")
        builder.owns(f"c{index}", f"f{index}")
    engine = Engine(builder.model)
    diffs: list[Diff] = []
    engine.subscribe(diffs.append)
    with builder.model.transaction("Rename"):
        builder.model.update_element("f7", name="Seven")
    assert diffs[-1].evaluated <= 3


def test_undo_and_redo_update_the_violations(builder: Builder) -> None:
    engine = Engine(builder.model)
    history = History(builder.model)
    builder.context("billing")
    builder.fact("invoice")
    builder.owns("billing", "invoice", "o")
    assert sf001(engine.violations()) == []
    history.undo()
    assert len(sf001(engine.violations())) == 1
    history.redo()
    assert sf001(engine.violations()) == []
    assert engine.violations() == check_model(builder.model)


def test_a_waiver_by_an_accepted_decision_marks_the_violation_waived(builder: Builder) -> None:
    engine = Engine(builder.model)
    builder.fact("price")
    builder.decision("adr-1", status=DecisionStatus.PROPOSED)
    builder.waiver("w1", "adr-1", "SF001", ["price"], "Price comes from the ERP during migration")
    violation = sf001(engine.violations())[0]
    assert not violation.waived, "a proposed decision does not waive"
    with builder.model.transaction("Accept"):
        builder.model.update_element("adr-1", status=DecisionStatus.ACCEPTED)
    violation = sf001(engine.violations())[0]
    assert violation.waived and violation.decision == "adr-1"
    assert engine.violations() == check_model(builder.model)
    with builder.model.transaction("Remove waiver"):
        builder.model.remove_waiver("w1")
    assert not sf001(engine.violations())[0].waived


def test_settings_disable_rules_and_change_severity(builder: Builder) -> None:
    engine = Engine(builder.model)
    builder.fact("price")
    with builder.model.transaction("Configure"):
        builder.model.update_settings(rules={"SF001": RuleSettings(severity=Severity.WARNING)})
    assert sf001(engine.violations())[0].severity is Severity.WARNING
    with builder.model.transaction("Disable"):
        builder.model.update_settings(rules={"SF001": RuleSettings(enabled=False)})
    assert sf001(engine.violations()) == []
    assert engine.violations() == check_model(builder.model)


def test_bad_rule_parameters_are_a_clear_error(builder: Builder) -> None:
    with builder.model.transaction("Configure"):
        builder.model.update_settings(rules={"SF001": RuleSettings(params={"depth": 2})})
    with pytest.raises(ConfigError, match="SF001 has no parameter 'depth'"):
        check_model(builder.model)


def test_forbid_flow_custom_rule(builder: Builder) -> None:
    builder.context("web", tags=["edge"])
    builder.context("ledger", tags=["core"])
    builder.service("api")
    builder.contains("web", "api")
    builder.flow("api", "ledger", "q", style="query")
    builder.flow("web", "ledger", "e", style="event")
    engine = Engine(builder.model)
    rule = ForbidFlowRule(
        id="EDGE-1", title="Edge contexts do not query the core", style=FlowStyle.QUERY,
        source=Selector(kind=ElementKind.CONTEXT, tag="edge"), target=Selector(tag="core"),
        severity=Severity.ERROR,
    )
    with builder.model.transaction("Add custom rule"):
        builder.model.update_settings(custom_rules=[rule])
    found = [v for v in engine.violations() if v.rule == "EDGE-1"]
    assert [v.elements for v in found] == [("api", "ledger", "q")], "the service inherits its context's tag"
    assert found[0].severity is Severity.ERROR
    with builder.model.transaction("Make it an event"):
        builder.model.update_relation("q", style=FlowStyle.EVENT)
    assert [v for v in engine.violations() if v.rule == "EDGE-1"] == []
    assert engine.violations() == check_model(builder.model)


def test_require_attribute_custom_rule(builder: Builder) -> None:
    engine = Engine(builder.model)
    with builder.model.transaction("Add custom rule"):
        builder.model.update_settings(custom_rules=[
            RequireAttributeRule(id="DOC-1", title="Topics declare partitions", kind=ElementKind.TOPIC,
                                 attribute="partitions"),
        ])
    builder.topic("orders")
    assert [v.elements for v in engine.violations() if v.rule == "DOC-1"] == [("orders",)]
    with builder.model.transaction("Set partitions"):
        builder.model.update_element("orders", partitions=12)
    assert [v for v in engine.violations() if v.rule == "DOC-1"] == []


def test_require_attribute_rule_names_only_real_attributes() -> None:
    with pytest.raises(ValueError, match="has no attribute 'colour'"):
        RequireAttributeRule(id="X", title="x", kind=ElementKind.TOPIC, attribute="colour")


def test_custom_rule_ids_cannot_take_catalogue_ids(builder: Builder) -> None:
    with pytest.raises(Exception, match="reserved"), builder.model.transaction("x"):
        builder.model.update_settings(custom_rules=[
            RequireAttributeRule(id="SF100", title="x", kind=ElementKind.TOPIC, attribute="partitions"),
        ])


def test_a_failing_rule_is_reported_not_fatal(builder: Builder) -> None:
    def broken(reader: Reader, subject: str, params: Params) -> Iterator[Finding]:
        raise RuntimeError("boom")
        yield

    builder.context("a")
    rule = Rule("X-BROKEN", "broken", Severity.WARNING, ("context",), broken)
    found = check_model(builder.model, [rule])
    assert [(v.rule, v.message) for v in found] == [("X-BROKEN", "rule X-BROKEN failed: boom")]
