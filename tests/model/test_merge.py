"""The three-way merge: disjoint edits both kept, each conflict kind recorded, the result always a model."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.conflicts import Conflict
from model.elements import Service
from model.engine import check_model
from model.fileformat import from_json, to_json
from model.merge import merge_models
from model.merge.resolve import resolve_conflict
from model.relations import Contains, Flow
from model.store import Model
from model.views import Bounds
from model.vocabulary import FlowStyle
from tests.builders import rich_model
from tests.model.merging import copy, edit


def three() -> tuple[Model, Model, Model]:
    base = rich_model()
    return base, copy(base), copy(base)


def conflicts(model: Model) -> list[Conflict]:
    return sorted(model.conflicts(), key=lambda c: (c.kind, c.item, c.attribute))


def reloaded(model: Model) -> Model:
    return from_json(to_json(model))


def test_disjoint_edits_are_both_kept() -> None:
    base, ours, theirs = three()
    with ours.transaction("ours"):
        ours.update_element("ordering", name="Ordering (ours)")
        ours.place("v_main", "billing", Bounds(x=999, y=5))
    with theirs.transaction("theirs"):
        theirs.update_element("ordering", description="Takes orders")
        theirs.update_element("billing", name="Billing (theirs)")
    merged = merge_models(base, ours, theirs)
    assert merged.conflicts() == []
    assert merged.element("ordering").name == "Ordering (ours)"
    assert merged.element("ordering").description == "Takes orders"
    assert merged.element("billing").name == "Billing (theirs)"
    assert merged.layout("v_main", "billing") == Bounds(x=999, y=5)


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    base, ours, theirs = three()
    for side in (ours, theirs):
        with side.transaction("same"):
            side.update_element("ordering", name="Orders")
            side.remove_element("billing")
    merged = merge_models(base, ours, theirs)
    assert merged.conflicts() == []
    assert merged.element("ordering").name == "Orders" and merged.find_element("billing") is None


def test_an_attribute_changed_two_ways_keeps_ours_and_records_both() -> None:
    base, ours, theirs = three()
    with ours.transaction("o"):
        ours.update_element("ordering", name="Ours")
    with theirs.transaction("t"):
        theirs.update_element("ordering", name="Theirs")
    merged = reloaded(merge_models(base, ours, theirs))
    [conflict] = conflicts(merged)
    assert (conflict.kind, conflict.item, conflict.attribute) == ("attribute", "ordering", "name")
    assert (conflict.base, conflict.ours, conflict.theirs) == ("Ordering", "Ours", "Theirs")
    assert merged.element("ordering").name == "Ours"
    [violation] = [v for v in check_model(merged) if v.rule.startswith("SF2")]
    assert violation.rule == "SF201" and '"Theirs"' in violation.message and violation.severity == "error"


def test_a_box_moved_two_ways_is_a_position_conflict() -> None:
    base, ours, theirs = three()
    for side, x in ((ours, 10), (theirs, 20)):
        with side.transaction("move"):
            side.place("v_main", "ordering", Bounds(x=x, y=0))
    [conflict] = conflicts(merge_models(base, ours, theirs))
    assert (conflict.section, conflict.item, conflict.attribute) == ("views", "v_main", "nodes.ordering")


def test_deleted_on_one_side_and_changed_on_the_other_is_kept() -> None:
    base, ours, theirs = three()
    with ours.transaction("o"):
        ours.remove_element("billing")
    with theirs.transaction("t"):
        theirs.update_element("billing", name="Billing, renamed")
    merged = reloaded(merge_models(base, ours, theirs))
    [conflict] = conflicts(merged)
    assert (conflict.kind, conflict.item, conflict.deleted_by) == ("deleted", "billing", "ours")
    assert merged.element("billing").name == "Billing, renamed"
    assert {r.id for r in merged.incident("billing")} == {r.id for r in base.incident("billing")}
    assert any(v.rule == "SF202" for v in check_model(merged))


def test_a_relation_added_to_an_element_the_other_side_deleted() -> None:
    base, ours, theirs = three()
    with ours.transaction("o"):
        ours.add_relation(Flow(id="new_flow", source="ordering", target="billing", style=FlowStyle.EVENT))
    with theirs.transaction("t"):
        theirs.remove_element("billing")
    merged = reloaded(merge_models(base, ours, theirs))
    [conflict] = conflicts(merged)
    assert (conflict.kind, conflict.item, conflict.deleted_by) == ("deleted", "billing", "theirs")
    assert "new_flow" in conflict.reason
    assert merged.find_relation("new_flow") is not None and merged.find_element("billing") is not None


def test_a_view_box_added_for_an_element_the_other_side_deleted() -> None:
    base, ours, theirs = three()
    view = "v_main"
    missing = next(e.id for e in base.elements() if base.layout(view, e.id) is None)
    with ours.transaction("o"):
        ours.remove_element(missing)
    with theirs.transaction("t"):
        theirs.place(view, missing, Bounds(x=1, y=2))
    merged = reloaded(merge_models(base, ours, theirs))
    [conflict] = conflicts(merged)
    assert (conflict.kind, conflict.item, conflict.deleted_by) == ("deleted", missing, "ours")
    assert merged.layout(view, missing) == Bounds(x=1, y=2)


def test_two_contexts_taking_one_service_keep_ours() -> None:
    base = rich_model()
    service = "free_service"
    with base.transaction("service"):
        base.add_element(Service(id=service, name="Free"))
    ours, theirs = copy(base), copy(base)
    contexts = sorted(e.id for e in base.elements() if e.kind == "context")
    for side, context in ((ours, contexts[0]), (theirs, contexts[1])):
        with side.transaction("contain"):
            side.add_relation(Contains(id=f"c_{context}", source=context, target=service))
    merged = reloaded(merge_models(base, ours, theirs))
    [conflict] = conflicts(merged)
    assert (conflict.kind, conflict.item, conflict.ours) == ("contained", service, f"c_{contexts[0]}")
    assert merged.container_of(service) == contexts[0]
    resolve_conflict(merged, conflict.id, "theirs")
    assert merged.container_of(service) == contexts[1] and merged.conflicts() == []


def test_a_flow_made_invalid_by_combining_both_sides_falls_back_to_ours() -> None:
    base, ours, theirs = three()
    flow = base.relation("r_flow_command")  # an asynchronous command
    with ours.transaction("o"):
        ours.update_relation(flow.id, style=FlowStyle.EVENT)
    with theirs.transaction("t"):
        theirs.update_relation(flow.id, synchronous=True)
    merged = reloaded(merge_models(base, ours, theirs))
    [conflict] = conflicts(merged)
    assert (conflict.item, conflict.attribute) == (flow.id, "")
    assert merged.relation(flow.id) == ours.relation(flow.id)


def test_resolving_is_one_undoable_step_each_way() -> None:
    base, ours, theirs = three()
    with ours.transaction("o"):
        ours.update_element("ordering", name="Ours")
        ours.remove_element("billing")
    with theirs.transaction("t"):
        theirs.update_element("ordering", name="Theirs")
        theirs.update_element("billing", description="still here")
    merged = reloaded(merge_models(base, ours, theirs))
    by_kind = {c.kind: c for c in merged.conflicts()}
    resolve_conflict(merged, by_kind["attribute"].id, "theirs")
    assert merged.element("ordering").name == "Theirs"
    resolve_conflict(merged, by_kind["deleted"].id, "ours")
    assert merged.find_element("billing") is None and merged.conflicts() == []
    assert to_json(merged) == to_json(merge_models(base, ours, copy(ours))).replace('"Ours"', '"Theirs"')


def test_resolving_with_an_edited_value() -> None:
    base, ours, theirs = three()
    for side, name in ((ours, "A"), (theirs, "B")):
        with side.transaction("n"):
            side.update_element("ordering", name=name)
    merged = merge_models(base, ours, theirs)
    resolve_conflict(merged, merged.conflicts()[0].id, "edit", "A and B")
    assert merged.element("ordering").name == "A and B" and not merged.conflicts()


def test_conflicts_carry_through_a_later_merge() -> None:
    base, ours, theirs = three()
    for side, name in ((ours, "A"), (theirs, "B")):
        with side.transaction("n"):
            side.update_element("ordering", name=name)
    merged = merge_models(base, ours, theirs)
    again = merge_models(base, merged, theirs)
    assert [c.item for c in again.conflicts()] == ["ordering"]


EDITS = st.integers(min_value=0, max_value=6)
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.data(), EDITS)
def test_merging_into_an_unchanged_side_gives_the_changed_side(data: st.DataObject, count: int) -> None:
    base = rich_model()
    changed = copy(base)
    edit(changed, data, count, "x")
    assert to_json(merge_models(base, changed, copy(base))) == to_json(changed)
    assert to_json(merge_models(base, copy(base), changed)) == to_json(changed)
    assert to_json(merge_models(base, changed, copy(changed))) == to_json(changed)


@FAST
@given(st.data(), EDITS, EDITS)
def test_the_merged_file_always_loads(data: st.DataObject, ours_edits: int, theirs_edits: int) -> None:
    base = rich_model()
    ours, theirs = copy(base), copy(base)
    edit(ours, data, ours_edits, "o")
    edit(theirs, data, theirs_edits, "t")
    merged = merge_models(base, ours, theirs)
    reloaded(merged)
    for conflict in merged.conflicts():  # every conflict resolves, either way, into a model that loads
        resolve_conflict(merged, conflict.id, data.draw(st.sampled_from(["ours", "theirs"])))
    assert reloaded(merged).conflicts() == []
