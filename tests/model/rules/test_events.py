"""SF013, SF016, SF018: delivered events and focused topics, retention of personal data, compatibility."""

from __future__ import annotations

from functools import partial

from model.elements import Event, Fact
from model.engine import Engine
from model.relations import Contains, Flow, Publishes
from model.rules import events
from model.settings import RuleSettings
from model.vocabulary import Compatibility, EventClass, FlowStyle
from tests.model.rules import checks

findings = checks.findings
agrees = partial(checks.agrees, rules=events.RULES)


def configure(model, rule_id, **settings):
    with model.transaction(f"configure {rule_id}"):
        model.update_settings(rules={rule_id: RuleSettings(**settings)})


def contexts(builder, *ids):
    for context_id in ids:
        builder.context(context_id, name=context_id.capitalize())


# --------------------------------------------------------------------- SF013


def test_published_event_without_flow(builder):
    contexts(builder, "ordering")
    builder.event("placed", name="OrderPlaced")
    builder.publishes("ordering", "placed")
    [violation] = findings(builder.model, "SF013")
    assert violation.elements == ("placed", "ordering")
    assert violation.message == "Ordering publishes OrderPlaced, but no flow delivers it to anyone"
    assert violation.severity == "info"
    assert violation.fix


def test_delivered_event_is_fine(builder):
    contexts(builder, "ordering", "billing")
    builder.event("placed")
    builder.publishes("ordering", "placed")
    builder.flow("ordering", "billing", "f1", style="event", event="placed")
    assert findings(builder.model, "SF013") == []


def test_unpublished_event_is_not_reported(builder):
    builder.event("placed")
    assert findings(builder.model, "SF013") == []


def test_topic_with_one_producer_is_fine(builder):
    contexts(builder, "ordering", "billing", "shipping")
    builder.service("checkout")
    builder.contains("ordering", "checkout")
    builder.topic("orders")
    builder.flow("ordering", "billing", "f1", style="event", topic="orders")
    builder.flow("checkout", "shipping", "f2", style="event", topic="orders")  # a service of the same context
    assert findings(builder.model, "SF013") == []


def test_topic_with_several_producers_is_a_dumping_ground(builder):
    contexts(builder, "ordering", "billing", "shipping", "customer")
    builder.topic("bus", name="Bus")
    builder.flow("ordering", "shipping", "f2", style="event", topic="bus")
    builder.flow("billing", "shipping", "f1", style="event", topic="bus")
    builder.flow("ordering", "customer", "f3", style="event", topic="bus")
    [violation] = findings(builder.model, "SF013")
    assert violation.elements == ("bus", "billing", "ordering", "f1", "f2", "f3")
    assert "Topic Bus carries flows from 2 producing contexts (Billing and Ordering)" in violation.message
    assert "dumping ground" in violation.message


def test_sf013_disabled_in_settings(builder):
    contexts(builder, "ordering")
    builder.event("placed")
    builder.publishes("ordering", "placed")
    configure(builder.model, "SF013", enabled=False)
    assert findings(builder.model, "SF013") == []


# --------------------------------------------------------------------- SF016


def test_personal_event_without_retention(builder):
    builder.event("registered", name="CustomerRegistered", personal_data=True)
    [violation] = findings(builder.model, "SF016")
    assert violation.elements == ("registered",)
    assert "CustomerRegistered is marked as personal data" in violation.message
    assert violation.severity == "warning"
    assert violation.fix


def test_retention_makes_it_fine(builder):
    builder.event("registered", personal_data=True, retention="P30D")
    builder.topic("customers", retention="P7D")
    builder.fact("address", personal_data=True)
    contexts(builder, "customer", "billing")
    builder.flow("customer", "billing", "f1", style="event", event="registered", topic="customers",
                 carries=["address"])
    assert findings(builder.model, "SF016") == []


def test_event_carrying_a_personal_fact(builder):
    contexts(builder, "customer", "billing")
    builder.event("moved", name="CustomerMoved")
    builder.fact("address", name="Postal address", personal_data=True)
    builder.fact("segment", name="Segment")
    builder.flow("customer", "billing", "f1", style="event", event="moved", carries=["segment", "address"])
    [violation] = findings(builder.model, "SF016")
    assert violation.elements == ("moved", "address")
    assert violation.message == "Event CustomerMoved carries personal data (Postal address) but declares no retention"


def test_event_without_personal_data_is_fine(builder):
    contexts(builder, "customer", "billing")
    builder.event("moved")
    builder.fact("segment")
    builder.flow("customer", "billing", "f1", style="event", event="moved", carries=["segment"])
    builder.topic("customers")
    builder.flow("customer", "billing", "f2", style="event", topic="customers", carries=["segment"])
    assert findings(builder.model, "SF016") == []


