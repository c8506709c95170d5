"""Undo and redo, built from change events, without Qt."""

from __future__ import annotations

from typing import Any

import pytest

from model.elements import Context
from model.errors import ModelError
from model.history import History
from model.views import Bounds, ViewInfo
from tests.builders import Builder


def snapshot(builder: Builder) -> tuple[object, ...]:
    """Everything the model holds, independent of insertion order (files are written sorted)."""
    model = builder.model

    def by_id(items: list[Any]) -> list[Any]:
        return sorted(items, key=lambda item: item.id)

    return (
        by_id(model.elements()), by_id(model.relations()), by_id(model.views()),
        {v.id: model.layouts(v.id) for v in model.views()}, by_id(model.waivers()), model.settings,
    )


def test_one_transaction_is_one_step() -> None:
    builder = Builder()
    history = History(builder.model)
    with builder.model.transaction("Add contexts"):
        builder.model.add_element(Context(id="a", name="A"))
        builder.model.add_element(Context(id="b", name="B"))
    assert history.steps() == ["Add contexts"]
    history.undo()
    assert builder.model.elements() == []
    assert history.redo_label == "Add contexts"
    history.redo()
    assert [e.id for e in builder.model.elements()] == ["a", "b"]


def test_undo_of_a_cascading_delete_restores_everything() -> None:
    builder = Builder()
    model = builder.model
    builder.context("a")
    builder.context("b")
    builder.fact("price")
    builder.owns("a", "price", "o")
    builder.flow("a", "b", "f", style="query", carries=["price"])
    with model.transaction("view"):
        model.add_view(ViewInfo(id="v", name="Map"))
        model.place("v", "a", Bounds(x=0, y=0))
        model.place("v", "price", Bounds(x=10, y=10))
        model.route("v", "o")
    before = snapshot(builder)
    history = History(model)
    with model.transaction("Delete"):
        model.remove_element("price")
        model.remove_element("a")
    history.undo()
    assert snapshot(builder) == before
    history.redo()
    assert model.find_element("a") is None
    history.undo()
    assert snapshot(builder) == before


def test_a_new_edit_clears_redo_and_empty_stacks_refuse() -> None:
    builder = Builder()
    history = History(builder.model)
    with pytest.raises(ModelError, match="nothing to undo"):
        history.undo()
    builder.context("a")
    history.undo()
    builder.context("b")
    assert not history.can_redo
    with pytest.raises(ModelError, match="nothing to redo"):
        history.redo()


def test_settings_changes_are_undoable() -> None:
    builder = Builder()
    history = History(builder.model)
    with builder.model.transaction("Rename model"):
        builder.model.update_settings(name="Retail")
    history.undo()
    assert builder.model.name == "Untitled"
