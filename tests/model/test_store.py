"""The model's verbs: validation, cascades, transactions and change events."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from model.changes import Committed, ElementChange, LayoutChange, Origin
from model.elements import Context, Event, Fact, Service
from model.errors import ModelError
from model.relations import Contains, Flow, Owns
from model.store import Model
from model.views import Bounds, Point, Route, ViewInfo
from model.vocabulary import FlowStyle, RelationKind
from tests.builders import Builder
from tests.paths import REPO


def test_changes_outside_a_transaction_are_refused() -> None:
    model = Model()
    with pytest.raises(ModelError, match="only inside a transaction"):
        model.add_element(Context(id="c1", name="Ordering"))
    assert model.elements() == []


def test_a_transaction_commits_once_with_all_its_changes() -> None:
    model = Model()
    seen: list[Committed] = []
    model.subscribe(seen.append)
    with model.transaction("Add two"):
        model.add_element(Context(id="c1", name="Ordering"))
        with model.transaction("nested joins the outer one"):
            model.add_element(Context(id="c2", name="Billing"))
    assert len(seen) == 1
    assert seen[0].label == "Add two"
    assert seen[0].origin is Origin.EDIT
    assert [c.id for c in seen[0].changes if isinstance(c, ElementChange)] == ["c1", "c2"]


def test_an_exception_rolls_the_whole_transaction_back() -> None:
    model = Model()
    seen: list[Committed] = []
    model.subscribe(seen.append)
    with pytest.raises(ModelError), model.transaction("Broken"):
        model.add_element(Context(id="c1", name="Ordering"))
        model.add_element(Context(id="c1", name="Again"))
    assert model.elements() == []
    assert model.relations() == []
    assert seen == []


def test_duplicate_ids_are_refused_across_elements_relations_and_views(builder: Builder) -> None:
    builder.context("c1")
    builder.context("c2")
    builder.flow("c1", "c2", "f1")
    with pytest.raises(ModelError, match="already used"), builder.model.transaction("x"):
        builder.model.add_view(ViewInfo(id="f1", name="clash"))


def test_relations_only_join_the_kinds_design_allows(builder: Builder) -> None:
    builder.context("c1")
    builder.fact("price")
    builder.event("placed")
    with pytest.raises(ModelError, match="owns relation ends at a fact"), builder.model.transaction("x"):
        builder.model.add_relation(Owns(id="o1", source="c1", target="placed"))
    with pytest.raises(ModelError, match="not in the model"), builder.model.transaction("x"):
        builder.model.add_relation(Owns(id="o1", source="nobody", target="price"))
    with pytest.raises(ModelError, match="two different elements"), builder.model.transaction("x"):
        builder.model.add_relation(Flow(id="f", source="c1", target="c1"))


def test_a_service_belongs_to_one_context(builder: Builder) -> None:
    builder.context("c1")
    builder.context("c2")
    builder.service("s")
    builder.contains("c1", "s")
    with pytest.raises(ModelError, match="already belongs"), builder.model.transaction("x"):
        builder.model.add_relation(Contains(id="k2", source="c2", target="s"))
    assert builder.model.container_of("s") == "c1"


def test_flow_references_must_name_elements_of_the_right_kind(builder: Builder) -> None:
    builder.context("a")
    builder.context("b")
    builder.fact("price")
    with pytest.raises(ModelError, match="event must name a event"), builder.model.transaction("x"):
        builder.model.add_relation(Flow(id="f", source="a", target="b", style=FlowStyle.EVENT, event="price"))
    with pytest.raises(ModelError, match="not in the model"), builder.model.transaction("x"):
        builder.model.add_relation(Flow(id="f", source="a", target="b", carries=["ghost"]))


def test_update_validates_the_whole_new_value(builder: Builder) -> None:
    builder.context("a")
    builder.context("b")
    builder.flow("a", "b", "f", style="event")
    with pytest.raises(ModelError, match="never synchronous"), builder.model.transaction("x"):
        builder.model.update_relation("f", synchronous=True)
    with pytest.raises(ModelError, match="ISO 8601"), builder.model.transaction("x"):
        builder.model.add_element(Event(id="e", name="E"))
        builder.model.update_element("e", retention="seven days")
    assert builder.model.find_element("e") is None
    with builder.model.transaction("ok"):
        builder.model.update_relation("f", style=FlowStyle.COMMAND, synchronous=False)
    assert builder.model.relation("f").is_asynchronous  # type: ignore[attr-defined]


def test_removing_an_element_cascades_to_relations_references_and_views(builder: Builder) -> None:
    model = builder.model
    builder.context("a")
    builder.context("b")
    builder.fact("price")
    builder.owns("a", "price", "o")
    builder.flow("a", "b", "f", style="query", carries=["price"])
    with model.transaction("view"):
        model.add_view(ViewInfo(id="v", name="Map"))
        model.place("v", "a", Bounds(x=0, y=0))
        model.place("v", "price", Bounds(x=200, y=0))
        model.route("v", "o", Route(bends=[Point(x=100, y=40)]))
    with model.transaction("Delete price"):
        model.remove_element("price")
    assert model.find_relation("o") is None
    assert model.relation("f").carries == []  # type: ignore[attr-defined]
    assert set(model.layouts("v")) == {"a"}
    assert model.referrers("price") == []
    assert model.incident("price") == []


def test_remove_from_view_is_not_delete_from_model(builder: Builder) -> None:
    model = builder.model
    builder.context("a")
    builder.context("b")
    builder.flow("a", "b", "f")
    seen: list[Committed] = []
    model.subscribe(seen.append)
    with model.transaction("view"):
        model.add_view(ViewInfo(id="v", name="Map"))
        model.place("v", "a", Bounds(x=0, y=0))
        model.place("v", "b", Bounds(x=300, y=0))
        model.route("v", "f")
    with model.transaction("Remove a from view"):
        model.unplace("v", "a")
    assert model.find_element("a") is not None
    assert model.find_relation("f") is not None
    assert set(model.layouts("v")) == {"b"}
    removed = [c.item for c in seen[-1].changes if isinstance(c, LayoutChange)]
    assert removed == ["f", "a"]


def test_indexes_follow_every_change(builder: Builder) -> None:
    model = builder.model
    builder.context("a")
    builder.service("s")
    builder.contains("a", "s", "k")
    assert [r.id for r in model.outgoing("a", RelationKind.CONTAINS)] == ["k"]
    assert [r.id for r in model.incoming("s", RelationKind.CONTAINS)] == ["k"]
    assert model.container_of("s") == "a"
    with model.transaction("Delete a"):
        model.remove_element("a")
    assert model.container_of("s") is None
    assert model.incident("s") == []
    assert model.relations() == []


def test_elements_are_frozen_values() -> None:
    fact = Fact(id="f", name="Price")
    with pytest.raises(Exception, match="frozen"):
        fact.name = "Other"  # type: ignore[misc]


def test_ids_must_be_valid_xml_identifiers() -> None:
    with pytest.raises(Exception, match="pattern"):
        Context(id="1 bad id", name="x")
    Service(id="EAID_12AB.x-y", name="fine")


def _runtime_imports_of_state(path: Path) -> bool:
    """Whether the module imports model.state outside an ``if TYPE_CHECKING:`` block."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(node) for block in ast.walk(tree)
        if isinstance(block, ast.If) and isinstance(block.test, ast.Name) and block.test.id == "TYPE_CHECKING"
        for statement in block.body for node in ast.walk(statement)
    }
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and (node.module == "model.state" or (
            node.module == "model" and any(alias.name == "state" for alias in node.names)
        )):
            return True
        if isinstance(node, ast.Import) and any(alias.name == "model.state" for alias in node.names):
            return True
    return False


def test_only_the_store_holds_the_state_that_apply_changes() -> None:
    """The module boundary behind "apply is the only mutation and only transactions call it"."""
    sources = [path for package in ("model", "exporters", "app", "bench") for path in (REPO / package).rglob("*.py")]
    importers = sorted(str(path.relative_to(REPO)) for path in sources if _runtime_imports_of_state(path))
    assert importers == ["model/store.py"]
    assert not hasattr(Model(), "apply")
