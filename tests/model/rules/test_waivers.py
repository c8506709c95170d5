"""SF019: a waiver names an existing decision whose status is accepted."""

from __future__ import annotations

from model.engine import Engine
from model.rules import teams, waivers
from tests.model.rules import checks

agrees = checks.agrees


def findings(model, rule="SF019"):
    return checks.findings(model, rule)


def test_waiver_of_an_accepted_decision_is_fine_and_waives(builder):
    builder.context("ordering")
    builder.decision("d1", name="Ordering is run by the platform group", status="accepted")
    builder.waiver("w1", "d1", "SF014", ["ordering"])
    assert findings(builder.model) == []
    [waived] = findings(builder.model, "SF014")
    assert waived.decision == "d1"


def test_waiver_of_a_missing_decision_fires(builder):
    builder.waiver("w1", "adr-7", "SF014", ["ordering"])
    [violation] = findings(builder.model)
    assert violation.elements == ("w1",)
    assert violation.severity == "error"
    assert "adr-7" in violation.message and "not in the model" in violation.message
    assert violation.fix


def test_waiver_naming_something_else_than_a_decision_fires(builder):
    builder.context("ordering")
    builder.waiver("w1", "ordering", "SF014", ["ordering"])
    [violation] = findings(builder.model)
    assert violation.elements == ("w1", "ordering")
    assert "not a decision" in violation.message


def test_waiver_of_a_proposed_decision_fires_and_does_not_waive(builder):
    builder.context("ordering")
    builder.decision("d1", name="Shared ownership", status="proposed")
    builder.waiver("w1", "d1", "SF014", ["ordering"])
    [violation] = findings(builder.model)
    assert violation.elements == ("w1", "d1")
    assert "Shared ownership" in violation.message and "proposed" in violation.message
    [unwaived] = findings(builder.model, "SF014")
    assert not unwaived.waived


def test_superseded_decision_fires(builder):
    builder.decision("d1", status="superseded")
    builder.waiver("w1", "d1", "SF001", ["f"])
    assert ["superseded" in v.message for v in findings(builder.model)] == [True]


def test_engine_agrees_after_each_edit(builder):
    rules = (*teams.RULES, *waivers.RULES)
    model = builder.model
    engine = Engine(model, rules)
    builder.context("ordering")
    builder.waiver("w1", "d1", "SF014", ["ordering"])
    agrees(engine, model, rules)
    assert sorted(v.rule for v in engine.violations()) == ["SF014", "SF019"]

    builder.decision("d1", status="proposed")
    agrees(engine, model, rules)
    assert [v.elements for v in engine.violations() if v.rule == "SF019"] == [("w1", "d1")]

    with model.transaction("accept"):
        model.update_element("d1", status="accepted")
    agrees(engine, model, rules)
    [waived] = engine.violations()
    assert waived.rule == "SF014" and waived.decision == "d1"

    builder.decision("d2", status="rejected")
    with model.transaction("repoint"):
        model.update_waiver("w1", decision="d2")
    agrees(engine, model, rules)
    assert sorted(v.rule for v in engine.violations()) == ["SF014", "SF019"]

    with model.transaction("back"):
        model.update_waiver("w1", decision="d1")
    with model.transaction("delete decision"):
        model.remove_element("d1")
    agrees(engine, model, rules)
    assert [v.elements for v in engine.violations() if v.rule == "SF019"] == [("w1",)]

    with model.transaction("drop waiver"):
        model.remove_waiver("w1")
    agrees(engine, model, rules)
    assert [v.rule for v in engine.violations()] == ["SF014"]
    engine.close()
