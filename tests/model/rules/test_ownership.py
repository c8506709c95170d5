"""SF001-SF003: one owner per fact, only the owner writes it, no shared operational datastore."""

from __future__ import annotations

from functools import partial

from model.engine import Engine
from model.rules import ownership
from tests.model.rules import checks

findings = checks.findings
agrees = partial(checks.agrees, rules=ownership.RULES)


# --------------------------------------------------------------------- SF001


def test_orphan_fact(builder):
    builder.fact("price", name="Product price")
    [violation] = findings(builder.model, "SF001")
    assert violation.elements == ("price",)
    assert "Product price" in violation.message and "no authoritative owner" in violation.message
    assert violation.fix


def test_contested_fact_names_both_owners(builder):
    builder.fact("price")
    builder.context("pricing", name="Pricing")
    builder.context("catalog", name="Catalog")
    builder.owns("pricing", "price", "o1")
    builder.owns("catalog", "price", "o2")
    [violation] = findings(builder.model, "SF001")
    assert violation.elements == ("price", "pricing", "catalog", "o1", "o2")
    assert "Pricing and Catalog" in violation.message


def test_one_owner_is_fine(builder):
    builder.fact("price")
    builder.context("pricing")
    builder.owns("pricing", "price")
    assert findings(builder.model, "SF001") == []


# --------------------------------------------------------------------- SF002


def owned_price(builder):
    builder.fact("price", name="Product price")
    builder.context("pricing", name="Pricing")
    builder.context("ordering", name="Ordering")
    builder.owns("pricing", "price", "owns")


def test_another_context_writing_a_fact_fires(builder):
    owned_price(builder)
    builder.writes("ordering", "price", "w1")
    [violation] = findings(builder.model, "SF002")
    assert violation.elements == ("price", "ordering", "w1")
    assert violation.severity == "error"
    assert "Ordering writes Product price" in violation.message and "Pricing" in violation.message
    assert "command" in violation.fix and "replicate" in violation.fix


def test_service_of_another_context_fires_with_the_service(builder):
    owned_price(builder)
    builder.service("cart", name="Cart")
    builder.contains("ordering", "cart")
    builder.writes("cart", "price", "w1")
    [violation] = findings(builder.model, "SF002")
    assert violation.elements == ("price", "cart", "w1")
    assert "Cart (in Ordering)" in violation.message


def test_owner_and_its_services_may_write(builder):
    owned_price(builder)
    builder.service("engine")
    builder.contains("pricing", "engine")
    builder.writes("pricing", "price")
    builder.writes("engine", "price")
    assert findings(builder.model, "SF002") == []


def test_one_finding_per_offending_writes_relation(builder):
    owned_price(builder)
    builder.context("billing")
    builder.writes("pricing", "price", "w0")
    builder.writes("ordering", "price", "w1")
    builder.writes("billing", "price", "w2")
    assert [v.elements for v in findings(builder.model, "SF002")] == [
        ("price", "billing", "w2"),
        ("price", "ordering", "w1"),
    ]


def test_service_outside_any_context_is_not_the_owner(builder):
    owned_price(builder)
    builder.service("script")
    builder.writes("script", "price", "w1")
    assert [v.elements for v in findings(builder.model, "SF002")] == [("price", "script", "w1")]


def test_orphan_fact_is_left_to_sf001(builder):
    builder.fact("price")
    builder.context("ordering")
    builder.writes("ordering", "price")
    assert findings(builder.model, "SF002") == []
    assert len(findings(builder.model, "SF001")) == 1


def test_a_contested_owner_writing_is_left_to_sf001(builder):
    owned_price(builder)
    builder.owns("ordering", "price")
    builder.writes("ordering", "price")
    assert findings(builder.model, "SF002") == []


# --------------------------------------------------------------------- SF003


def test_operational_store_shared_by_two_contexts(builder):
    builder.datastore("db", name="Orders DB")
    builder.context("ordering", name="Ordering")
    builder.context("billing", name="Billing")
    builder.uses("ordering", "db", "u1")
    builder.uses("billing", "db", "u2")
    [violation] = findings(builder.model, "SF003")
    assert violation.elements == ("db", "ordering", "billing", "u1", "u2")
    assert "Orders DB" in violation.message and "Ordering and Billing" in violation.message
    assert violation.fix


def test_contexts_in_first_seen_order_and_every_uses_relation(builder):
    builder.datastore("db")
    builder.context("ordering")
    builder.context("billing")
    builder.service("invoicing")
    builder.service("cart")
    builder.contains("billing", "invoicing")
    builder.contains("ordering", "cart")
    builder.uses("invoicing", "db", "u1")
    builder.uses("cart", "db", "u2")
    builder.uses("billing", "db", "u3")
    [violation] = findings(builder.model, "SF003")
    assert violation.elements == ("db", "billing", "ordering", "u1", "u2", "u3")


def test_services_of_one_context_may_share_a_store(builder):
    builder.datastore("db")
    builder.context("ordering")
    for service in ("cart", "checkout"):
        builder.service(service)
        builder.contains("ordering", service)
        builder.uses(service, "db")
    builder.uses("ordering", "db")
    assert findings(builder.model, "SF003") == []


def test_analytical_store_may_be_shared(builder):
    builder.datastore("lake", usage="analytical")
    builder.context("ordering")
    builder.context("billing")
    builder.uses("ordering", "lake")
    builder.uses("billing", "lake")
    assert findings(builder.model, "SF003") == []


# -------------------------------------------------------------- incremental


def test_engine_agrees_after_each_edit(builder):
    model = builder.model
    engine = Engine(model, ownership.RULES)
    builder.fact("price")
    agrees(engine, model)
    builder.context("pricing")
    builder.context("ordering")
    builder.service("cart")
    builder.contains("ordering", "cart", "holds")
    builder.writes("cart", "price", "w1")
    agrees(engine, model)
    assert [v.rule for v in engine.violations()] == ["SF001"]

    builder.owns("pricing", "price", "owns")  # the missing owner: SF001 goes, SF002 appears
    agrees(engine, model)
    assert [v.rule for v in engine.violations()] == ["SF002"]

    with model.transaction("move cart to pricing"):
        model.update_relation("holds", source="pricing")
    agrees(engine, model)
    assert engine.violations() == []

    with model.transaction("rename"):
        model.update_element("pricing", name="Pricing")
    builder.writes("ordering", "price", "w2")
    agrees(engine, model)
    assert "Pricing" in engine.violations()[0].message

    builder.datastore("db")
    builder.uses("cart", "db")
    builder.uses("pricing", "db")
    agrees(engine, model)
    assert {v.rule for v in engine.violations()} == {"SF002"}
    builder.uses("ordering", "db", "shared")
    agrees(engine, model)
    assert {v.rule for v in engine.violations()} == {"SF002", "SF003"}

    with model.transaction("analytical"):
        model.update_element("db", usage="analytical")
    agrees(engine, model)
    with model.transaction("operational"):
        model.update_element("db", usage="operational")
    agrees(engine, model)
    with model.transaction("move cart back"):
        model.update_relation("holds", source="ordering")
    agrees(engine, model)
    with model.transaction("drop shared use"):
        model.remove_relation("shared")
    agrees(engine, model)
    assert [v.elements[:3] for v in engine.violations() if v.rule == "SF003"] == [("db", "ordering", "pricing")]

    with model.transaction("delete pricing"):
        model.remove_element("pricing")
    agrees(engine, model)
    assert [v.rule for v in engine.violations()] == ["SF001"]
    engine.close()
