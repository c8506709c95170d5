"""SF005, SF006, SF015: short synchronous chains, no synchronous cycles, limited synchronous fan-out."""

from __future__ import annotations

import itertools
import random
from functools import partial

from model.engine import Engine, check_model, keys
from model.engine.indexes import Indexes
from model.engine.reader import TrackingReader
from model.relations import Contains, Flow
from model.rules import sync
from model.settings import RuleSettings
from model.store import Model
from model.vocabulary import FlowStyle, RelationKind
from tests.builders import Builder
from tests.model.rules import checks

findings = checks.findings
agrees = partial(checks.agrees, rules=sync.RULES)


def contexts(builder, *ids):
    for context_id in ids:
        builder.context(context_id, name=context_id.capitalize())


def chain(builder, *ids, style="query", prefix="f"):
    """Synchronous flows ids[0] -> ids[1] -> ...; flow ids f1, f2, ..."""
    for number, (source, target) in enumerate(itertools.pairwise(ids), start=1):
        builder.flow(source, target, f"{prefix}{number}", style=style)


def configure(model, rule_id, **settings):
    with model.transaction(f"configure {rule_id}"):
        model.update_settings(rules={rule_id: RuleSettings(**settings)})


# --------------------------------------------------------------------- SF005


def test_chain_of_max_depth_is_fine(builder):
    contexts(builder, "a", "b", "c", "d")
    chain(builder, "a", "b", "c", "d")
    assert findings(builder.model, "SF005") == []


def test_chain_one_longer_than_max_depth_fires_at_its_last_flow(builder):
    for context_id, name in [("o", "Ordering"), ("p", "Pricing"), ("c", "Catalog"), ("s", "Stock"),
                             ("w", "Warehouse")]:
        builder.context(context_id, name=name)
    chain(builder, "o", "p", "c", "s", "w")
    [violation] = findings(builder.model, "SF005")
    assert violation.elements == ("o", "p", "c", "s", "w", "f1", "f2", "f3", "f4")
    assert violation.message == (
        "Synchronous chain Ordering → Pricing → Catalog → Stock → Warehouse is 4 calls deep (max 3)"
    )
    assert violation.severity == "warning"
    assert violation.fix


def test_every_flow_ending_a_too_long_chain_is_reported(builder):
    contexts(builder, "a", "b", "c", "d", "e", "f")
    chain(builder, "a", "b", "c", "d", "e", "f")
    found = findings(builder.model, "SF005")
    assert sorted(v.elements[-1] for v in found) == ["f4", "f5"]
    assert ("b", "c", "d", "e", "f", "f2", "f3", "f4", "f5") in [v.elements for v in found]


def test_commands_count_unless_asynchronous(builder):
    contexts(builder, "a", "b", "c", "d", "e")
    chain(builder, "a", "b", "c", "d", "e", style="command")
    assert len(findings(builder.model, "SF005")) == 1
    with builder.model.transaction("async"):
        builder.model.update_relation("f2", synchronous=False)
    assert findings(builder.model, "SF005") == []


def test_async_and_undeclared_flows_do_not_count(builder):
    contexts(builder, "a", "b", "c", "d", "e")
    builder.flow("a", "b", "f1", style="event")
    chain(builder, "b", "c", "d", "e", prefix="g")
    assert findings(builder.model, "SF005") == []
    builder.context("z")
    builder.flow("z", "a", "u1")  # undeclared
    assert findings(builder.model, "SF005") == []
    with builder.model.transaction("query"):
        builder.model.update_relation("f1", style=FlowStyle.QUERY)
    [violation] = findings(builder.model, "SF005")
    assert violation.elements == ("a", "b", "c", "d", "e", "f1", "g1", "g2", "g3")


def test_flows_inside_one_context_do_not_count(builder):
    contexts(builder, "a", "b", "c", "d")
    for service in ("d1", "d2", "d3"):
        builder.service(service)
        builder.contains("d", service)
    chain(builder, "a", "b", "c", "d1")
    builder.flow("d1", "d2", "i1", style="query")
    builder.flow("d2", "d3", "i2", style="query")
    assert findings(builder.model, "SF005") == []


