"""SF014: every context is owned by exactly one team."""

from __future__ import annotations

from functools import partial

from model.engine import Engine
from model.rules import teams
from tests.model.rules import checks

findings = partial(checks.findings, rule="SF014")
agrees = partial(checks.agrees, rules=teams.RULES)


def test_context_without_team_fires(builder):
    builder.context("ordering", name="Ordering")
    [violation] = findings(builder.model)
    assert violation.elements == ("ordering",)
    assert violation.severity == "warning"
    assert violation.message == "Ordering has no owning team"
    assert "team-owns" in violation.fix


def test_context_with_one_team_is_fine(builder):
    builder.context("ordering")
    builder.team("checkout")
    builder.team_owns("checkout", "ordering")
    assert findings(builder.model) == []


def test_context_with_two_teams_names_them(builder):
    builder.context("ordering", name="Ordering")
    builder.team("checkout", name="Checkout")
    builder.team("payments", name="Payments")
    builder.team_owns("checkout", "ordering", "t1")
    builder.team_owns("payments", "ordering", "t2")
    [violation] = findings(builder.model)
    assert violation.elements == ("ordering", "checkout", "payments", "t1", "t2")
    assert "owned by 2 teams (Checkout and Payments)" in violation.message
    assert violation.fix


def test_one_team_drawn_twice_is_still_one_team(builder):
    builder.context("ordering")
    builder.team("checkout")
    builder.team_owns("checkout", "ordering")
    builder.team_owns("checkout", "ordering")
    assert findings(builder.model) == []


def test_only_contexts_are_judged(builder):
    builder.system("erp")
    builder.service("cart")
    assert findings(builder.model) == []


def test_engine_agrees_after_each_edit(builder):
    model = builder.model
    engine = Engine(model, teams.RULES)
    builder.context("ordering")
    agrees(engine, model)
    assert len(engine.violations()) == 1
    builder.team("checkout")
    builder.team_owns("checkout", "ordering", "t1")
    agrees(engine, model)
    assert engine.violations() == []
    builder.team("payments")
    builder.team_owns("payments", "ordering", "t2")
    agrees(engine, model)
    assert "2 teams" in engine.violations()[0].message
    with model.transaction("rename"):
        model.update_element("payments", name="Payments")
    agrees(engine, model)
    assert "Payments" in engine.violations()[0].message
    with model.transaction("hand over"):
        model.remove_relation("t1")
    agrees(engine, model)
    assert engine.violations() == []
    with model.transaction("retire team"):
        model.remove_element("payments")
    agrees(engine, model)
    assert [v.elements for v in engine.violations()] == [("ordering",)]
    engine.close()