def test_topic_delivering_a_personal_event(builder):
    contexts(builder, "customer", "billing", "shipping")
    builder.topic("customers", name="customers")
    builder.event("moved", name="CustomerMoved")
    builder.fact("address", name="Postal address", personal_data=True)
    # the event is personal because another flow delivering it carries the address
    builder.flow("customer", "billing", "f1", style="event", event="moved", topic="customers")
    builder.flow("customer", "shipping", "f2", style="event", event="moved", carries=["address"])
    found = findings(builder.model, "SF016")
    assert [v.elements for v in found] == [("customers", "moved"), ("moved", "address")]
    assert "Topic customers carries personal data (event CustomerMoved)" in found[0].message


def test_topic_carrying_a_personal_fact(builder):
    contexts(builder, "customer", "billing")
    builder.topic("customers", name="customers")
    builder.fact("address", name="Postal address", personal_data=True)
    builder.flow("customer", "billing", "f1", style="event", topic="customers", carries=["address"])
    [violation] = findings(builder.model, "SF016")
    assert violation.elements == ("customers", "address")
    assert "(fact Postal address)" in violation.message


def test_sf016_disabled_in_settings(builder):
    builder.event("registered", personal_data=True)
    configure(builder.model, "SF016", enabled=False)
    assert findings(builder.model, "SF016") == []


# --------------------------------------------------------------------- SF018


def test_integration_event_without_compatibility(builder):
    builder.event("issued", name="PolicyIssued", event_class=EventClass.INTEGRATION)
    [violation] = findings(builder.model, "SF018")
    assert violation.elements == ("issued",)
    assert violation.message == "Integration event PolicyIssued declares no compatibility mode"
    assert violation.fix
    assert violation.severity == "info"


def test_integration_event_with_compatibility_none(builder):
    builder.event("issued", event_class=EventClass.INTEGRATION, compatibility=Compatibility.NONE)
    [violation] = findings(builder.model, "SF018")
    assert "compatibility none" in violation.message


def test_declared_compatibility_and_domain_events_are_fine(builder):
    builder.event("issued", event_class=EventClass.INTEGRATION, compatibility=Compatibility.BACKWARD)
    builder.event("internal", event_class=EventClass.DOMAIN)
    builder.event("cdc", event_class=EventClass.TECHNICAL, compatibility=Compatibility.NONE)
    assert findings(builder.model, "SF018") == []


def test_sf018_disabled_in_settings(builder):
    builder.event("issued", event_class=EventClass.INTEGRATION)
    configure(builder.model, "SF018", enabled=False)
    assert findings(builder.model, "SF018") == []


# --------------------------------------------------------------------- incremental


def test_engine_follows_event_edits(builder):
    model = builder.model
    contexts(builder, "customer", "billing", "shipping")
    builder.service("svc")
    builder.contains("billing", "svc", "home")
    builder.topic("bus")
    builder.event("moved", event_class=EventClass.INTEGRATION)
    builder.fact("address", personal_data=False)
    engine = Engine(model, events.RULES)
    agrees(engine, model)
    edits = [
        lambda: model.add_relation(Publishes(id="p1", source="customer", target="moved")),
        lambda: model.add_relation(Flow(id="f1", source="customer", target="billing", style=FlowStyle.EVENT,
                                        event="moved", topic="bus", carries=["address"])),
        lambda: model.update_element("address", personal_data=True),  # event and topic become personal
        lambda: model.update_element("moved", retention="P30D"),
        lambda: model.add_relation(Flow(id="f2", source="svc", target="shipping", style=FlowStyle.EVENT,
                                        topic="bus")),  # a second producer on bus
        lambda: model.update_relation("home", source="customer"),  # svc moves into customer: one producer
        lambda: model.remove_relation("home"),  # svc is a producer of its own again
        lambda: model.add_relation(Contains(id="home2", source="customer", target="svc")),
        lambda: model.update_relation("f1", event=None),  # moved no longer delivered
        lambda: model.update_relation("f2", event="moved"),  # delivered again, by f2
        lambda: model.update_element("moved", compatibility=Compatibility.FULL),
        lambda: model.update_element("moved", retention=None, personal_data=True),
        lambda: model.update_element("bus", retention="P7D"),
        lambda: model.add_element(Event(id="other", personal_data=True)),
        lambda: model.add_element(Fact(id="email", personal_data=True)),
        lambda: model.update_relation("f1", carries=["email"]),
        lambda: model.remove_element("address"),
        lambda: model.remove_relation("f2"),
        lambda: model.remove_element("moved"),
        lambda: model.remove_element("bus"),
    ]
    seen = checks.replay(engine, model, events.RULES, edits)
    assert seen == {"SF013", "SF016", "SF018"}
    engine.close()


def test_engine_follows_settings(builder):
    model = builder.model
    builder.event("issued", event_class=EventClass.INTEGRATION)
    engine = Engine(model, events.RULES)
    assert [v.rule for v in engine.violations()] == ["SF018"]
    configure(model, "SF018", enabled=False)
    agrees(engine, model)
    assert engine.violations() == []
    engine.close()