def test_services_lift_to_their_contexts(builder):
    contexts(builder, "a", "b", "c", "d", "e")
    for context_id in ("a", "b", "c", "d", "e"):
        for n in (1, 2):
            builder.service(f"{context_id}{n}")
            builder.contains(context_id, f"{context_id}{n}")
    builder.flow("a1", "b1", "f1", style="query")
    builder.flow("b2", "c1", "f2", style="query")  # another service of b calls on
    builder.flow("c1", "d2", "f3", style="command")
    builder.flow("d1", "e2", "f4", style="query")
    [violation] = findings(builder.model, "SF005")
    assert violation.elements == ("a", "b", "c", "d", "e", "f1", "f2", "f3", "f4")
    assert "A → B → C → D → E" in violation.message


def test_systems_are_boundaries_of_their_own(builder):
    contexts(builder, "a", "b", "c")
    builder.system("erp", name="ERP")
    builder.system("mainframe", name="Mainframe")
    chain(builder, "a", "b", "c", "erp", "mainframe")
    [violation] = findings(builder.model, "SF005")
    assert violation.elements[:5] == ("a", "b", "c", "erp", "mainframe")


def test_chains_are_simple_paths(builder):
    contexts(builder, "a", "b", "c")
    chain(builder, "a", "b", "c", "a", "b", "c", "a")  # round and round: the longest simple chain has 2 flows
    assert findings(builder.model, "SF005") == []
    configure(builder.model, "SF005", params={"max_depth": 1})
    assert {v.elements[-1] for v in findings(builder.model, "SF005")} == {"f1", "f2", "f3", "f4", "f5", "f6"}


def test_chain_does_not_pass_through_the_target_twice(builder):
    # d -> a -> b -> c -> a: at c -> a, the chain d -> a -> b -> c -> a would visit a twice
    contexts(builder, "a", "b", "c", "d")
    builder.flow("d", "a", "x", style="query")
    chain(builder, "a", "b", "c", "a")
    violations = findings(builder.model, "SF005")
    assert [v.elements[-1] for v in violations] == []


def test_first_chain_is_chosen_by_flow_id(builder):
    contexts(builder, "x", "y", "a", "b", "c", "d")
    builder.flow("y", "a", "p2", style="query")
    builder.flow("x", "a", "p1", style="query")
    chain(builder, "a", "b", "c", "d")
    [violation] = findings(builder.model, "SF005")
    assert violation.elements == ("x", "a", "b", "c", "d", "p1", "f1", "f2", "f3")


def test_max_depth_from_settings(builder):
    contexts(builder, "a", "b", "c", "d")
    chain(builder, "a", "b", "c", "d")
    assert findings(builder.model, "SF005") == []
    configure(builder.model, "SF005", params={"max_depth": 2})
    [violation] = findings(builder.model, "SF005")
    assert violation.elements == ("a", "b", "c", "d", "f1", "f2", "f3")
    assert "3 calls deep (max 2)" in violation.message


def test_disabled_in_settings(builder):
    contexts(builder, "a", "b", "c", "d", "e")
    chain(builder, "a", "b", "c", "d", "e")
    configure(builder.model, "SF005", enabled=False)
    assert findings(builder.model, "SF005") == []


def test_search_never_reads_deeper_than_max_depth():
    builder = Builder()
    ids = [f"c{n:02}" for n in range(20)]
    contexts(builder, *ids)
    chain(builder, *ids)
    model = builder.model
    reader = TrackingReader(model, Indexes(model))
    found = list(sync.short_sync_chains(reader, "f19", {"max_depth": 3}))  # c18 -> c19
    assert len(found) == 1
    read = {boundary for boundary in ids if keys.sync_in(boundary) in reader.deps}
    assert read == {"c18", "c17", "c16"}


