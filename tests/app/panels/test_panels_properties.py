"""The property editor: a form for every attribute, each change one undo step, refusals explained."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot

from app.document.controller import Document
from app.document.selection import Selection
from app.panels.editors import DateEditor, DurationEditor, ListEditor, TextEditor
from app.panels.properties import PropertyEditor
from app.panels.reference_editors import ReferenceEditor, ReferenceListEditor
from model.elements import ELEMENT_CLASSES, Acl, System
from model.relations import RELATION_CLASSES, Flow
from model.vocabulary import DecisionStatus, ElementKind, FlowStyle, Lifecycle


@pytest.fixture
def editor(qtbot: QtBot, document: Document, selection: Selection) -> PropertyEditor:
    widget = PropertyEditor(document, selection)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def line(editor: PropertyEditor, name: str) -> QLineEdit:
    widget = editor.editor(name).widget
    assert isinstance(widget, QLineEdit)
    return widget


def combo(editor: PropertyEditor, name: str) -> QComboBox:
    widget = editor.editor(name).widget
    assert isinstance(widget, QComboBox)
    return widget


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def choose(box: QComboBox, text: str) -> None:
    index = box.findText(text)
    assert index >= 0, f"{text!r} not in {[box.itemText(i) for i in range(box.count())]}"
    box.setCurrentIndex(index)


def flow(document: Document, flow_id: str) -> Flow:
    relation = document.model.relation(flow_id)
    assert isinstance(relation, Flow)
    return relation


def test_the_form_covers_every_attribute_of_every_kind(editor: PropertyEditor, document: Document,
                                                       selection: Selection) -> None:
    with document.edit("Add the kinds the template lacks") as model:
        model.add_element(System(id="sys-erp", name="ERP", legacy=True))
        model.add_element(Acl(id="acl-erp", name="ERP translator"))
    model = document.model
    for kind, cls in ELEMENT_CLASSES.items():
        selection.set([model.elements(kind)[0].id])
        assert set(editor.editors) == set(cls.model_fields), kind
    for rkind, rcls in RELATION_CLASSES.items():
        selection.set([model.relations(rkind)[0].id])
        assert set(editor.editors) == set(rcls.model_fields), rkind
    selection.set(["evt-order-placed"])
    assert isinstance(editor.editor("retention"), DurationEditor)
    assert isinstance(editor.editor("description"), TextEditor)
    assert isinstance(editor.editor("tags"), ListEditor)
    assert isinstance(editor.editor("properties").widget, QTableWidget)
    assert isinstance(editor.editor("personal_data").widget, QCheckBox)
    assert combo(editor, "compatibility").itemText(0) == "(unset)"
    assert line(editor, "id").isReadOnly()
    selection.set(["topic-ordering-orders"])
    assert isinstance(editor.editor("partitions").widget, QSpinBox)
    selection.set(["dec-kafka-integration"])
    assert isinstance(editor.editor("date"), DateEditor)
    assert isinstance(editor.editor("supersedes"), ReferenceListEditor)
    assert isinstance(editor.editor("problem"), TextEditor)
    selection.set(["rec-order-to-cash"])
    assert isinstance(editor.editor("authoritative_source"), ReferenceEditor)
    assert "Ordering" in [combo(editor, "authoritative_source").itemText(i)
                          for i in range(combo(editor, "authoritative_source").count())]


def test_nothing_selected_edits_the_model_settings(qtbot: QtBot, editor: PropertyEditor, document: Document) -> None:
    assert set(editor.editors) == {"name", "description", "language"}
    type_into(qtbot, line(editor, "name"), "Retail 2025")
    assert document.model.settings.name == "Retail 2025"
    assert document.undo_stack.undoText() == "Change name"
    document.undo_stack.undo()
    assert line(editor, "name").text() == "Retail estate"


def test_several_selected_shows_their_count(editor: PropertyEditor, selection: Selection) -> None:
    selection.set(["ctx-ordering", "ctx-billing", "fact-order"])
    assert editor.header.text() == "3 items selected"
    assert editor.editors == {}


def test_a_context_name_and_lifecycle_are_undo_steps(qtbot: QtBot, editor: PropertyEditor, document: Document,
                                                      selection: Selection) -> None:
    selection.set(["ctx-ordering"])
    type_into(qtbot, line(editor, "name"), "Orders")
    assert document.model.element("ctx-ordering").name == "Orders"
    assert document.undo_stack.count() == 1 and document.undo_stack.undoText() == "Change name"
    choose(combo(editor, "lifecycle"), "coexisting")
    assert document.model.element("ctx-ordering").lifecycle is Lifecycle.COEXISTING  # type: ignore[attr-defined]
    assert document.undo_stack.count() == 2 and document.undo_stack.undoText() == "Change lifecycle"
    document.undo_stack.undo()
    assert combo(editor, "lifecycle").currentText() == "target"
    document.undo_stack.undo()
    assert line(editor, "name").text() == "Ordering"
    assert editor.header.text() == "context: Ordering"


def test_a_flow_style_and_synchronous_flag(editor: PropertyEditor, document: Document, selection: Selection) -> None:
    selection.set(["flow-ordering-customer-credit"])
    choose(combo(editor, "style"), "command")
    assert flow(document, "flow-ordering-customer-credit").style is FlowStyle.COMMAND
    choose(combo(editor, "synchronous"), "no")
    assert flow(document, "flow-ordering-customer-credit").synchronous is False
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert combo(editor, "synchronous").currentText() == "(unset)"
    document.undo_stack.undo()
    assert combo(editor, "style").currentText() == "query"


def test_an_event_flow_cannot_be_made_synchronous(editor: PropertyEditor, document: Document,
                                                   selection: Selection) -> None:
    selection.set(["flow-catalog-pricing-products"])
    before = document.model.relation("flow-catalog-pricing-products")
    choose(combo(editor, "synchronous"), "yes")
    assert editor.problem_text == "synchronous not changed: an event flow is never synchronous"
    assert document.model.relation("flow-catalog-pricing-products") == before
    assert document.undo_stack.count() == 0
    assert combo(editor, "synchronous").currentText() == "(unset)"
    assert flow(document, "flow-catalog-pricing-products").dead_letter != "escalate"
    choose(combo(editor, "dead_letter"), "escalate")
    assert flow(document, "flow-catalog-pricing-products").dead_letter == "escalate"
    assert editor.problem_text == ""


def test_changing_a_style_drops_a_synchrony_it_cannot_have(editor: PropertyEditor, document: Document,
                                                           selection: Selection) -> None:
    selection.set(["flow-ordering-fulfillment-cancel"])  # an asynchronous command
    choose(combo(editor, "style"), "query")
    changed = flow(document, "flow-ordering-fulfillment-cancel")
    assert (changed.style, changed.synchronous) == (FlowStyle.QUERY, None)
    assert document.undo_stack.count() == 1


def test_an_event_retention_is_committed_only_when_valid(qtbot: QtBot, editor: PropertyEditor, document: Document,
                                                         selection: Selection) -> None:
    selection.set(["evt-product-published"])
    retention = line(editor, "retention")
    type_into(qtbot, retention, "seven days")
    assert "is not an ISO 8601 duration" in retention.toolTip()
    assert "border" in retention.styleSheet()
    assert editor.editor("retention").problem is not None
    assert document.model.element("evt-product-published").retention is None  # type: ignore[attr-defined]
    assert document.undo_stack.count() == 0
    type_into(qtbot, retention, "P7D")
    assert retention.styleSheet() == "" and editor.editor("retention").problem is None
    assert document.model.element("evt-product-published").retention == "P7D"  # type: ignore[attr-defined]
    assert document.undo_stack.count() == 1 and document.undo_stack.undoText() == "Change retention"
    document.undo_stack.undo()
    assert retention.text() == ""


def test_a_flow_carries_facts_ticked_by_name(editor: PropertyEditor, document: Document, selection: Selection) -> None:
    selection.set(["flow-ordering-lines-history"])
    carries = editor.editor("carries")
    assert isinstance(carries, ReferenceListEditor)
    item = carries.item("fact-order")
    assert item.text() == "Order" and item.checkState() == Qt.CheckState.Unchecked
    item.setCheckState(Qt.CheckState.Checked)
    assert flow(document, "flow-ordering-lines-history").carries == ["fact-order"]
    carries.item("fact-invoice").setCheckState(Qt.CheckState.Checked)
    assert flow(document, "flow-ordering-lines-history").carries == ["fact-order", "fact-invoice"]
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert carries.item("fact-invoice").checkState() == Qt.CheckState.Unchecked
    assert carries.item("fact-order").checkState() == Qt.CheckState.Checked


def test_a_fact_personal_data_flag(qtbot: QtBot, editor: PropertyEditor, document: Document,
                                   selection: Selection) -> None:
    selection.set(["fact-order"])
    box = editor.editor("personal_data").widget
    assert isinstance(box, QCheckBox)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert document.model.element("fact-order").personal_data is True  # type: ignore[attr-defined]
    assert document.undo_stack.undoText() == "Change personal data"
    document.undo_stack.undo()
    assert not box.isChecked()


def test_references_tags_properties_and_dates(qtbot: QtBot, editor: PropertyEditor, document: Document,
                                              selection: Selection) -> None:
    selection.set(["flow-ordering-lines-history"])
    choose(combo(editor, "event"), "OrderPlaced")
    assert flow(document, "flow-ordering-lines-history").event == "evt-order-placed"
    choose(combo(editor, "event"), "(none)")
    assert flow(document, "flow-ordering-lines-history").event is None
    selection.set(["ctx-billing"])
    type_into(qtbot, line(editor, "tags"), "finance,  core ,")
    assert document.model.element("ctx-billing").tags == ["finance", "core"]
    table = editor.editor("properties").widget
    assert isinstance(table, QTableWidget)
    table.setItem(0, 0, QTableWidgetItem("owner"))
    assert document.model.element("ctx-billing").properties == {"owner": ""}
    table.setItem(0, 1, QTableWidgetItem("finance"))
    assert document.model.element("ctx-billing").properties == {"owner": "finance"}
    selection.set(["dec-kafka-integration"])
    date = editor.editor("date")
    assert isinstance(date, DateEditor)
    date.set_box.setChecked(not date.set_box.isChecked())
    expected = None if not date.set_box.isChecked() else datetime.date.today()
    assert document.model.element("dec-kafka-integration").date == expected  # type: ignore[attr-defined]


def test_external_changes_refresh_the_form(editor: PropertyEditor, document: Document, selection: Selection) -> None:
    selection.set(["flow-ordering-lines-history"])
    with document.edit("Rename fact") as model:
        model.update_element("fact-order", name="Customer order")
    carries = editor.editor("carries")
    assert isinstance(carries, ReferenceListEditor)
    assert carries.item("fact-order").text() == "Customer order"
    with document.edit("Delete the flow") as model:
        model.remove_relation("flow-ordering-lines-history")
    assert set(editor.editors) == {"name", "description", "language"}


def test_accepting_a_decision(editor: PropertyEditor, document: Document, selection: Selection) -> None:
    selection.set(["dec-kafka-integration"])
    choose(combo(editor, "status"), "deprecated")
    assert document.model.element("dec-kafka-integration").status is DecisionStatus.DEPRECATED  # type: ignore[attr-defined]
    assert editor.editors["name"].field.label == "title"


def test_prose_is_committed_when_done(qtbot: QtBot, editor: PropertyEditor, document: Document,
                                      selection: Selection) -> None:
    selection.set(["inv-order-total"])
    statement = editor.editor("statement")
    assert isinstance(statement, TextEditor)
    statement.text.setFocus()
    statement.text.selectAll()
    qtbot.keyClicks(statement.text, "Total = sum of lines")
    assert document.undo_stack.count() == 0  # not while typing
    qtbot.keyClick(statement.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert document.model.element("inv-order-total").statement == "Total = sum of lines"  # type: ignore[attr-defined]
    assert document.undo_stack.count() == 1 and document.undo_stack.undoText() == "Change statement"


def test_a_relation_end_is_chosen_among_the_allowed_kinds(editor: PropertyEditor, document: Document,
                                                          selection: Selection) -> None:
    selection.set(["owns-catalog-product-price"])
    source = combo(editor, "source")
    assert sorted(source.itemText(i) for i in range(source.count())) == sorted(
        e.name for e in document.model.elements(ElementKind.CONTEXT))
    choose(source, "Ordering")
    assert document.model.relation("owns-catalog-product-price").source == "ctx-ordering"
    assert editor.header.text() == "owns: Ordering → Product price"


def test_a_decision_cannot_be_offered_to_supersede_itself(editor: PropertyEditor, selection: Selection) -> None:
    selection.set(["dec-kafka-integration"])
    supersedes = editor.editor("supersedes")
    assert isinstance(supersedes, ReferenceListEditor)
    assert supersedes.listing.count() == 0
