"""A terse way to build models in tests.

``b = Builder(); b.context("ordering"); b.flow("ordering", "billing", style="query")``.

Ids double as names unless a name is given. Every call is one model verb inside one transaction.
"""

from __future__ import annotations

import datetime
from typing import Any

from model.elements import ELEMENT_CLASSES, ElementBase
from model.relations import RELATION_CLASSES, RelationBase
from model.settings import ForbidFlowRule, RequireAttributeRule, RuleSettings, Selector, Waiver
from model.store import Model
from model.views import Bounds, Point, Route, ViewInfo
from model.vocabulary import ElementKind, RelationKind


class Builder:
    def __init__(self, model: Model | None = None) -> None:
        self.model = model or Model()
        self._counter = 0

    def element(self, kind: ElementKind | str, element_id: str, **attributes: Any) -> ElementBase:
        attributes.setdefault("name", element_id)
        element = ELEMENT_CLASSES[ElementKind(kind)](id=element_id, **attributes)
        with self.model.transaction(f"add {element_id}"):
            self.model.add_element(element)
        return element

    def relation(self, kind: RelationKind | str, source: str, target: str, relation_id: str | None = None,
                 **attributes: Any) -> RelationBase:
        if relation_id is None:
            self._counter += 1
            relation_id = f"{RelationKind(kind).value.replace('-', '_')}{self._counter}"
        relation = RELATION_CLASSES[RelationKind(kind)](id=relation_id, source=source, target=target, **attributes)
        with self.model.transaction(f"add {relation_id}"):
            self.model.add_relation(relation)
        return relation

    def waiver(self, waiver_id: str, decision: str, rule: str, elements: list[str], justification: str = "") -> Waiver:
        waiver = Waiver(id=waiver_id, decision=decision, rule=rule, elements=elements, justification=justification)
        with self.model.transaction(f"add {waiver_id}"):
            self.model.add_waiver(waiver)
        return waiver

    def __getattr__(self, name: str) -> Any:
        """``b.context(id, **attrs)``, ``b.flow(source, target, **attrs)``, ``b.team_owns(...)`` and so on."""
        kind = name.replace("_", "-")
        if kind in {k.value for k in ElementKind}:
            return lambda element_id, **attributes: self.element(kind, element_id, **attributes)
        if kind in {k.value for k in RelationKind}:
            return lambda source, target, relation_id=None, **attributes: self.relation(
                kind, source, target, relation_id, **attributes
            )
        raise AttributeError(name)


# ------------------------------------------------------------ a rich model