def test_search_stays_cheap_on_a_dense_graph_without_long_chains():
    # Every context calls a hub and the hub calls every context: walks are endless, simple chains are 2 long.
    builder = Builder()
    boundaries = ["hub", *(f"s{n:03}" for n in range(300))]
    contexts(builder, *boundaries)
    for n in range(300):
        builder.flow(f"s{n:03}", "hub", f"in{n:03}", style="query")
        builder.flow("hub", f"s{n:03}", f"out{n:03}", style="query")
    assert [v for v in check_model(builder.model, sync.RULES) if v.rule == "SF005"] == []
    model = builder.model
    for flow_id in ("in000", "out000"):
        reader = TrackingReader(model, Indexes(model))
        assert list(sync.short_sync_chains(reader, flow_id, {"max_depth": 3})) == []
        boundaries_read = {boundary for boundary in boundaries if keys.sync_in(boundary) in reader.deps}
        assert len(boundaries_read) <= 301, "the search visits each boundary once, it never enumerates walks"


# --------------------------------------------------------------------- SF006


def test_two_contexts_calling_each_other(builder):
    contexts(builder, "ordering", "billing")
    builder.flow("ordering", "billing", "f1", style="query")
    builder.flow("billing", "ordering", "f2", style="command")
    [violation] = findings(builder.model, "SF006")
    assert violation.elements == ("billing", "ordering", "f1", "f2")
    assert "Billing and Ordering" in violation.message and "distributed monolith" in violation.message
    assert violation.severity == "error"
    assert violation.fix


def test_cycle_through_three_contexts_is_reported_once(builder):
    contexts(builder, "c", "a", "b")
    chain(builder, "a", "b", "c", "a")
    [violation] = findings(builder.model, "SF006")
    assert violation.elements == ("a", "b", "c", "f1", "f2", "f3")
    assert "A, B and C" in violation.message


def test_an_async_flow_breaks_the_cycle(builder):
    contexts(builder, "a", "b", "c")
    chain(builder, "a", "b", "c")
    builder.flow("c", "a", "back", style="event")
    builder.flow("b", "a", "undeclared")
    assert findings(builder.model, "SF006") == []


def test_services_calling_across_contexts_lift_to_their_contexts(builder):
    contexts(builder, "a", "b")
    for service, context_id in [("a1", "a"), ("a2", "a"), ("b1", "b")]:
        builder.service(service)
        builder.contains(context_id, service)
    builder.flow("a1", "b1", "f1", style="query")
    builder.flow("b1", "a2", "f2", style="query")
    builder.flow("a2", "a1", "inner", style="query")  # inside a: not part of the cycle
    [violation] = findings(builder.model, "SF006")
    assert violation.elements == ("a", "b", "f1", "f2")


def test_calls_inside_one_context_are_no_cycle(builder):
    builder.context("a")
    for service in ("a1", "a2"):
        builder.service(service)
        builder.contains("a", service)
    builder.flow("a1", "a2", "f1", style="query")
    builder.flow("a2", "a1", "f2", style="query")
    assert findings(builder.model, "SF006") == []


def test_cycle_names_every_flow_between_members_only(builder):
    contexts(builder, "a", "b", "c")
    builder.flow("a", "b", "f1", style="query")
    builder.flow("a", "b", "f0", style="query")  # parallel call
    builder.flow("b", "a", "f2", style="query")
    builder.flow("b", "c", "out", style="query")  # leaves the cycle
    [violation] = findings(builder.model, "SF006")
    assert violation.elements == ("a", "b", "f0", "f1", "f2")


def test_cycle_through_a_system_is_reported_at_the_smallest_context(builder):
    builder.system("aaa-erp", name="ERP")
    contexts(builder, "b", "c")
    chain(builder, "b", "aaa-erp", "c", "b")
    [violation] = check_model(builder.model, sync.RULES)[:1]
    found = findings(builder.model, "SF006")
    assert found == [violation]
    assert violation.elements == ("aaa-erp", "b", "c", "f1", "f2", "f3")


def test_cycle_between_systems_only_is_not_a_context_cycle(builder):
    builder.system("erp")
    builder.system("crm")
    builder.flow("erp", "crm", "f1", style="query")
    builder.flow("crm", "erp", "f2", style="query")
    assert findings(builder.model, "SF006") == []


def test_two_separate_cycles_are_two_findings(builder):
    contexts(builder, "a", "b", "c", "d")
    chain(builder, "a", "b", "a", prefix="x")
    chain(builder, "c", "d", "c", prefix="y")
    builder.flow("b", "c", "bridge", style="query")
    assert [v.elements for v in findings(builder.model, "SF006")] == [("a", "b", "x1", "x2"), ("c", "d", "y1", "y2")]


