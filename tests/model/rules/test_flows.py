"""SF004, SF009, SF011, SF012: what a flow across a context boundary must declare."""

from __future__ import annotations

from functools import partial

from model.engine import Engine
from model.rules import flows
from tests.model.rules import checks

findings = checks.findings
agrees = partial(checks.agrees, rules=flows.RULES)


def two_contexts(builder):
    builder.context("ordering", name="Ordering")
    builder.context("billing", name="Billing")


# --------------------------------------------------------------------- SF004


def test_undeclared_flow_across_contexts_fires(builder):
    two_contexts(builder)
    builder.flow("ordering", "billing", "f1")
    [violation] = findings(builder.model, "SF004")
    assert violation.elements == ("ordering", "billing", "f1")
    assert violation.severity == "error"
    assert "Ordering" in violation.message and "Billing" in violation.message
    assert "query" in violation.fix


def test_undeclared_flow_between_services_of_two_contexts_fires(builder):
    two_contexts(builder)
    builder.service("cart")
    builder.service("invoicing")
    builder.contains("ordering", "cart")
    builder.contains("billing", "invoicing")
    builder.flow("cart", "invoicing", "f1")
    assert [v.elements for v in findings(builder.model, "SF004")] == [("cart", "invoicing", "f1")]


def test_undeclared_flow_to_a_system_fires(builder):
    builder.context("ordering")
    builder.system("erp")
    builder.flow("ordering", "erp", "f1")
    assert [v.elements for v in findings(builder.model, "SF004")] == [("ordering", "erp", "f1")]


def test_undeclared_flows_inside_one_context_are_fine(builder):
    builder.context("ordering")
    builder.service("cart")
    builder.service("checkout")
    builder.contains("ordering", "cart")
    builder.contains("ordering", "checkout")
    builder.flow("cart", "checkout")
    builder.flow("ordering", "cart")
    assert findings(builder.model, "SF004") == []


def test_declared_flow_across_contexts_is_fine(builder):
    two_contexts(builder)
    builder.flow("ordering", "billing", style="query")
    assert findings(builder.model, "SF004") == []


# --------------------------------------------------------------------- SF009


def event_flow(builder, **event):
    two_contexts(builder)
    builder.event("placed", name="OrderPlaced", **event)
    builder.flow("ordering", "billing", "f1", style="event", event="placed", idempotent=True, dead_letter="replay")


def test_technical_event_across_contexts_fires(builder):
    event_flow(builder, event_class="technical")
    [violation] = findings(builder.model, "SF009")
    assert violation.elements == ("ordering", "billing", "placed", "f1")
    assert violation.severity == "warning"
    assert "OrderPlaced" in violation.message and "CDC" in violation.message
    assert violation.fix


def test_integration_event_without_schema_version_fires(builder):
    event_flow(builder, event_class="integration")
    [violation] = findings(builder.model, "SF009")
    assert violation.elements == ("ordering", "billing", "placed", "f1")
    assert "schema version" in violation.message


def test_empty_schema_version_counts_as_missing(builder):
    event_flow(builder, event_class="integration", schema_version="")
    assert len(findings(builder.model, "SF009")) == 1


def test_versioned_integration_event_is_fine(builder):
    event_flow(builder, event_class="integration", schema_version="1.2")
    assert findings(builder.model, "SF009") == []


def test_domain_event_needs_no_schema_version(builder):
    event_flow(builder, event_class="domain")
    assert findings(builder.model, "SF009") == []


def test_technical_event_inside_one_context_is_fine(builder):
    builder.context("ordering")
    builder.service("cart")
    builder.contains("ordering", "cart")
    builder.event("cdc", event_class="technical")
    builder.flow("cart", "ordering", style="event", event="cdc")
    assert findings(builder.model, "SF009") == []


def test_only_event_style_flows_are_judged(builder):
    two_contexts(builder)
    builder.event("cdc", event_class="technical")
    builder.flow("ordering", "billing", style="command", synchronous=False, event="cdc")
    builder.flow("ordering", "billing", style="event")  # no event named: nothing to judge
    assert findings(builder.model, "SF009") == []


# --------------------------------------------------------------- SF011, SF012


