"""SF007, SF008, SF017: cross-context invariants, reconciled propagation and sagas, reconciled migrations."""

from __future__ import annotations

from functools import partial

from model.elements import Reconciliation, Saga
from model.engine import Engine
from model.relations import Contains, Covers, Flow, Guards, Spans
from model.rules import consistency
from model.settings import RuleSettings
from model.vocabulary import Consistency, FlowStyle, Lifecycle
from tests.model.rules import checks

findings = checks.findings
agrees = partial(checks.agrees, rules=consistency.RULES)


def configure(model, rule_id, **settings):
    with model.transaction(f"configure {rule_id}"):
        model.update_settings(rules={rule_id: RuleSettings(**settings)})


# --------------------------------------------------------------------- SF007


def invariant_over(builder, *contexts, consistency=Consistency.EVENTUAL):
    builder.invariant("limit", name="Credit limit", consistency=consistency)
    for context_id in contexts:
        if builder.model.find_element(context_id) is None:
            builder.context(context_id, name=context_id.capitalize())
        builder.spans("limit", context_id)


def test_invariant_in_one_context_is_fine(builder):
    invariant_over(builder, "ordering", consistency=Consistency.STRONG)
    builder.invariant("loose", name="Loose")
    assert findings(builder.model, "SF007") == []


def test_invariant_spanning_the_same_context_twice_is_one_context(builder):
    invariant_over(builder, "ordering", "ordering", consistency=Consistency.STRONG)
    assert findings(builder.model, "SF007") == []


def test_unguarded_cross_context_invariant(builder):
    invariant_over(builder, "ordering", "billing")
    [violation] = findings(builder.model, "SF007")
    assert violation.elements == ("limit", "billing", "ordering")
    assert violation.message == "Credit limit spans Billing and Ordering but no saga guards it"
    assert violation.severity == "error"
    assert violation.fix


def test_guarded_eventual_invariant_is_fine(builder):
    invariant_over(builder, "ordering", "billing", "customer")
    builder.saga("checkout", name="Checkout")
    builder.guards("checkout", "limit")
    assert findings(builder.model, "SF007") == []


def test_guarded_strong_invariant_still_fires(builder):
    invariant_over(builder, "ordering", "billing", consistency=Consistency.STRONG)
    builder.saga("checkout")
    builder.guards("checkout", "limit")
    [violation] = findings(builder.model, "SF007")
    assert violation.elements == ("limit",)
    assert "strong consistency" in violation.message and "Billing and Ordering" in violation.message
    assert violation.fix


def test_unguarded_strong_invariant_fires_twice(builder):
    invariant_over(builder, "ordering", "billing", consistency=Consistency.STRONG)
    assert sorted(v.elements for v in findings(builder.model, "SF007")) == [
        ("limit",), ("limit", "billing", "ordering"),
    ]


def test_sf007_disabled_in_settings(builder):
    invariant_over(builder, "ordering", "billing", consistency=Consistency.STRONG)
    configure(builder.model, "SF007", enabled=False)
    assert findings(builder.model, "SF007") == []


# --------------------------------------------------------------------- SF008


def propagation(builder, style="event", **attributes):
    builder.context("customer", name="Customer")
    builder.context("billing", name="Billing")
    builder.fact("credit", name="Credit status")
    builder.flow("customer", "billing", "f1", style=style, carries=["credit"], **attributes)


def test_async_fact_without_reconciliation(builder):
    propagation(builder)
    [violation] = findings(builder.model, "SF008")
    assert violation.elements == ("customer", "billing", "credit", "f1")
    assert "Customer sends Credit status to Billing asynchronously" in violation.message
    assert violation.severity == "warning"
    assert violation.fix


def test_reconciled_fact_is_fine(builder):
    propagation(builder)
    builder.reconciliation("nightly", name="Nightly credit check")
    builder.covers("nightly", "credit")
    assert findings(builder.model, "SF008") == []


def test_async_command_counts_but_sync_and_undeclared_do_not(builder):
    propagation(builder, style="command", synchronous=False)
    assert len(findings(builder.model, "SF008")) == 1
    with builder.model.transaction("sync"):
        builder.model.update_relation("f1", synchronous=True)
    assert findings(builder.model, "SF008") == []
    with builder.model.transaction("query"):
        builder.model.update_relation("f1", style=FlowStyle.QUERY, synchronous=None)
    assert findings(builder.model, "SF008") == []
    with builder.model.transaction("undeclared"):
        builder.model.update_relation("f1", style=FlowStyle.UNDECLARED)
    assert findings(builder.model, "SF008") == []


def test_async_flow_inside_one_context_is_fine(builder):
    builder.context("customer")
    builder.fact("credit")
    for service in ("s1", "s2"):
        builder.service(service)
        builder.contains("customer", service)
    builder.flow("s1", "s2", "f1", style="event", carries=["credit"])
    assert findings(builder.model, "SF008") == []