ELEMENTS: list[tuple[str, str, dict[str, Any]]] = [
    ("context", "ordering", {"name": "Ordering", "domain": "core", "tags": ["retail", "core"],
                             "description": "Takes orders", "properties": {"owner": "ops", "cost": "B-12"}}),
    ("context", "billing", {"name": "Billing", "domain": "supporting", "lifecycle": "coexisting"}),
    ("context", "old_books", {"name": "Old books", "lifecycle": "legacy"}),
    ("service", "checkout", {}),
    ("system", "erp", {"legacy": True}),
    ("acl", "erp_acl", {}),
    ("team", "team_a", {"name": "Team A"}),
    ("fact", "order_total", {"personal_data": True}),
    ("fact", "invoice", {}),
    ("datastore", "orders_db", {}),
    ("datastore", "lake", {"usage": "analytical"}),
    ("event", "order_placed", {"event_class": "integration", "schema_version": "2.1", "compatibility": "backward",
                               "personal_data": True, "retention": "P30D"}),
    ("topic", "orders_topic", {"retention": "P7D", "partitions": 12}),
    ("saga", "checkout_saga", {"coordination": "choreography", "compensation": True}),
    ("invariant", "paid_first", {"statement": "An order ships only once paid", "consistency": "strong"}),
    ("note", "sticky", {"text": "Ünïcode ✓ — «workshop» note\nsecond line"}),
]
# Elements that name other elements: added after what they name, whatever the order.
REFERRING: list[tuple[str, str, dict[str, Any]]] = [
    ("reconciliation", "nightly", {"schedule": "daily 02:00", "authoritative_source": "ordering"}),
    ("decision", "adr_1", {"name": "Share the ERP database for now", "status": "accepted",
                           "date": datetime.date(2026, 1, 5), "decision_makers": ["Ana", "Bo"],
                           "problem": "Billing reads the ERP", "drivers": ["cost"], "options": ["share", "replicate"],
                           "outcome": "share", "consequences": "SF003 waived"}),
    ("decision", "adr_2", {"status": "proposed", "supersedes": ["adr_1"]}),
]
RELATIONS: list[tuple[str, str, str, str, dict[str, Any]]] = [
    ("owns", "ordering", "order_total", "r_owns", {}),
    ("owns", "billing", "invoice", "r_owns_invoice", {}),
    ("replicates", "billing", "order_total", "r_replicates", {"max_staleness": "PT5M"}),
    ("writes", "checkout", "order_total", "r_writes", {}),
    ("flow", "checkout", "billing", "r_flow_event", {"style": "event", "event": "order_placed", "topic": "orders_topic",
                                                     "carries": ["order_total"], "idempotent": True,
                                                     "dead_letter": "replay", "name": "order placed"}),
    ("flow", "billing", "ordering", "r_flow_command", {"style": "command", "synchronous": False}),
    ("flow", "ordering", "erp_acl", "r_flow_query", {"style": "query"}),
    ("flow", "erp_acl", "erp", "r_flow_undeclared", {}),
    ("publishes", "ordering", "order_placed", "r_publishes", {}),
    ("uses", "checkout", "orders_db", "r_uses", {}),
    ("uses", "billing", "lake", "r_uses_lake", {}),
    ("team-owns", "team_a", "ordering", "r_team", {}),
    ("contains", "ordering", "checkout", "r_contains", {}),
    ("contains", "ordering", "erp_acl", "r_contains_acl", {}),
    ("coordinates", "checkout_saga", "billing", "r_coordinates", {}),
    ("guards", "checkout_saga", "paid_first", "r_guards", {}),
    ("spans", "paid_first", "ordering", "r_spans", {}),
    ("spans", "paid_first", "billing", "r_spans_billing", {}),
    ("covers", "nightly", "order_total", "r_covers", {}),
    ("covers", "nightly", "checkout_saga", "r_covers_saga", {}),
]
VIEWS: list[tuple[ViewInfo, dict[str, Bounds], dict[str, Route]]] = [
    (
        ViewInfo(id="v_main", name="Main", documentation="The whole estate"),
        {"ordering": Bounds(x=0, y=0, w=400, h=300), "checkout": Bounds(x=20.5, y=40), "billing": Bounds(x=500, y=0),
         "erp": Bounds(x=-120.25, y=600, w=90, h=45), "order_total": Bounds(x=250, y=420)},
        {"r_flow_event": Route(bends=[Point(x=300, y=50), Point(x=450.5, y=60)]), "r_owns": Route()},
    ),
    (
        ViewInfo(id="v_billing", name="Billing only"),
        {"billing": Bounds(x=10, y=10), "invoice": Bounds(x=10, y=200, w=120, h=60)},
        {"r_owns_invoice": Route(bends=[Point(x=70, y=150)])},
    ),
]
SETTINGS: dict[str, Any] = {
    "name": "Rich estate",
    "description": "Every kind of element and relation",
    "language": "en",
    "rules": {"SF005": RuleSettings(params={"max_depth": 4}), "SF014": RuleSettings(enabled=False),
              "SF013": RuleSettings(severity="warning")},
    "custom_rules": [
        ForbidFlowRule(id="no-legacy-queries", title="No queries to legacy systems", severity="error", style="query",
                       source=Selector(kind="context"), target=Selector(kind="system", tag="legacy"),
                       fix="Go through the ACL."),
        RequireAttributeRule(id="facts-described", title="Facts are described", severity="info", kind="fact",
                             attribute="description"),
    ],
}


def rich_model(reverse: bool = False) -> Model:
    """Every element and relation kind, two views, waivers and settings; ``reverse`` adds them in another order."""
    def order(items: list[Any]) -> list[Any]:
        return list(reversed(items)) if reverse else list(items)

    builder = Builder()
    model = builder.model
    if not reverse:
        with model.transaction("settings"):
            model.update_settings(**SETTINGS)
    for kind, element_id, attributes in [*order(ELEMENTS), *REFERRING]:
        builder.element(kind, element_id, **attributes)
    for kind, source, target, relation_id, attributes in order(RELATIONS):
        builder.relation(kind, source, target, relation_id, **attributes)
    for view, nodes, edges in order(VIEWS):
        with model.transaction("view"):
            model.add_view(view)
            for element_id, bounds in order(list(nodes.items())):
                model.place(view.id, element_id, bounds)
            for relation_id, route in order(list(edges.items())):
                model.route(view.id, relation_id, route)
    waivers = [("w_shared_erp", "adr_1", "SF003", ["orders_db", "ordering", "billing"], "Until the ERP split"),
               ("w_legacy", "adr_1", "no-legacy-queries", ["ordering", "erp", "r_flow_query"], "")]
    for waiver_id, decision, rule, ids, justification in order(waivers):
        builder.waiver(waiver_id, decision, rule, ids, justification)
    if reverse:
        with model.transaction("settings"):
            model.update_settings(**SETTINGS)
    return model
