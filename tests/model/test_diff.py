"""The semantic diff: nothing between equal models, and exactly the edits that were applied."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.diff import diff_models
from model.elements import Context, Fact
from model.store import Model
from model.views import Bounds
from tests.builders import rich_model
from tests.model.merging import copy, edit


def test_a_model_does_not_differ_from_itself() -> None:
    model = rich_model()
    diff = diff_models(model, copy(model))
    assert diff.same and not diff.new_violations and not diff.resolved_violations


def test_changes_are_named_by_kind_and_name_attribute_by_attribute() -> None:
    old = rich_model()
    new = copy(old)
    with new.transaction("edit"):
        new.update_element("ordering", name="Orders", description="Takes and changes orders")
        new.add_element(Context(id="shipping", name="Shipping"))
        new.remove_element("billing")
        new.place("v_main", "ordering", Bounds(x=-50, y=-50))
        new.update_settings(name="Renamed model")
    diff = diff_models(old, new)
    changed = {c.id: c for c in diff.elements}
    assert changed["ordering"].label == "context Orders"
    assert {(a.attribute, a.old, a.new) for a in changed["ordering"].attributes} == {
        ("name", "Ordering", "Orders"), ("description", "Takes orders", "Takes and changes orders"),
    }
    assert changed["shipping"].change == "added" and changed["billing"].change == "removed"
    assert all(c.change == "removed" for c in diff.relations)
    view = next(v for v in diff.views if v.id == "v_main")
    assert view.boxes_moved == ("ordering",) and "billing" in view.boxes_removed
    assert [(s.attribute, s.new) for s in diff.settings] == [("name", "Renamed model")]


def test_violations_the_change_introduces_and_resolves() -> None:
    old = rich_model()
    new = copy(old)
    with new.transaction("add"):
        new.add_element(Fact(id="lonely", name="Lonely"))
    diff = diff_models(old, new)
    assert diff.new_violations and all("lonely" in v.elements for v in diff.new_violations)
    back = diff_models(new, old)
    assert {v.rule for v in back.resolved_violations} == {v.rule for v in diff.new_violations}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.integers(min_value=1, max_value=6))
def test_the_diff_describes_exactly_the_edits(data: st.DataObject, count: int) -> None:
    old = rich_model()
    new = copy(old)
    applied = edit(new, data, count, "n")
    diff = diff_models(old, new, violations=False)
    reported = {c.id: c.change for c in (*diff.elements, *diff.relations)}
    still_there = {i for i in applied.added if i in new}
    gone = {i for i in applied.removed if i in old}
    assert {i for i, c in reported.items() if c == "added"} == still_there - set(old.elements_by_id)
    assert {i for i, c in reported.items() if c == "removed"} == gone
    expected_changed = {i for i in applied.changed if i in old and i in new}
    changed = {i for i, c in reported.items() if c == "changed"}
    assert changed == {i for i in expected_changed if _item(old, i) != _item(new, i)}


def _item(model: Model, item_id: str) -> object:
    return model.find_element(item_id) or model.find_relation(item_id)