def test_one_finding_per_uncovered_fact(builder):
    propagation(builder)
    builder.fact("address", name="Address")
    builder.fact("limit", name="Limit")
    with builder.model.transaction("carry more"):
        builder.model.update_relation("f1", carries=["credit", "address", "limit"])
    builder.reconciliation("nightly")
    builder.covers("nightly", "address")
    assert [v.elements for v in findings(builder.model, "SF008")] == [
        ("customer", "billing", "credit", "f1"), ("customer", "billing", "limit", "f1"),
    ]


def test_flow_carrying_nothing_is_fine(builder):
    builder.context("a")
    builder.context("b")
    builder.flow("a", "b", "f1", style="event")
    assert findings(builder.model, "SF008") == []


def test_uncovered_saga(builder):
    builder.saga("checkout", name="Checkout")
    [violation] = findings(builder.model, "SF008")
    assert violation.elements == ("checkout",)
    assert "Checkout" in violation.message and violation.fix
    builder.reconciliation("stuck", name="Stuck checkouts")
    builder.covers("stuck", "checkout")
    assert findings(builder.model, "SF008") == []


def test_sf008_disabled_in_settings(builder):
    propagation(builder)
    builder.saga("checkout")
    configure(builder.model, "SF008", enabled=False)
    assert findings(builder.model, "SF008") == []


# --------------------------------------------------------------------- SF017


def test_coexisting_context_without_reconciliation(builder):
    builder.context("policy", name="Policy Administration", lifecycle=Lifecycle.COEXISTING)
    [violation] = findings(builder.model, "SF017")
    assert violation.elements == ("policy",)
    assert "Policy Administration" in violation.message and violation.fix
    assert violation.severity == "warning"


def test_covered_coexisting_context_is_fine(builder):
    builder.context("policy", lifecycle=Lifecycle.COEXISTING)
    builder.reconciliation("issuance")
    builder.covers("issuance", "policy")
    assert findings(builder.model, "SF017") == []


def test_target_and_legacy_contexts_need_no_migration_reconciliation(builder):
    builder.context("new", lifecycle=Lifecycle.TARGET)
    builder.context("old", lifecycle=Lifecycle.LEGACY)
    assert findings(builder.model, "SF017") == []


def test_sf017_disabled_in_settings(builder):
    builder.context("policy", lifecycle=Lifecycle.COEXISTING)
    configure(builder.model, "SF017", enabled=False)
    assert findings(builder.model, "SF017") == []


# --------------------------------------------------------------------- incremental


def test_engine_follows_consistency_edits(builder):
    model = builder.model
    builder.context("customer")
    builder.context("billing")
    builder.context("policy", lifecycle=Lifecycle.COEXISTING)
    builder.fact("credit")
    builder.fact("address")
    builder.invariant("limit", consistency=Consistency.STRONG)
    builder.service("svc")
    builder.contains("customer", "svc", "home")
    engine = Engine(model, consistency.RULES)
    agrees(engine, model)
    edits = [
        lambda: model.add_relation(Flow(id="f1", source="svc", target="billing", style=FlowStyle.EVENT,
                                        carries=["credit"])),
        lambda: model.update_relation("f1", carries=["credit", "address"]),
        lambda: model.add_element(Reconciliation(id="rec", name="Reconcile")),
        lambda: model.add_relation(Covers(id="cv1", source="rec", target="credit")),
        lambda: model.update_relation("f1", style=FlowStyle.QUERY),  # synchronous: nothing to reconcile
        lambda: model.update_relation("f1", style=FlowStyle.COMMAND, synchronous=False),
        lambda: model.remove_relation("home"),  # svc is its own boundary: still crossing
        lambda: model.add_relation(Contains(id="home2", source="billing", target="svc")),  # inside billing now
        lambda: model.update_relation("home2", source="customer"),  # crossing again
        lambda: model.remove_relation("cv1"),
        lambda: model.add_relation(Spans(id="s1", source="limit", target="customer")),
        # spans two contexts now: unguarded and strong
        lambda: model.add_relation(Spans(id="s2", source="limit", target="billing")),
        lambda: model.add_element(Saga(id="checkout", name="Checkout")),
        lambda: model.add_relation(Guards(id="g1", source="checkout", target="limit")),
        lambda: model.update_element("limit", consistency=Consistency.EVENTUAL),
        lambda: model.add_relation(Covers(id="cv2", source="rec", target="checkout")),
        lambda: model.add_relation(Covers(id="cv3", source="rec", target="policy")),
        lambda: model.update_element("policy", lifecycle=Lifecycle.TARGET),
        lambda: model.remove_relation("cv3"),
        lambda: model.update_element("policy", lifecycle=Lifecycle.COEXISTING),
        lambda: model.remove_relation("s1"),
        lambda: model.remove_element("rec"),
        lambda: model.remove_element("billing"),
    ]
    seen = checks.replay(engine, model, consistency.RULES, edits)
    assert seen == {"SF007", "SF008", "SF017"}
    engine.close()


def test_engine_follows_settings(builder):
    model = builder.model
    builder.saga("checkout")
    engine = Engine(model, consistency.RULES)
    assert [v.rule for v in engine.violations()] == ["SF008"]
    configure(model, "SF008", enabled=False)
    agrees(engine, model)
    assert engine.violations() == []
    engine.close()