def test_sf006_disabled_in_settings(builder):
    contexts(builder, "a", "b")
    chain(builder, "a", "b", "a")
    configure(builder.model, "SF006", enabled=False)
    assert findings(builder.model, "SF006") == []


# --------------------------------------------------------------------- SF015


def fan_out(builder, count, style="query"):
    builder.context("hub", name="Hub")
    for n in range(count):
        builder.context(f"d{n}", name=f"Downstream {n}")
        builder.flow("hub", f"d{n}", f"f{n}", style=style)


def test_fan_out_of_three_is_fine(builder):
    fan_out(builder, 3)
    assert findings(builder.model, "SF015") == []


def test_fan_out_of_four_fires(builder):
    fan_out(builder, 4)
    [violation] = findings(builder.model, "SF015")
    assert violation.elements == ("hub", "f0", "f1", "f2", "f3")
    assert "Hub makes 4 synchronous calls" in violation.message and "at most 3" in violation.message
    assert violation.fix


def test_fan_out_counts_only_synchronous_calls_to_other_contexts(builder):
    fan_out(builder, 3)
    builder.system("erp")
    builder.flow("hub", "erp", "to-system", style="query")
    builder.flow("hub", "d0", "event", style="event")
    builder.flow("hub", "d1", "async", style="command", synchronous=False)
    builder.flow("hub", "d2", "undeclared")
    builder.service("inner")
    builder.contains("hub", "inner")
    builder.service("inner2")
    builder.contains("hub", "inner2")
    builder.flow("inner", "inner2", "internal", style="query")
    assert findings(builder.model, "SF015") == []
    builder.flow("inner", "d0", "from-service", style="command")  # a service's call counts for its context
    [violation] = findings(builder.model, "SF015")
    assert violation.elements == ("hub", "f0", "f1", "f2", "from-service")


def test_fan_out_from_settings(builder):
    fan_out(builder, 3)
    configure(builder.model, "SF015", params={"max_fan_out": 2})
    assert len(findings(builder.model, "SF015")) == 1
    configure(builder.model, "SF015", enabled=False)
    assert findings(builder.model, "SF015") == []


# --------------------------------------------------------------------- incremental


def test_engine_follows_chains_growing_and_shrinking(builder):
    model = builder.model
    contexts(builder, "a", "b", "c", "d", "e", "f")
    engine = Engine(model, sync.RULES)
    edits = [
        lambda: builder.flow("a", "b", "f1", style="query"),
        lambda: builder.flow("b", "c", "f2", style="query"),
        lambda: builder.flow("c", "d", "f3", style="command"),
        lambda: builder.flow("d", "e", "f4", style="query"),  # 4 deep
        lambda: builder.flow("e", "f", "f5", style="query"),  # 5 deep
        lambda: model.update_relation("f3", synchronous=False),  # broken in two
        lambda: model.update_relation("f3", synchronous=True),
        lambda: model.update_relation("f1", style=FlowStyle.EVENT),
        lambda: model.remove_relation("f5"),
        lambda: model.update_relation("f1", style=FlowStyle.QUERY),
        lambda: model.update_element("a", name="Renamed"),
        lambda: model.remove_element("c"),
    ]
    for number, edit in enumerate(edits):
        with model.transaction(f"edit {number}"):
            edit()
        agrees(engine, model)
    engine.close()


def test_engine_follows_services_moving_between_contexts(builder):
    model = builder.model
    contexts(builder, "a", "b", "c", "d", "e")
    builder.service("svc")
    builder.contains("e", "svc", "home")
    chain(builder, "a", "b", "c", "d", "svc")  # 4 deep: a -> b -> c -> d -> e
    engine = Engine(model, sync.RULES)
    assert [v.rule for v in engine.violations()] == ["SF005"]
    with model.transaction("move svc into d"):
        model.remove_relation("home")
        model.add_relation(Contains(id="home2", source="d", target="svc"))
    agrees(engine, model)
    assert engine.violations() == []
    with model.transaction("move svc into a"):
        model.update_relation("home2", source="a")
    agrees(engine, model)
    assert [v.rule for v in engine.violations()] == ["SF006"]  # a -> b -> c -> d -> svc (in a)
    with model.transaction("svc leaves every context"):
        model.remove_relation("home2")
    agrees(engine, model)
    assert [v.rule for v in engine.violations()] == ["SF005"]  # svc is now its own boundary
    engine.close()


