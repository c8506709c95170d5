"""The model tree lists the model by kind, searches it, shares the selection and follows edits row by row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from app.document.controller import Document
from app.document.selection import Selection
from app.panels.model_tree import ID_ROLE, REBUILD_THRESHOLD, ModelTree
from model.elements import Context, Fact
from model.relations import Owns
from model.vocabulary import ElementKind, RelationKind


@pytest.fixture
def tree(qtbot: QtBot, document: Document, selection: Selection) -> ModelTree:
    widget = ModelTree(document, selection)
    qtbot.addWidget(widget)
    widget.resize(320, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def group_ids(tree: ModelTree, kind: ElementKind | RelationKind) -> list[str]:
    rows, group = tree.rows, tree.rows.group_index(kind)
    return [rows.data(rows.index(row, 0, group), ID_ROLE) for row in range(rows.rowCount(group))]


def group_text(tree: ModelTree, kind: ElementKind | RelationKind) -> str:
    return str(tree.rows.data(tree.rows.group_index(kind)))


def row_text(tree: ModelTree, item_id: str) -> str:
    return str(tree.rows.data(tree.rows.index_of(item_id)))


def all_ids(tree: ModelTree) -> set[str]:
    return {e.id for e in tree.document.model.elements()} | {r.id for r in tree.document.model.relations()}


def visible_ids(tree: ModelTree, parent: QModelIndex | None = None) -> set[str]:
    parent = parent or QModelIndex()
    found: set[str] = set()
    for row in range(tree.rows.rowCount(parent)):
        index = tree.rows.index(row, 0, parent)
        item_id = tree.rows.data(index, ID_ROLE)
        found.update({item_id} if item_id else visible_ids(tree, index))
    return found


def shown_index(tree: ModelTree, item_id: str) -> QModelIndex:
    index = tree.rows.index_of(item_id)
    tree.view.expand(index.parent().parent())
    tree.view.expand(index.parent())
    tree.view.scrollTo(index)
    return index


def resets(tree: ModelTree) -> list[None]:
    seen: list[None] = []
    tree.rows.modelReset.connect(lambda: seen.append(None))
    return seen


def test_every_element_and_relation_is_listed_by_kind(tree: ModelTree, document: Document) -> None:
    model = document.model
    for kind in ElementKind:
        assert set(group_ids(tree, kind)) == {e.id for e in model.elements(kind)}, kind
    for rkind in RelationKind:
        assert set(group_ids(tree, rkind)) == {r.id for r in model.relations(rkind)}, rkind
    assert group_text(tree, ElementKind.CONTEXT) == "Contexts (6)"
    assert group_text(tree, RelationKind.FLOW) == "flow (16)"
    assert tree.rows.data(tree.rows.relations_index()) == f"Relations ({len(model.relations())})"
    assert row_text(tree, "ctx-ordering") == "Ordering"
    assert row_text(tree, "owns-pricing-product-price") == "Pricing → Product price"


def test_rows_are_sorted_by_label_and_stay_sorted_through_edits(tree: ModelTree, document: Document) -> None:
    def labels() -> list[str]:
        return [tree.rows.label(i) for i in group_ids(tree, ElementKind.CONTEXT)]

    assert labels() == sorted(labels(), key=str.casefold)
    with document.edit("Rename") as model:
        model.update_element("ctx-ordering", name="Aardvark ordering")
    assert labels()[0] == "Aardvark ordering" and labels() == sorted(labels(), key=str.casefold)


def test_a_group_is_read_when_it_is_expanded(qtbot: QtBot, document: Document, selection: Selection) -> None:
    """Nothing but the ids is read until a group is shown expanded: a huge estate opens at once."""
    widget = ModelTree(document, selection)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    assert all(group.rows is None for group in widget.rows.groups.values())
    widget.view.expand(widget.rows.group_index(ElementKind.CONTEXT))
    qtbot.waitUntil(lambda: widget.rows.groups[ElementKind.CONTEXT].rows is not None)
    assert widget.rows.groups[ElementKind.CONTEXT].rows is not None
    assert widget.rows.groups[ElementKind.FACT].rows is None


def test_search_filters_by_name_or_id_ignoring_case(tree: ModelTree) -> None:
    tree.search.setText("PRIC")
    shown = visible_ids(tree)
    assert {"ctx-pricing", "fact-product-price", "evt-price-changed", "svc-price-engine"} <= shown
    assert "ctx-ordering" not in shown and "team-catalog" not in shown
    assert group_text(tree, ElementKind.CONTEXT) == "Contexts (1 of 6)"
    tree.search.setText("svc-check")
    assert visible_ids(tree) == {"svc-checkout"}
    tree.search.setText("")
    assert visible_ids(tree) == all_ids(tree)


def test_the_shared_selection_selects_rows_and_back(qtbot: QtBot, tree: ModelTree, selection: Selection) -> None:
    selection.set(["ctx-ordering", "fact-order"])
    assert set(tree.selected_ids()) == {"ctx-ordering", "fact-order"}
    index = shown_index(tree, "evt-order-placed")
    qtbot.mouseClick(tree.view.viewport(), Qt.MouseButton.LeftButton, pos=tree.view.visualRect(index).center())
    assert selection.ids == ["evt-order-placed"]
    selection.clear()
    assert tree.selected_ids() == []


def test_double_click_reveals_the_row(qtbot: QtBot, tree: ModelTree) -> None:
    index = shown_index(tree, "ctx-billing")
    center = tree.view.visualRect(index).center()
    with qtbot.waitSignal(tree.reveal) as signal:  # a real double click starts with a click; QTest's does not
        qtbot.mouseClick(tree.view.viewport(), Qt.MouseButton.LeftButton, pos=center)
        qtbot.mouseDClick(tree.view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert signal.args == [["ctx-billing"]]


def test_edits_add_rename_and_remove_rows_without_a_rebuild(tree: ModelTree, document: Document) -> None:
    reset = resets(tree)
    with document.edit("Add Returns") as model:
        model.add_element(Context(id="ctx-returns", name="Returns"))
        model.add_element(Fact(id="fact-return", name="Return"))
        model.add_relation(Owns(id="owns-returns-return", source="ctx-returns", target="fact-return"))
    assert "ctx-returns" in group_ids(tree, ElementKind.CONTEXT)
    assert group_text(tree, ElementKind.CONTEXT) == "Contexts (7)"
    assert row_text(tree, "owns-returns-return") == "Returns → Return"

    with document.edit("Rename") as model:
        model.update_element("ctx-returns", name="Refunds")
    assert row_text(tree, "ctx-returns") == "Refunds"
    assert row_text(tree, "owns-returns-return") == "Refunds → Return"
    tree.search.setText("refund")
    assert visible_ids(tree) == {"ctx-returns", "owns-returns-return"}
    tree.search.setText("")
    reset.clear()  # searching resets; edits do not

    with document.edit("Delete") as model:
        model.remove_element("ctx-returns")
    assert "ctx-returns" not in visible_ids(tree) and "owns-returns-return" not in visible_ids(tree)
    assert group_text(tree, ElementKind.CONTEXT) == "Contexts (6)"
    document.undo_stack.undo()
    assert row_text(tree, "ctx-returns") == "Refunds"
    assert reset == []


def test_a_deleted_selected_element_leaves_the_selection(tree: ModelTree, document: Document,
                                                         selection: Selection) -> None:
    selection.set(["ctx-ordering", "fact-order"])
    with document.edit("Delete") as model:
        model.remove_element("fact-order")
    assert selection.ids == ["ctx-ordering"]
    assert tree.selected_ids() == ["ctx-ordering"]


def test_a_large_transaction_rebuilds_once(tree: ModelTree, document: Document) -> None:
    reset = resets(tree)
    with document.edit("Paste many") as model:
        for number in range(REBUILD_THRESHOLD + 1):
            model.add_element(Fact(id=f"fact-bulk-{number}", name=f"Bulk {number}"))
    assert len(reset) == 1
    assert len(group_ids(tree, ElementKind.FACT)) == 7 + REBUILD_THRESHOLD + 1
    assert group_text(tree, ElementKind.FACT) == f"Facts ({7 + REBUILD_THRESHOLD + 1})"


def test_enter_reveals_the_selected_rows(qtbot: QtBot, tree: ModelTree, selection: Selection) -> None:
    selection.set(["ctx-ordering", "ctx-billing"])
    tree.view.setFocus()
    with qtbot.waitSignal(tree.reveal) as signal:
        qtbot.keyClick(tree.view, Qt.Key.Key_Return)
    assert sorted(signal.args[0]) == ["ctx-billing", "ctx-ordering"]
