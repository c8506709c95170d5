"""Each drift rule fires on a deliberate difference between a model and its contracts, and only then."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from exporters.contracts import read_contracts
from exporters.contracts.adding import add_found
from exporters.contracts.bootstrap import build_model
from exporters.contracts.drift import check_drift
from exporters.contracts.estate import Estate
from model.elements import Context, Decision
from model.relations import Flow
from model.settings import RuleSettings, Waiver
from model.store import Model
from model.vocabulary import DecisionStatus, FlowStyle, RelationKind, Severity
from tests.exporters.contracts.reference import acme_catalog, social
from tests.exporters.contracts.shop import shop


@pytest.fixture
def estate(tmp_path: Path) -> Estate:
    return read_contracts(shop(tmp_path))


@pytest.fixture
def model(estate: Estate) -> Model:
    return build_model(estate, "shop")


def rules(model: Model, estate: Estate) -> list[tuple[str, tuple[str, ...]]]:
    return [(d.violation.rule, d.violation.elements) for d in check_drift(model, estate)]


def edit(model: Model) -> object:
    return model.transaction("edit")


@pytest.mark.parametrize("sources", [social, acme_catalog, lambda: [*social(2), *acme_catalog()]])
def test_a_model_built_from_real_contracts_has_no_drift(sources) -> None:  # type: ignore[no-untyped-def]
    paths = sources()
    assert check_drift(build_model(read_contracts(paths), "estate"), read_contracts(paths)) == []


def test_the_shop_model_matches_its_contracts(model: Model, estate: Estate) -> None:
    assert rules(model, estate) == []
    flows = {(f.source, f.target, f.style) for f in model.relations(RelationKind.FLOW) if isinstance(f, Flow)}
    assert flows == {
        ("svc-checkout", "svc-invoices", FlowStyle.QUERY), ("ctx-ordering", "ctx-billing", FlowStyle.EVENT)}


def test_sf100_an_application_the_model_lacks(model: Model, estate: Estate) -> None:
    with edit(model):
        model.update_element("ctx-billing", name="Accounts")
    found = [d for d in check_drift(model, estate) if d.violation.rule == "SF100"]
    assert [d.violation.elements for d in found] == [("ctx-billing-2",)]
    assert "no context, service, system or acl of the model is named Billing" in found[0].violation.message
    assert isinstance(found[0].additions[0], Context)


def test_sf100_a_marker_naming_no_element(tmp_path: Path, model: Model) -> None:
    paths = shop(tmp_path)
    ordering = tmp_path / "events/ordering/asyncapi.yaml"
    marked = "title: Ordering, x-steelframe-element: ctx-gone,"
    ordering.write_text(ordering.read_text().replace("title: Ordering,", marked))
    found = [d.violation for d in check_drift(model, read_contracts(paths)) if d.violation.rule == "SF100"]
    assert found and "its marker names ctx-gone" in found[0].message


def test_sf100_a_marker_wins_over_the_name(tmp_path: Path, model: Model) -> None:
    paths = shop(tmp_path)
    with edit(model):
        model.update_element("ctx-ordering", name="Sales")
    ordering = tmp_path / "events/ordering/asyncapi.yaml"
    marked = "title: Ordering, x-steelframe-element: ctx-ordering,"
    ordering.write_text(ordering.read_text().replace("title: Ordering,", marked))
    found = {r for r, _ in rules(model, read_contracts(paths))}
    assert "SF101" not in found and "SF102" not in found


def test_sf101_an_undeclared_flow_and_adding_it_back(model: Model, estate: Estate) -> None:
    with edit(model):
        model.remove_relation("flow-ordering-billing-orderplaced")
    found = [d for d in check_drift(model, estate) if d.violation.rule == "SF101"]
    assert [d.violation.elements for d in found] == [("ctx-ordering", "ctx-billing", "event-orderplaced")]
    assert found[0].violation.severity is Severity.ERROR
    assert "sending OrderPlaced on orders to Billing" in found[0].violation.message
    with edit(model):
        add_found(model, found[0])
    assert rules(model, estate) == []


def test_sf101_an_undeclared_call(model: Model, estate: Estate) -> None:
    with edit(model):
        model.remove_relation("flow-checkout-invoices-invoicing")
    assert rules(model, estate) == [("SF101", ("svc-checkout", "svc-invoices", "flow-checkout-invoices-invoicing"))]


def test_sf102_a_cross_context_flow_no_contract_backs(model: Model, estate: Estate) -> None:
    with edit(model):
        model.add_relation(Flow(id="f-extra", source="ctx-billing", target="ctx-ordering", style=FlowStyle.QUERY))
    assert rules(model, estate) == [("SF102", ("f-extra",))]


def test_sf103_an_owner_the_catalog_disagrees_with(model: Model, estate: Estate) -> None:
    owns = next(r for r in model.relations(RelationKind.TEAM_OWNS) if r.target == "ctx-billing")
    with edit(model):
        model.update_relation(owns.id, source="team-orders-team")
    found = check_drift(model, estate)
    assert [(d.violation.rule, d.violation.elements) for d in found] == [
        ("SF103", ("ctx-billing", "team-billing-team"))]
    assert "the model says orders-team" in found[0].violation.message


def test_sf104_and_sf105_a_topic_and_an_event_on_one_side(model: Model, estate: Estate) -> None:
    with edit(model):
        model.update_element("topic-orders", name="orders-v2")
        model.update_element("event-orderplaced", name="OrderSubmitted")
    assert sorted(rules(model, estate)) == [
        ("SF104", ("topic-orders",)), ("SF104", ("topic-orders-2",)),
        ("SF105", ("event-orderplaced",)), ("SF105", ("event-orderplaced-2",)),
    ]


def test_sf106_an_event_version_that_differs(model: Model, estate: Estate) -> None:
    with edit(model):
        model.update_element("event-orderplaced", schema_version="1")
    found = [d.violation for d in check_drift(model, estate)]
    assert [(v.rule, v.elements) for v in found] == [("SF106", ("event-orderplaced",))]
    assert "at version 2; the model says 1" in found[0].message


def test_sf107_a_database_shared_in_production_but_not_in_the_model(model: Model, estate: Estate) -> None:
    uses = next(r for r in model.relations(RelationKind.USES) if r.source == "svc-invoices")
    with edit(model):
        model.remove_relation(uses.id)
    assert rules(model, estate) == [("SF107", ("store-shop-db", "ctx-billing", "ctx-ordering"))]


def test_drift_findings_are_waived_and_disabled_like_any_other(model: Model, estate: Estate) -> None:
    with edit(model):
        model.update_element("event-orderplaced", schema_version="1")
        model.add_element(Decision(id="adr-1", name="Version 1 until the migration", status=DecisionStatus.ACCEPTED,
                                   date=datetime.date(2026, 1, 1)))
        model.add_waiver(Waiver(id="w-1", decision="adr-1", rule="SF106", elements=["event-orderplaced"]))
    [drift] = check_drift(model, estate)
    assert drift.violation.decision == "adr-1"
    with edit(model):
        model.update_settings(rules={"SF106": RuleSettings(enabled=False)})
    assert check_drift(model, estate) == []
    with edit(model):
        model.update_settings(rules={"SF106": RuleSettings(severity=Severity.ERROR)})
    assert check_drift(model, estate)[0].violation.severity is Severity.ERROR