def test_engine_follows_cycles_appearing_and_disappearing(builder):
    model = builder.model
    contexts(builder, "a", "b", "c", "d")
    engine = Engine(model, sync.RULES)
    steps = [
        (lambda: builder.flow("a", "b", "f1", style="query"), []),
        (lambda: builder.flow("b", "c", "f2", style="query"), []),
        (lambda: builder.flow("c", "a", "f3", style="event"), []),
        (lambda: model.update_relation("f3", style=FlowStyle.COMMAND), [("a", "b", "c", "f1", "f2", "f3")]),
        (lambda: builder.flow("c", "d", "f4", style="query"), [("a", "b", "c", "f1", "f2", "f3")]),
        (lambda: builder.flow("d", "b", "f5", style="query"), [("a", "b", "c", "d", "f1", "f2", "f3", "f4", "f5")]),
        (lambda: builder.flow("b", "a", "f6", style="query"),
         [("a", "b", "c", "d", "f1", "f2", "f3", "f4", "f5", "f6")]),
        (lambda: model.remove_relation("f3"), [("a", "b", "c", "d", "f1", "f2", "f4", "f5", "f6")]),
        (lambda: model.remove_relation("f2"), [("a", "b", "f1", "f6")]),
        (lambda: model.update_relation("f6", style=FlowStyle.EVENT), []),
    ]
    for number, (edit, expected) in enumerate(steps):
        with model.transaction(f"edit {number}"):
            edit()
        agrees(engine, model)
        assert [v.elements for v in engine.violations() if v.rule == "SF006"] == expected, number
    engine.close()


def test_engine_follows_settings(builder):
    model = builder.model
    contexts(builder, "a", "b", "c", "d")
    chain(builder, "a", "b", "c", "d")
    engine = Engine(model, sync.RULES)
    assert engine.violations() == []
    configure(model, "SF005", params={"max_depth": 2})
    agrees(engine, model)
    assert [v.rule for v in engine.violations()] == ["SF005"]
    engine.close()


def test_engine_agrees_with_a_fresh_check_after_random_edits():
    rng = random.Random(20240605)
    builder = Builder(Model())
    model = builder.model
    names = [f"c{n}" for n in range(8)]
    contexts(builder, *names)
    builder.system("sys")
    services = [f"s{n}" for n in range(6)]
    for service in services:
        builder.service(service)
        builder.contains(rng.choice(names), service, f"in-{service}")
    participants = [*names, "sys", *services]
    engine = Engine(model, sync.RULES)
    flows: list[str] = []
    styles = [
        {"style": FlowStyle.QUERY},
        {"style": FlowStyle.COMMAND},
        {"style": FlowStyle.COMMAND, "synchronous": False},
        {"style": FlowStyle.EVENT},
        {"style": FlowStyle.UNDECLARED},
    ]
    for step in range(250):
        with model.transaction(f"step {step}"):
            action = rng.random()
            if action < 0.45 or not flows:
                source, target = rng.sample(participants, 2)
                flow_id = f"r{step}"
                model.add_relation(Flow(id=flow_id, source=source, target=target, **rng.choice(styles)))
                flows.append(flow_id)
            elif action < 0.65:
                flow_id = flows.pop(rng.randrange(len(flows)))
                model.remove_relation(flow_id)
            elif action < 0.85:
                model.update_relation(rng.choice(flows), **{"synchronous": None, **rng.choice(styles)})
            else:
                service = rng.choice(services)
                holder = model.incoming(service, RelationKind.CONTAINS)
                if holder:
                    model.remove_relation(holder[0].id)
                if rng.random() < 0.8:
                    model.add_relation(Contains(id=f"in-{service}-{step}", source=rng.choice(names), target=service))
        agrees(engine, model)
    assert {v.rule for v in engine.violations()} >= {"SF005", "SF006"}
    engine.close()
