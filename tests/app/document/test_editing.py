"""The editing commands: each one undo step, each refusal readable; the keyboard reaches them on the canvas."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app.canvas.scene import DiagramScene
from app.canvas.tool_state import ToolState
from app.canvas.view import DiagramView
from app.document import clipboard, editing
from app.document.controller import Document
from app.document.editing import Edge, Refused
from app.document.selection import Selection
from model.elements import Decision, Note
from model.relations import Flow
from model.views import Bounds, Point, Route
from model.vocabulary import ElementKind, FlowStyle, RelationKind

VIEW = "view-main"
K, R = ElementKind, RelationKind


@pytest.fixture
def doc(blank_document: Document) -> Document:
    return blank_document


@pytest.fixture
def view(qtbot: QtBot, doc: Document, selection: Selection) -> Iterator[DiagramView]:
    widget = DiagramView(DiagramScene(doc, VIEW, selection), ToolState())
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.centerOn(QPointF(300, 200))
    yield widget
    widget.diagram.detach()


def add(doc: Document, kind: ElementKind, x: float, y: float, name: str, *,
        size: tuple[float, float] = (160, 80)) -> str:
    return editing.create_element(doc, VIEW, kind, Bounds(x=x, y=y, w=size[0], h=size[1]), name)


def steps(doc: Document) -> int:
    return doc.undo_stack.count()


def snapshot(doc: Document) -> tuple[object, ...]:
    model = doc.model
    return tuple(model.elements()), tuple(model.relations()), tuple(sorted(model.layouts(VIEW).items()))


# ------------------------------------------------------------------ creating

def test_new_elements_get_numbered_names_and_one_step_each(doc: Document) -> None:
    first = editing.create_element(doc, VIEW, K.CONTEXT, Bounds(x=0, y=0))
    second = editing.create_element(doc, VIEW, K.CONTEXT, Bounds(x=300, y=0))
    assert [doc.model.element(i).name for i in (first, second)] == ["Context 1", "Context 2"]
    assert first.startswith("ctx-") and steps(doc) == 2 and doc.undo_stack.text(1) == "Add context"


def test_an_acl_drawn_in_the_smallest_of_two_contexts_belongs_to_it(doc: Document) -> None:
    outer = add(doc, K.CONTEXT, 0, 0, "Outer", size=(600, 400))
    inner = add(doc, K.CONTEXT, 40, 40, "Inner", size=(300, 200))
    acl = add(doc, K.ACL, 60, 100, "Legacy ACL")
    assert doc.model.container_of(acl) == inner != outer
    assert add(doc, K.FACT, 60, 100, "Price") not in {r.target for r in doc.model.relations()}


# --------------------------------------------------------------- connecting

def test_relation_choices_put_the_likeliest_first(doc: Document) -> None:
    pricing = add(doc, K.CONTEXT, 0, 0, "Pricing")
    catalog = add(doc, K.CONTEXT, 0, 200, "Catalog")
    price = add(doc, K.FACT, 300, 0, "Price")
    checkout = add(doc, K.SERVICE, 300, 200, "Checkout")
    assert editing.relation_choices(doc.model, pricing, price) == [R.OWNS, R.REPLICATES, R.WRITES]
    owns = editing.connect(doc, VIEW, pricing, price)
    assert doc.model.relation(owns).kind is R.OWNS
    assert editing.relation_choices(doc.model, catalog, price)[0] is R.REPLICATES
    assert editing.relation_choices(doc.model, pricing, price)[0] is R.WRITES  # the owner changes its fact
    assert editing.relation_choices(doc.model, pricing, checkout) == [R.FLOW, R.CONTAINS]
    assert doc.model.relation(editing.connect(doc, VIEW, catalog, price)).kind is R.REPLICATES


def test_connect_routes_the_relation_in_the_view_in_one_step(doc: Document) -> None:
    a, b = add(doc, K.CONTEXT, 0, 0, "Ordering"), add(doc, K.CONTEXT, 300, 0, "Billing")
    before = steps(doc)
    flow = editing.connect(doc, VIEW, a, b, style=FlowStyle.EVENT)
    relation = doc.model.relation(flow)
    assert isinstance(relation, Flow) and relation.style is FlowStyle.EVENT
    assert doc.model.layout(VIEW, flow) == Route() and steps(doc) == before + 1


@pytest.mark.parametrize(("source", "target", "kind", "reason"), [
    (K.FACT, K.CONTEXT, None,
     "Refused: a flow relation starts at an acl, a context, a service or a system, not at a fact"),
    (K.CONTEXT, K.EVENT, R.OWNS, "Refused: an owns relation ends at a fact, not at an event"),
    (K.NOTE, K.NOTE, None, "Refused: a note and a note take part in no relation"),
])
def test_a_refused_connection_says_why_and_changes_nothing(
        doc: Document, source: ElementKind, target: ElementKind, kind: RelationKind | None, reason: str) -> None:
    a, b = add(doc, source, 0, 0, "A"), add(doc, target, 300, 0, "B")
    before, count = snapshot(doc), steps(doc)
    with pytest.raises(Refused) as refused:
        editing.connect(doc, VIEW, a, b, kind)
    assert str(refused.value) == reason
    assert snapshot(doc) == before and steps(doc) == count


def test_a_verb_refusal_is_also_readable(doc: Document) -> None:
    ordering, billing = add(doc, K.CONTEXT, 0, 0, "Ordering", size=(400, 300)), add(doc, K.CONTEXT, 500, 0, "Billing")
    checkout = add(doc, K.SERVICE, 40, 40, "Checkout")
    with pytest.raises(Refused, match=r"^Refused: Checkout already belongs to another context$"):
        editing.connect(doc, VIEW, billing, checkout, R.CONTAINS)
    assert doc.model.container_of(checkout) == ordering


def test_link_selected_links_first_to_second_with_a_flow_of_the_style(doc: Document, selection: Selection) -> None:
    a, b = add(doc, K.CONTEXT, 0, 0, "Ordering"), add(doc, K.SYSTEM, 300, 0, "ERP")
    flow = editing.link_selected(doc, VIEW, [b, a], FlowStyle.COMMAND, selection)
    relation = doc.model.relation(flow)
    assert isinstance(relation, Flow) and (relation.source, relation.target, relation.style) == (b, a, "command")
    assert selection.ids == [flow]
    with pytest.raises(Refused, match="select exactly two elements"):
        editing.link_selected(doc, VIEW, [a], FlowStyle.QUERY)
    fact = add(doc, K.FACT, 0, 300, "Price")
    with pytest.raises(Refused, match="a flow relation ends at an acl, a context, a service or a system, not at a"):
        editing.link_selected(doc, VIEW, [a, fact], FlowStyle.QUERY)


def test_ctrl_l_links_the_selection_with_the_current_flow_style(qtbot: QtBot, view: DiagramView,
                                                                doc: Document) -> None:
    a, b = add(doc, K.CONTEXT, 0, 0, "Ordering"), add(doc, K.CONTEXT, 300, 0, "Pricing")
    view.tool_state.flow_style = FlowStyle.EVENT
    view.diagram.selection.set([a, b])
    qtbot.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    [flow] = doc.model.relations()
    assert isinstance(flow, Flow) and (flow.source, flow.target, flow.style) == (a, b, FlowStyle.EVENT)


# ----------------------------------------------------------------- changing

def test_rename_elements_relations_and_notes(doc: Document) -> None:
    a, b = add(doc, K.CONTEXT, 0, 0, "Ordering"), add(doc, K.CONTEXT, 300, 0, "Pricing")
    flow = editing.connect(doc, VIEW, a, b)
    editing.rename(doc, a, "  Checkout ")
    editing.rename(doc, flow, "quote")
    assert doc.model.element(a).name == "Checkout" and doc.model.relation(flow).name == "quote"
    count = steps(doc)
    editing.rename(doc, a, "Checkout")
    assert steps(doc) == count  # nothing changed, no step
    with doc.edit("Note") as model:
        model.add_element(Note(id="note-1", name="n", text="Ask finance"))
    assert editing.editable_text(doc.model, "note-1") == "Ask finance"
    editing.rename(doc, "note-1", "Ask finance about VAT")
    assert doc.model.element("note-1").text == "Ask finance about VAT"  # type: ignore[attr-defined]


def test_delete_from_model_is_not_remove_from_view(doc: Document) -> None:
    a, b = add(doc, K.CONTEXT, 0, 0, "Ordering"), add(doc, K.CONTEXT, 300, 0, "Pricing")
    flow = editing.connect(doc, VIEW, a, b)
    editing.remove_from_view(doc, VIEW, [a])
    assert doc.model.find_element(a) is not None and doc.model.find_relation(flow) is not None
    assert doc.model.layout(VIEW, a) is None and doc.model.layout(VIEW, flow) is None
    assert doc.undo_stack.text(steps(doc) - 1) == "Remove Ordering from view"
    doc.undo_stack.undo()
    editing.delete_from_model(doc, [a])
    assert doc.model.find_element(a) is None and doc.model.find_relation(flow) is None
    assert doc.model.layout(VIEW, b) is not None
    doc.undo_stack.undo()
    assert doc.model.find_relation(flow) is not None and doc.model.layout(VIEW, flow) == Route()
    with pytest.raises(Refused, match="select something"):
        editing.delete_from_model(doc, [])


def test_delete_key_deletes_and_shift_delete_removes_from_view(qtbot: QtBot, view: DiagramView,
                                                               doc: Document) -> None:
    a, b = add(doc, K.CONTEXT, 0, 0, "Ordering"), add(doc, K.CONTEXT, 300, 0, "Pricing")
    view.diagram.selection.set([a])
    qtbot.keyClick(view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    assert a not in view.diagram.elements and doc.model.find_element(a) is not None
    view.diagram.selection.set([b])
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert doc.model.find_element(b) is None and view.diagram.selection.ids == []


def test_alt_shift_arrows_align(qtbot: QtBot, view: DiagramView, doc: Document) -> None:
    a, b = add(doc, K.FACT, 0, 0, "Price"), add(doc, K.FACT, 300, 200, "Stock")
    view.diagram.selection.set([a, b])
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert doc.model.layout(VIEW, b) == Bounds(x=300, y=0)


def test_align_left_moves_boxes_and_their_contents_in_one_step(doc: Document) -> None:
    ordering = add(doc, K.CONTEXT, 100, 0, "Ordering", size=(400, 300))
    checkout = add(doc, K.SERVICE, 140, 60, "Checkout")
    pricing = add(doc, K.CONTEXT, 40, 400, "Pricing")
    count = steps(doc)
    editing.align(doc, VIEW, [ordering, pricing], Edge.LEFT)
    layout = doc.model.layout
    assert layout(VIEW, ordering) == Bounds(x=40, y=0, w=400, h=300)
    assert layout(VIEW, pricing) == Bounds(x=40, y=400)
    assert layout(VIEW, checkout) == Bounds(x=80, y=60)  # carried along inside its context
    assert steps(doc) == count + 1 and doc.undo_stack.text(count) == "Align left"
    with pytest.raises(Refused, match="two or more"):
        editing.align(doc, VIEW, [ordering], Edge.TOP)
    editing.align(doc, VIEW, [checkout, ordering], Edge.TOP)  # a selected child aligns on its own
    assert layout(VIEW, checkout) == Bounds(x=80, y=0) and layout(VIEW, ordering) == Bounds(x=40, y=0, w=400, h=300)


@pytest.mark.parametrize(("edge", "expected"), [
    (Edge.RIGHT, [(340, 0), (300, 200)]), (Edge.TOP, [(0, 0), (300, 0)]), (Edge.BOTTOM, [(0, 200), (300, 200)]),
    (Edge.CENTRE_HORIZONTAL, [(170, 0), (150, 200)]), (Edge.CENTRE_VERTICAL, [(0, 100), (300, 100)]),
])
def test_align_on_every_edge(doc: Document, edge: Edge, expected: list[tuple[float, float]]) -> None:
    a = add(doc, K.FACT, 0, 0, "A", size=(160, 80))
    b = add(doc, K.FACT, 300, 200, "B", size=(200, 80))
    editing.align(doc, VIEW, [a, b], edge)
    boxes = [doc.model.layout(VIEW, i) for i in (a, b)]
    assert [(box.x, box.y) for box in boxes if isinstance(box, Bounds)] == expected


# ------------------------------------------------------------ copy and paste

def _small_estate(doc: Document) -> tuple[str, str, str, str]:
    ordering = add(doc, K.CONTEXT, 0, 0, "Ordering", size=(400, 300))
    checkout = add(doc, K.SERVICE, 40, 60, "Checkout")
    pricing = add(doc, K.CONTEXT, 600, 0, "Pricing")
    flow = editing.connect(doc, VIEW, ordering, pricing)
    with doc.edit("Bend") as model:
        model.route(VIEW, flow, Route(bends=[Point(x=500, y=100)]))
    return ordering, checkout, pricing, flow


def test_copy_then_paste_makes_new_elements_with_their_relations(doc: Document, selection: Selection) -> None:
    ordering, checkout, pricing, flow = _small_estate(doc)
    text = clipboard.copy(doc, VIEW, [ordering, pricing])
    assert {e["name"] for e in json.loads(text)["elements"]} == {"Ordering", "Checkout", "Pricing"}
    count = steps(doc)
    pasted = clipboard.paste(doc, VIEW, text, (40, 40), selection)
    model = doc.model
    assert steps(doc) == count + 1 and selection.ids == pasted
    new_elements = [model.element(i) for i in pasted if model.find_element(i) is not None]
    assert sorted(e.name for e in new_elements) == ["Checkout", "Ordering", "Pricing"]
    assert not {e.id for e in new_elements} & {ordering, checkout, pricing}
    by_name = {e.name: e.id for e in new_elements}
    new_relations = [model.relation(i) for i in pasted if model.find_relation(i) is not None]
    assert {(r.kind, r.source, r.target) for r in new_relations} == {
        (R.FLOW, by_name["Ordering"], by_name["Pricing"]), (R.CONTAINS, by_name["Ordering"], by_name["Checkout"])}
    assert model.layout(VIEW, by_name["Ordering"]) == Bounds(x=40, y=40, w=400, h=300)
    new_flow = next(r.id for r in new_relations if r.kind is R.FLOW)
    assert model.layout(VIEW, new_flow) == Route(bends=[Point(x=540, y=140)])
    assert model.incoming(pricing, R.FLOW)[0].id == flow  # the originals are untouched
    doc.undo_stack.undo()
    assert all(model.find_element(i) is None and model.find_relation(i) is None for i in pasted)


def test_duplicate_is_one_step_and_keeps_references_among_the_copies(doc: Document, selection: Selection) -> None:
    with doc.edit("Decisions") as model:
        model.add_element(Decision(id="dec-old", name="Use REST"))
        model.add_element(Decision(id="dec-new", name="Use events", supersedes=["dec-old"]))
        model.place(VIEW, "dec-old", Bounds(x=0, y=0))
        model.place(VIEW, "dec-new", Bounds(x=300, y=0))
    count = steps(doc)
    copies = clipboard.duplicate(doc, VIEW, ["dec-old", "dec-new"], selection=selection)
    assert steps(doc) == count + 1 and doc.undo_stack.text(count) == "Duplicate"
    old_copy, new_copy = (doc.model.element(i) for i in copies)
    assert isinstance(new_copy, Decision) and new_copy.supersedes == [old_copy.id]
    alone = clipboard.duplicate(doc, VIEW, ["dec-new"])
    single = doc.model.element(alone[0])
    assert isinstance(single, Decision) and single.supersedes == ["dec-old"]  # the original still exists


def test_a_pasted_service_lands_in_the_context_under_it(doc: Document) -> None:
    ordering, checkout, _, _ = _small_estate(doc)
    [copy] = clipboard.duplicate(doc, VIEW, [checkout])
    assert doc.model.container_of(copy) == ordering


def test_pasting_something_else_is_refused(doc: Document) -> None:
    with pytest.raises(Refused, match="no Steelframe elements"):
        clipboard.paste(doc, VIEW, "hello")
    with pytest.raises(Refused, match="damaged"):
        clipboard.paste(doc, VIEW, json.dumps({"format": clipboard.CLIPBOARD_FORMAT, "elements": [{"kind": "x"}]}))
    with pytest.raises(Refused, match="shown in this view"):
        clipboard.copy(doc, VIEW, ["nothing"])


def test_keyboard_copy_paste_and_duplicate(qtbot: QtBot, view: DiagramView, doc: Document) -> None:
    ordering, _, pricing, _ = _small_estate(doc)
    view.diagram.selection.set([ordering, pricing])
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert json.loads(QGuiApplication.clipboard().text())["format"] == clipboard.CLIPBOARD_FORMAT
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    orderings = sorted(doc.model.layout(VIEW, e.id).x for e in doc.model.elements(K.CONTEXT)  # type: ignore[union-attr]
                       if e.name == "Ordering")
    assert orderings == [0, 40, 80]  # each paste a step further from the originals
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len([e for e in doc.model.elements() if e.name == "Ordering"]) == 4


def test_tab_names_a_box_next_to_the_selection_and_adds_it_in_one_step(qtbot: QtBot, view: DiagramView,
                                                                        doc: Document) -> None:
    ordering = add(doc, K.CONTEXT, 0, 0, "Ordering", size=(240, 160))
    view.diagram.selection.set([ordering])
    steps = doc.undo_stack.count()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert len(doc.model.elements()) == 1  # nothing exists before it has a name
    qtbot.keyClicks(view, "Pricing")
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # commit the name, name the next one
    pricing = next(e.id for e in doc.model.elements() if e.name == "Pricing")
    assert doc.undo_stack.count() == steps + 1 and doc.undo_stack.undoText() == "Add context"
    assert doc.model.layout(VIEW, pricing) == Bounds(x=280, y=0, w=240, h=160)
    qtbot.keyClicks(view, "Billing")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    billing = next(e for e in doc.model.elements() if e.name == "Billing")
    assert view.diagram.selection.ids == [billing.id] and doc.undo_stack.count() == steps + 2
    boxes = [doc.model.layout(VIEW, i) for i in (ordering, pricing, billing.id)]
    assert all(isinstance(b, Bounds) for b in boxes)
    assert not any(a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h  # type: ignore[union-attr]
                   for n, a in enumerate(boxes) for b in boxes[n + 1:])
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # Esc: nothing added
    assert doc.undo_stack.count() == steps + 2 and len(doc.model.elements()) == 3


def test_arrow_keys_move_the_selection_and_shift_adds(qtbot: QtBot, view: DiagramView, doc: Document) -> None:
    left = add(doc, K.CONTEXT, 0, 0, "Left", size=(240, 160))
    right = add(doc, K.CONTEXT, 400, 0, "Right", size=(240, 160))
    below = add(doc, K.CONTEXT, 400, 300, "Below", size=(240, 160))
    view.diagram.selection.set([left])
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.diagram.selection.ids == [right]
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert view.diagram.selection.ids == [right, below]
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.diagram.selection.ids == [left]


def test_a_refused_keyboard_command_goes_to_the_status(qtbot: QtBot, view: DiagramView) -> None:
    with qtbot.waitSignal(view.status, timeout=1000) as said:
        qtbot.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert said.args == ["Refused: select exactly two elements to link them"]


def test_a_new_decision_is_dated_today(doc: Document) -> None:
    decision = doc.model.element(add(doc, K.DECISION, 0, 0, "Use events"))
    assert isinstance(decision, Decision) and decision.date == datetime.date.today()
    assert doc.model.element(add(doc, K.CONTEXT, 300, 0, "Ordering")).kind is K.CONTEXT
