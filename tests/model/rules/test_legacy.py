"""SF010: target and coexisting contexts reach legacy systems only through their own ACLs."""

from __future__ import annotations

from functools import partial

import pytest

from model.engine import Engine
from model.rules import legacy
from tests.model.rules import checks

findings = partial(checks.findings, rule="SF010")
agrees = partial(checks.agrees, rules=legacy.RULES)


def estate(builder, lifecycle="target"):
    builder.context("policy", name="Policy Administration", lifecycle=lifecycle)
    builder.system("mainframe", name="Policy Mainframe", legacy=True)


@pytest.mark.parametrize("lifecycle", ["target", "coexisting"])
def test_context_reaching_legacy_directly_fires(builder, lifecycle):
    estate(builder, lifecycle)
    builder.flow("policy", "mainframe", "f1", style="query")
    [violation] = findings(builder.model)
    assert violation.elements == ("policy", "mainframe", "f1")
    assert violation.severity == "error"
    assert "Policy Administration" in violation.message and "Policy Mainframe" in violation.message
    assert "anti-corruption layer" in violation.fix


def test_legacy_reaching_the_context_fires_too(builder):
    estate(builder, "coexisting")
    builder.flow("mainframe", "policy", "f1", style="event")
    assert [v.elements for v in findings(builder.model)] == [("policy", "mainframe", "f1")]


def test_service_reaching_legacy_names_the_service(builder):
    estate(builder)
    builder.service("issuing", name="Issuing")
    builder.contains("policy", "issuing")
    builder.flow("issuing", "mainframe", "f1", style="command")
    [violation] = findings(builder.model)
    assert violation.elements == ("policy", "mainframe", "issuing", "f1")
    assert "Issuing" in violation.message


@pytest.mark.parametrize("direction", ["to", "from"])
def test_legacy_reached_through_the_contexts_own_acl_is_fine(builder, direction):
    estate(builder)
    builder.acl("acl")
    builder.contains("policy", "acl")
    ends = ("acl", "mainframe") if direction == "to" else ("mainframe", "acl")
    builder.flow(*ends, style="query")
    builder.flow("policy", "acl", style="query")
    assert findings(builder.model) == []


def test_legacy_reached_through_another_contexts_acl_fires(builder):
    estate(builder)
    builder.context("claims", name="Claims")
    builder.acl("policy_acl", name="Policy ACL")
    builder.contains("policy", "policy_acl")
    builder.flow("mainframe", "policy_acl", "f1", style="event")
    builder.flow("claims", "policy_acl", "f2", style="query")
    [violation] = findings(builder.model)
    assert violation.elements == ("claims", "mainframe", "policy_acl", "f2")
    assert "Claims" in violation.message and "Policy ACL" in violation.message


def test_service_through_another_contexts_acl_names_service_and_acl(builder):
    estate(builder)
    builder.context("claims")
    builder.service("intake")
    builder.contains("claims", "intake")
    builder.acl("policy_acl")
    builder.contains("policy", "policy_acl")
    builder.flow("policy_acl", "mainframe", style="query")
    builder.flow("policy_acl", "mainframe", style="command")
    builder.flow("policy_acl", "intake", "f3", style="event")
    assert [v.elements for v in findings(builder.model)] == [("claims", "mainframe", "intake", "policy_acl", "f3")]


def test_own_acl_talking_to_another_acl_is_fine(builder):
    estate(builder)
    builder.context("claims")
    for acl, context in (("policy_acl", "policy"), ("claims_acl", "claims")):
        builder.acl(acl)
        builder.contains(context, acl)
    builder.flow("policy_acl", "mainframe", style="query")
    builder.flow("claims_acl", "policy_acl", style="query")
    assert findings(builder.model) == []


def test_another_contexts_acl_without_legacy_behind_it_is_fine(builder):
    estate(builder)
    builder.context("claims")
    builder.acl("policy_acl")
    builder.contains("policy", "policy_acl")
    builder.flow("claims", "policy_acl", style="query")
    assert findings(builder.model) == []


def test_legacy_context_may_reach_legacy_directly(builder):
    estate(builder, "legacy")
    builder.flow("policy", "mainframe", style="query")
    assert findings(builder.model) == []


def test_non_legacy_system_and_system_to_system_flows_are_fine(builder):
    estate(builder)
    builder.system("crm")
    builder.flow("policy", "crm", style="query")
    builder.flow("crm", "mainframe", style="event")
    builder.flow("mainframe", "crm", style="event")
    assert findings(builder.model) == []


def test_acl_of_no_context_is_not_judged(builder):
    estate(builder)
    builder.acl("stray")
    builder.flow("stray", "mainframe", style="query")
    builder.flow("policy", "stray", style="query")
    assert findings(builder.model) == []


def test_engine_agrees_after_each_edit(builder):
    model = builder.model
    engine = Engine(model, legacy.RULES)
    builder.context("policy")
    builder.system("mainframe", legacy=False)
    builder.flow("policy", "mainframe", "f1", style="query")
    agrees(engine, model)
    assert engine.violations() == []

    with model.transaction("it is legacy"):
        model.update_element("mainframe", legacy=True)
    agrees(engine, model)
    assert len(engine.violations()) == 1

    builder.acl("acl")
    builder.contains("policy", "acl", "holds")
    with model.transaction("through the acl"):
        model.update_relation("f1", source="acl")
    agrees(engine, model)
    assert engine.violations() == []

    builder.context("claims")
    builder.flow("claims", "acl", "f2", style="query")
    agrees(engine, model)
    assert [v.elements for v in engine.violations()] == [("claims", "mainframe", "acl", "f2")]

    with model.transaction("claims is legacy"):
        model.update_element("claims", lifecycle="legacy")
    agrees(engine, model)
    assert engine.violations() == []
    with model.transaction("claims is coexisting"):
        model.update_element("claims", lifecycle="coexisting")
    agrees(engine, model)
    assert len(engine.violations()) == 1

    with model.transaction("drop the acl's legacy flow"):
        model.remove_relation("f1")
    agrees(engine, model)
    assert engine.violations() == []
    builder.flow("mainframe", "acl", "f3", style="event")
    agrees(engine, model)
    assert len(engine.violations()) == 1

    with model.transaction("the acl moves to claims"):
        model.update_relation("holds", source="claims")
    agrees(engine, model)
    assert engine.violations() == []

    with model.transaction("the acl leaves every context"):
        model.remove_relation("holds")
    agrees(engine, model)
    with model.transaction("rename"):
        model.update_element("policy", name="Policy")
    builder.flow("policy", "mainframe", "f4", style="query")
    agrees(engine, model)
    assert [v.elements for v in engine.violations()] == [("policy", "mainframe", "f4")]
    engine.close()
