"""Which boxes and lines a committed change alters, read from what each item shows; no Qt involved."""

from __future__ import annotations

import subprocess
import sys

from app.canvas.dependencies import affected, shows
from model.changes import Committed
from model.store import Model
from model.templates import build_template
from tests.builders import Builder
from tests.paths import REPO


def committed(builder: Builder, action: object) -> Committed:
    seen: list[Committed] = []
    unsubscribe = builder.model.subscribe(seen.append)
    action()  # type: ignore[operator]
    unsubscribe()
    return seen[-1]


def test_what_a_box_and_a_line_show() -> None:
    b = Builder()
    b.context("pricing")
    b.context("ordering")
    b.fact("price")
    b.event("price-changed")
    owns = b.owns("pricing", "price")
    flow = b.flow("pricing", "ordering", style="event", event="price-changed")
    assert shows(b.model, "price") == {"price", owns.id, "pricing"}
    assert shows(b.model, flow.id) == {flow.id, "price-changed"}
    assert shows(b.model, "ordering") == {"ordering"}


def test_a_change_affects_exactly_the_items_that_show_what_it_changed() -> None:
    """For every item of a template and every id it shows, changing that id reports the item."""
    model = build_template("retail")
    items = [e.id for e in model.elements()] + [r.id for r in model.relations()]
    for item_id in items:
        for shown in shows(model, item_id):
            touch = _touch_element if model.find_element(shown) is not None else _touch_relation
            change = committed(Builder(model), lambda t=touch, s=shown: t(model, s))
            found = affected(model, change.changes)
            assert item_id in found.elements | found.relations, (item_id, shown)


def _touch_element(model: Model, element_id: str) -> None:
    with model.transaction("rename"):
        element = model.element(element_id)
        model.update_element(element_id, name=element.name + "!")


def _touch_relation(model: Model, relation_id: str) -> None:
    with model.transaction("rename"):
        relation = model.relation(relation_id)
        model.update_relation(relation_id, name=relation.name + "!")


def test_a_new_owner_and_a_removed_container_reach_the_box_they_point_at() -> None:
    b = Builder()
    b.context("pricing")
    b.fact("price")
    b.service("quotes")
    owns = committed(b, lambda: b.owns("pricing", "price"))
    assert affected(b.model, owns.changes).elements == {"price"}
    contains = b.contains("pricing", "quotes")
    removed = committed(b, lambda: _remove_relation(b, contains.id))
    assert affected(b.model, removed.changes).elements == {"quotes"}


def _remove_relation(b: Builder, relation_id: str) -> None:
    with b.model.transaction("remove"):
        b.model.remove_relation(relation_id)


def test_the_function_needs_no_qt() -> None:
    script = "import sys, app.canvas.dependencies; print(any(m.startswith('PySide6') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "False", result.stderr