def test_async_flow_across_contexts_needs_idempotence_and_dead_letters(builder):
    two_contexts(builder)
    builder.flow("ordering", "billing", "f1", style="event")
    builder.flow("ordering", "billing", "f2", style="command", synchronous=False)
    for rule in ("SF011", "SF012"):
        found = findings(builder.model, rule)
        assert [v.elements for v in found] == [("ordering", "billing", "f1"), ("ordering", "billing", "f2")]
        assert all(v.severity == "warning" and v.fix and "Billing" in v.message for v in found)


def test_idempotent_consumer_with_dead_letter_policy_is_fine(builder):
    two_contexts(builder)
    builder.flow("ordering", "billing", style="event", idempotent=True, dead_letter="escalate")
    assert findings(builder.model, "SF011") == []
    assert findings(builder.model, "SF012") == []


def test_each_rule_judges_its_own_attribute(builder):
    two_contexts(builder)
    builder.flow("ordering", "billing", "f1", style="event", idempotent=True)
    builder.flow("ordering", "billing", "f2", style="event", dead_letter="repair")
    assert [v.elements[-1] for v in findings(builder.model, "SF011")] == ["f2"]
    assert [v.elements[-1] for v in findings(builder.model, "SF012")] == ["f1"]


def test_synchronous_and_undeclared_flows_are_not_asynchronous(builder):
    two_contexts(builder)
    builder.flow("ordering", "billing", style="query")
    builder.flow("ordering", "billing", style="command")
    builder.flow("ordering", "billing")
    assert findings(builder.model, "SF011") == []
    assert findings(builder.model, "SF012") == []


def test_async_flow_inside_one_context_is_fine(builder):
    builder.context("ordering")
    builder.service("cart")
    builder.contains("ordering", "cart")
    builder.flow("cart", "ordering", style="event")
    assert findings(builder.model, "SF011") == []
    assert findings(builder.model, "SF012") == []


# -------------------------------------------------------------- incremental


def rules_of(engine):
    return sorted(v.rule for v in engine.violations())


def test_engine_agrees_after_each_edit(builder):
    model = builder.model
    engine = Engine(model, flows.RULES)
    two_contexts(builder)
    builder.service("cart")
    builder.contains("ordering", "cart", "holds")
    builder.flow("ordering", "billing", "f1")
    builder.flow("cart", "ordering", "f2")
    agrees(engine, model)
    assert rules_of(engine) == ["SF004"]

    builder.event("placed", event_class="technical")
    with model.transaction("declare"):
        model.update_relation("f1", style="event", event="placed")
    agrees(engine, model)
    assert rules_of(engine) == ["SF009", "SF011", "SF012"]

    with model.transaction("integration"):
        model.update_element("placed", event_class="integration")
    agrees(engine, model)
    assert rules_of(engine) == ["SF009", "SF011", "SF012"]
    with model.transaction("version"):
        model.update_element("placed", schema_version="1")
    agrees(engine, model)
    assert rules_of(engine) == ["SF011", "SF012"]

    with model.transaction("harden"):
        model.update_relation("f1", idempotent=True, dead_letter="replay")
    agrees(engine, model)
    assert rules_of(engine) == []

    with model.transaction("move cart to billing"):
        model.update_relation("holds", source="billing")
    agrees(engine, model)
    assert [v.elements for v in engine.violations()] == [("cart", "ordering", "f2")]

    with model.transaction("rename"):
        model.update_element("ordering", name="Orders")
    agrees(engine, model)
    assert "Orders" in engine.violations()[0].message

    with model.transaction("command"):
        model.update_relation("f2", style="command", synchronous=False)
    agrees(engine, model)
    assert rules_of(engine) == ["SF011", "SF012"]
    with model.transaction("synchronous"):
        model.update_relation("f2", synchronous=True)
    agrees(engine, model)
    assert rules_of(engine) == []

    with model.transaction("unversion"):
        model.update_element("placed", schema_version=None)
    agrees(engine, model)
    assert rules_of(engine) == ["SF009"]
    with model.transaction("drop the event"):
        model.remove_element("placed")
    agrees(engine, model)
    assert rules_of(engine) == []
    engine.close()
