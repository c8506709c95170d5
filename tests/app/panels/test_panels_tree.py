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


def group_ids(tree: ModelTree, kind: ElementKind | RelationKind) -> set[str]:
    group = tree.groups[kind]
    return {group.child(row).data(ID_ROLE) for row in range(group.rowCount())}


def visible_ids(tree: ModelTree, parent: QModelIndex | None = None) -> set[str]:
    parent = parent or QModelIndex()
    found: set[str] = set()
    for row in range(tree.proxy.rowCount(parent)):
        index = tree.proxy.index(row, 0, parent)
        item_id = tree.proxy.data(index, ID_ROLE)
        found.update({item_id} if item_id else visible_ids(tree, index))
    return found


def proxy_index(tree: ModelTree, item_id: str) -> QModelIndex:
    index = tree.proxy.mapFromSource(tree.rows[item_id].index())
    tree.view.expand(index.parent().parent())
    tree.view.expand(index.parent())
    tree.view.scrollTo(index)
    return index


def test_every_element_and_relation_is_listed_by_kind(tree: ModelTree, document: Document) -> None:
    model = document.model
    for kind in ElementKind:
        assert group_ids(tree, kind) == {e.id for e in model.elements(kind)}, kind
    for rkind in RelationKind:
        assert group_ids(tree, rkind) == {r.id for r in model.relations(rkind)}, rkind
    assert tree.groups[ElementKind.CONTEXT].text() == "Contexts (6)"
    assert tree.groups[RelationKind.FLOW].text() == "flow (16)"
    assert tree.relations_node.text() == f"Relations ({len(model.relations())})"
    assert tree.rows["ctx-ordering"].text() == "Ordering"
    assert tree.rows["owns-pricing-product-price"].text() == "Pricing → Product price"


def test_search_filters_by_name_or_id_ignoring_case(tree: ModelTree) -> None:
    tree.search.setText("PRIC")
    shown = visible_ids(tree)
    assert {"ctx-pricing", "fact-product-price", "evt-price-changed", "svc-price-engine"} <= shown
    assert "ctx-ordering" not in shown and "team-catalog" not in shown
    assert tree.groups[ElementKind.CONTEXT].text() == "Contexts (1 of 6)"
    tree.search.setText("svc-check")
    assert visible_ids(tree) == {"svc-checkout"}
    tree.search.setText("")
    assert len(visible_ids(tree)) == len(tree.rows)


def test_the_shared_selection_selects_rows_and_back(qtbot: QtBot, tree: ModelTree, selection: Selection) -> None:
    selection.set(["ctx-ordering", "fact-order"])
    assert set(tree.selected_ids()) == {"ctx-ordering", "fact-order"}
    index = proxy_index(tree, "evt-order-placed")
    qtbot.mouseClick(tree.view.viewport(), Qt.MouseButton.LeftButton, pos=tree.view.visualRect(index).center())
    assert selection.ids == ["evt-order-placed"]
    selection.clear()
    assert tree.selected_ids() == []


def test_double_click_reveals_the_row(qtbot: QtBot, tree: ModelTree) -> None:
    index = proxy_index(tree, "ctx-billing")
    center = tree.view.visualRect(index).center()
    with qtbot.waitSignal(tree.reveal) as signal:  # a real double click starts with a click; QTest's does not
        qtbot.mouseClick(tree.view.viewport(), Qt.MouseButton.LeftButton, pos=center)
        qtbot.mouseDClick(tree.view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert signal.args == [["ctx-billing"]]


def test_edits_add_rename_and_remove_rows_without_a_rebuild(tree: ModelTree, document: Document) -> None:
    source, ordering_row = tree.proxy.sourceModel(), tree.rows["ctx-ordering"]
    with document.edit("Add Returns") as model:
        model.add_element(Context(id="ctx-returns", name="Returns"))
        model.add_element(Fact(id="fact-return", name="Return"))
        model.add_relation(Owns(id="owns-returns-return", source="ctx-returns", target="fact-return"))
    assert "ctx-returns" in group_ids(tree, ElementKind.CONTEXT)
    assert tree.groups[ElementKind.CONTEXT].text() == "Contexts (7)"
    assert tree.rows["owns-returns-return"].text() == "Returns → Return"

    with document.edit("Rename") as model:
        model.update_element("ctx-returns", name="Refunds")
    assert tree.rows["ctx-returns"].text() == "Refunds"
    assert tree.rows["owns-returns-return"].text() == "Refunds → Return"
    tree.search.setText("refund")
    assert visible_ids(tree) == {"ctx-returns", "owns-returns-return"}
    tree.search.setText("")

    with document.edit("Delete") as model:
        model.remove_element("ctx-returns")
    assert "ctx-returns" not in tree.rows and "owns-returns-return" not in tree.rows
    assert tree.groups[ElementKind.CONTEXT].text() == "Contexts (6)"
    document.undo_stack.undo()
    assert tree.rows["ctx-returns"].text() == "Refunds"
    assert tree.proxy.sourceModel() is source and tree.rows["ctx-ordering"] is ordering_row


def test_a_deleted_selected_element_leaves_the_selection(tree: ModelTree, document: Document,
                                                         selection: Selection) -> None:
    selection.set(["ctx-ordering", "fact-order"])
    with document.edit("Delete") as model:
        model.remove_element("fact-order")
    assert selection.ids == ["ctx-ordering"]
    assert tree.selected_ids() == ["ctx-ordering"]


def test_a_large_transaction_rebuilds_once(tree: ModelTree, document: Document) -> None:
    source = tree.proxy.sourceModel()
    with document.edit("Paste many") as model:
        for number in range(REBUILD_THRESHOLD + 1):
            model.add_element(Fact(id=f"fact-bulk-{number}", name=f"Bulk {number}"))
    assert tree.proxy.sourceModel() is not source
    assert len(group_ids(tree, ElementKind.FACT)) == 7 + REBUILD_THRESHOLD + 1
    assert tree.groups[ElementKind.FACT].text() == f"Facts ({7 + REBUILD_THRESHOLD + 1})"


def test_enter_reveals_the_selected_rows(qtbot: QtBot, tree: ModelTree, selection: Selection) -> None:
    selection.set(["ctx-ordering", "ctx-billing"])
    tree.view.setFocus()
    with qtbot.waitSignal(tree.reveal) as signal:
        qtbot.keyClick(tree.view, Qt.Key.Key_Return)
    assert sorted(signal.args[0]) == ["ctx-billing", "ctx-ordering"]
