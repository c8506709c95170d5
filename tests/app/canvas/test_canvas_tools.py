"""The canvas's tools and view, driven through the real widgets: mouse on the viewport, keys on the view."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app.canvas.scene import DiagramScene
from app.canvas.tool_state import Mode, ToolState
from app.canvas.view import DiagramView
from app.document import editing
from app.document.controller import Document
from app.document.selection import Selection
from model.relations import Flow
from model.views import Bounds
from model.vocabulary import ElementKind, FlowStyle, RelationKind

VIEW = "view-main"
Button, Mod = Qt.MouseButton, Qt.KeyboardModifier


@pytest.fixture
def tool_state() -> ToolState:
    return ToolState()


@pytest.fixture
def view(qtbot: QtBot, blank_document: Document, selection: Selection, tool_state: ToolState) -> Iterator[DiagramView]:
    widget = DiagramView(DiagramScene(blank_document, VIEW, selection), tool_state)
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.centerOn(QPointF(300, 200))
    yield widget
    widget.diagram.detach()


def at(view: DiagramView, x: float, y: float) -> QPoint:
    return view.mapFromScene(QPointF(x, y))


def click(qtbot: QtBot, view: DiagramView, x: float, y: float, modifier: Qt.KeyboardModifier = Mod.NoModifier) -> None:
    qtbot.mouseMove(view.viewport(), at(view, x, y))  # a click elsewhere soon after another is not a double click
    qtbot.mouseClick(view.viewport(), Button.LeftButton, modifier, at(view, x, y))


def drag(qtbot: QtBot, view: DiagramView, start: tuple[float, float], end: tuple[float, float], *,
         button: Qt.MouseButton = Button.LeftButton, modifier: Qt.KeyboardModifier = Mod.NoModifier) -> None:
    a, b = at(view, *start), at(view, *end)
    qtbot.mouseMove(view.viewport(), a)
    qtbot.mousePress(view.viewport(), button, modifier, a)
    qtbot.mouseMove(view.viewport(), (a + b) / 2)
    qtbot.mouseMove(view.viewport(), b)
    qtbot.mouseRelease(view.viewport(), button, modifier, b)


def box(view: DiagramView, kind: ElementKind, x: float, y: float, name: str | None = None, *,
        size: tuple[float, float] = (160, 80)) -> str:
    bounds = Bounds(x=x, y=y, w=size[0], h=size[1])
    return editing.create_element(view.diagram.document, VIEW, kind, bounds, name)


def centre(view: DiagramView, element_id: str) -> tuple[float, float]:
    point = view.diagram.elements[element_id].scene_bounds().center()
    return point.x(), point.y()


def new_ids(document: Document, before: set[str]) -> list[str]:
    return [e.id for e in document.model.elements() if e.id not in before]


# ------------------------------------------------------------------ creating

def test_a_click_creates_an_element_of_the_palette_kind_and_opens_its_name(
        qtbot: QtBot, view: DiagramView, tool_state: ToolState, blank_document: Document) -> None:
    tool_state.mode, tool_state.kind = Mode.CREATE, ElementKind.CONTEXT
    click(qtbot, view, 300, 200)
    [created] = blank_document.model.elements()
    bounds = blank_document.model.layout(VIEW, created.id)
    assert created.kind == "context" and created.name == "Context 1"
    assert bounds == Bounds(x=180, y=120, w=240, h=160)  # the default size, centred on the click, on the grid
    assert blank_document.undo_stack.count() == 1 and blank_document.undo_stack.text(0) == "Add context"
    assert view.diagram.selection.ids == [created.id]
    assert view.editor is not None and view.editor.item_id == created.id
    qtbot.keyClicks(view, "Returns")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blank_document.model.element(created.id).name == "Returns"
    assert view.editor is None


def test_a_drag_creates_an_element_with_the_dragged_size(
        qtbot: QtBot, view: DiagramView, tool_state: ToolState, blank_document: Document) -> None:
    tool_state.mode, tool_state.kind = Mode.CREATE, ElementKind.SYSTEM
    drag(qtbot, view, (40, 40), (300, 160))
    [created] = blank_document.model.elements()
    assert created.kind == "system"
    assert blank_document.model.layout(VIEW, created.id) == Bounds(x=40, y=40, w=260, h=120)
    assert created.id in view.diagram.elements
    assert [i for i in view.diagram.items() if i.zValue() == 900] == []  # the preview is gone


def test_a_service_drawn_inside_a_context_belongs_to_it_in_one_step(
        qtbot: QtBot, view: DiagramView, tool_state: ToolState, blank_document: Document) -> None:
    context = box(view, ElementKind.CONTEXT, 0, 0, "Ordering", size=(400, 300))
    steps = blank_document.undo_stack.count()
    tool_state.mode, tool_state.kind = Mode.CREATE, ElementKind.SERVICE
    click(qtbot, view, 200, 150)
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # leave the name as it is
    [service] = new_ids(blank_document, {context})
    assert blank_document.model.container_of(service) == context
    assert view.diagram.elements[service].parentItem() is view.diagram.elements[context]
    assert blank_document.undo_stack.count() == steps + 1
    blank_document.undo_stack.undo()
    assert blank_document.model.find_element(service) is None and not blank_document.model.relations()


def test_esc_cancels_a_create_drag(qtbot: QtBot, view: DiagramView, tool_state: ToolState,
                                   blank_document: Document) -> None:
    tool_state.mode = Mode.CREATE
    a, b = at(view, 0, 0), at(view, 200, 200)
    qtbot.mousePress(view.viewport(), Button.LeftButton, Mod.NoModifier, a)
    qtbot.mouseMove(view.viewport(), b)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.mouseRelease(view.viewport(), Button.LeftButton, Mod.NoModifier, b)
    assert blank_document.model.elements() == []
    assert tool_state.mode is Mode.CREATE


def test_the_create_tool_returns_to_select_unless_shift_or_sticky(
        qtbot: QtBot, view: DiagramView, tool_state: ToolState, blank_document: Document) -> None:
    tool_state.mode, tool_state.kind = Mode.CREATE, ElementKind.FACT
    click(qtbot, view, 100, 100)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert tool_state.mode is Mode.SELECT  # as in Archi: one box, then Select
    tool_state.mode = Mode.CREATE
    click(qtbot, view, 400, 100, Mod.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert tool_state.mode is Mode.CREATE  # Shift keeps the tool
    tool_state.sticky = True
    click(qtbot, view, 100, 400)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert tool_state.mode is Mode.CREATE and len(blank_document.model.elements()) == 3


# ---------------------------------------------------------------- connecting

def test_dragging_from_a_context_to_another_draws_a_query_flow(
        qtbot: QtBot, view: DiagramView, tool_state: ToolState, blank_document: Document) -> None:
    ordering = box(view, ElementKind.CONTEXT, 0, 0, name="Ordering")
    pricing = box(view, ElementKind.CONTEXT, 400, 0, name="Pricing")
    steps = blank_document.undo_stack.count()
    tool_state.mode, tool_state.flow_style = Mode.CONNECT, FlowStyle.QUERY
    drag(qtbot, view, centre(view, ordering), centre(view, pricing))
    [flow] = blank_document.model.relations()
    assert isinstance(flow, Flow) and flow.style is FlowStyle.QUERY
    assert (flow.source, flow.target) == (ordering, pricing)
    assert flow.id in view.diagram.relations and blank_document.model.layout(VIEW, flow.id) is not None
    assert blank_document.undo_stack.count() == steps + 1
    assert view.diagram.selection.ids == [flow.id]


def test_context_to_fact_owns_then_a_second_context_replicates(
        qtbot: QtBot, view: DiagramView, tool_state: ToolState, blank_document: Document) -> None:
    pricing = box(view, ElementKind.CONTEXT, 0, 0, name="Pricing")
    ordering = box(view, ElementKind.CONTEXT, 0, 300, name="Ordering")
    price = box(view, ElementKind.FACT, 400, 150, name="Price")
    tool_state.mode = Mode.CONNECT
    drag(qtbot, view, centre(view, pricing), centre(view, price))
    menu = view.relation_menu
    assert menu is not None and menu.isVisible()
    assert [a.data() for a in menu.actions()] == ["owns", "replicates", "writes"]
    qtbot.keyClick(menu, Qt.Key.Key_Return)  # the preselected choice
    [owns] = blank_document.model.relations()
    assert (owns.kind, owns.source, owns.target) == (RelationKind.OWNS, pricing, price)
    drag(qtbot, view, centre(view, ordering), centre(view, price))
    assert view.relation_menu is not None and view.relation_menu.defaultAction().data() == "replicates"
    qtbot.keyClick(view.relation_menu, Qt.Key.Key_Return)
    assert {(r.kind, r.source) for r in blank_document.model.relations()} == {
        (RelationKind.OWNS, pricing), (RelationKind.REPLICATES, ordering)}


def test_the_relation_menu_can_pick_another_kind(
        qtbot: QtBot, view: DiagramView, tool_state: ToolState, blank_document: Document) -> None:
    pricing = box(view, ElementKind.CONTEXT, 0, 0, name="Pricing")
    price = box(view, ElementKind.FACT, 400, 0, name="Price")
    tool_state.mode = Mode.CONNECT
    drag(qtbot, view, centre(view, pricing), centre(view, price))
    assert view.relation_menu is not None
    view.relation_menu.actions()[2].trigger()
    [writes] = blank_document.model.relations()
    assert writes.kind is RelationKind.WRITES


def test_a_refused_connection_leaves_the_model_as_it_was_and_says_why(
        qtbot: QtBot, view: DiagramView, tool_state: ToolState, blank_document: Document) -> None:
    team = box(view, ElementKind.TEAM, 0, 0, name="Checkout team")
    fact = box(view, ElementKind.FACT, 400, 0, name="Price")
    steps = blank_document.undo_stack.count()
    tool_state.mode = Mode.CONNECT
    with qtbot.waitSignal(view.status, timeout=1000) as said:
        drag(qtbot, view, centre(view, team), centre(view, fact))
    assert said.args == ["Refused: a team-owns relation ends at a context, not at a fact"]
    assert blank_document.model.relations() == [] and blank_document.undo_stack.count() == steps


@pytest.mark.parametrize(("button", "modifier"), [(Button.RightButton, Mod.NoModifier),
                                                  (Button.LeftButton, Mod.AltModifier)])
def test_right_drag_or_alt_drag_connects_in_select_mode(
        qtbot: QtBot, view: DiagramView, button: Qt.MouseButton, modifier: Qt.KeyboardModifier) -> None:
    blank_document = view.diagram.document
    team = box(view, ElementKind.TEAM, 0, 0, name="Checkout team")
    ordering = box(view, ElementKind.CONTEXT, 400, 0, name="Ordering")
    assert view.tool_state.mode is Mode.SELECT
    drag(qtbot, view, centre(view, team), centre(view, ordering), button=button, modifier=modifier)
    [owns] = blank_document.model.relations()
    assert owns.kind is RelationKind.TEAM_OWNS
    assert blank_document.model.layout(VIEW, team) == Bounds(x=0, y=0)  # the box did not move


def test_esc_cancels_a_connection_in_progress(qtbot: QtBot, view: DiagramView, tool_state: ToolState,
                                              blank_document: Document) -> None:
    a = box(view, ElementKind.CONTEXT, 0, 0)
    b = box(view, ElementKind.CONTEXT, 400, 0)
    tool_state.mode = Mode.CONNECT
    start, end = at(view, *centre(view, a)), at(view, *centre(view, b))
    qtbot.mousePress(view.viewport(), Button.LeftButton, Mod.NoModifier, start)
    qtbot.mouseMove(view.viewport(), end)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.mouseRelease(view.viewport(), Button.LeftButton, Mod.NoModifier, end)
    assert blank_document.model.relations() == []
    assert [i for i in view.diagram.items() if i.zValue() == 900] == []


# ----------------------------------------------------------------- selecting

def test_a_rubber_band_selects_the_boxes_inside_it(qtbot: QtBot, view: DiagramView) -> None:
    a = box(view, ElementKind.CONTEXT, 0, 0)
    b = box(view, ElementKind.FACT, 300, 0)
    outside = box(view, ElementKind.FACT, 600, 300)
    drag(qtbot, view, (-40, -40), (500, 140))
    assert set(view.diagram.selection.ids) == {a, b}
    assert outside not in view.diagram.selection.ids


@pytest.mark.parametrize("modifier", [Mod.ControlModifier, Mod.ShiftModifier])
def test_click_selects_and_a_modified_click_toggles(qtbot: QtBot, view: DiagramView,
                                                    modifier: Qt.KeyboardModifier) -> None:
    a = box(view, ElementKind.CONTEXT, 0, 0)
    b = box(view, ElementKind.CONTEXT, 300, 0)
    click(qtbot, view, *centre(view, a))
    assert view.diagram.selection.ids == [a]
    click(qtbot, view, *centre(view, b), modifier)
    assert view.diagram.selection.ids == [a, b]
    click(qtbot, view, *centre(view, a), modifier)
    assert view.diagram.selection.ids == [b]


def test_moving_two_selected_boxes_is_one_undo_step(qtbot: QtBot, view: DiagramView,
                                                    blank_document: Document) -> None:
    a = box(view, ElementKind.CONTEXT, 0, 0)
    b = box(view, ElementKind.FACT, 300, 0)
    view.diagram.selection.set([a, b])
    steps = blank_document.undo_stack.count()
    start = centre(view, a)
    drag(qtbot, view, start, (start[0] + 100, start[1] + 60))
    model = blank_document.model
    assert model.layout(VIEW, a) == Bounds(x=100, y=60)
    assert model.layout(VIEW, b) == Bounds(x=400, y=60)
    assert blank_document.undo_stack.count() == steps + 1
    blank_document.undo_stack.undo()
    assert model.layout(VIEW, a) == Bounds(x=0, y=0) and model.layout(VIEW, b) == Bounds(x=300, y=0)
    assert view.diagram.elements[b].scene_bounds().topLeft() == QPointF(300, 0)


# ------------------------------------------------------------------ renaming

def test_f2_renames_in_place_and_esc_cancels(qtbot: QtBot, view: DiagramView, blank_document: Document) -> None:
    ordering = box(view, ElementKind.CONTEXT, 0, 0, name="Ordering")
    view.diagram.selection.set([ordering])
    steps = blank_document.undo_stack.count()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert view.editor is not None and view.editor.line_edit.text() == "Ordering"
    qtbot.keyClicks(view, "Checkout")
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.editor is None and blank_document.model.element(ordering).name == "Ordering"
    assert blank_document.undo_stack.count() == steps
    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.keyClicks(view, "Checkout")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blank_document.model.element(ordering).name == "Checkout"
    assert blank_document.undo_stack.count() == steps + 1 and blank_document.undo_stack.text(steps) == "Rename"


def test_double_click_renames_in_place(qtbot: QtBot, view: DiagramView, blank_document: Document) -> None:
    price = box(view, ElementKind.FACT, 0, 0, name="Price")
    qtbot.mouseDClick(view.viewport(), Button.LeftButton, Mod.NoModifier, at(view, *centre(view, price)))
    assert view.editor is not None and view.editor.item_id == price
    view.editor.line_edit.setText("List price")
    qtbot.keyClick(view.editor.line_edit, Qt.Key.Key_Return)
    assert blank_document.model.element(price).name == "List price"


def test_clicking_elsewhere_commits_the_rename(qtbot: QtBot, view: DiagramView, blank_document: Document) -> None:
    price = box(view, ElementKind.FACT, 0, 0, name="Price")
    view.start_rename(price)
    qtbot.keyClicks(view, "Margin")
    click(qtbot, view, 600, 400)
    assert blank_document.model.element(price).name == "Margin" and view.editor is None


def test_undoing_the_element_being_renamed_closes_the_editor(qtbot: QtBot, view: DiagramView,
                                                             tool_state: ToolState, blank_document: Document) -> None:
    tool_state.mode = Mode.CREATE
    click(qtbot, view, 100, 100)
    assert view.editor is not None
    blank_document.undo_stack.undo()
    assert view.editor is None and blank_document.model.elements() == []
    assert [i for i in view.diagram.items() if i.zValue() == 1000] == []


# ------------------------------------------------------------- zoom and pan

def test_zoom_in_out_and_fit_change_the_view_transform(qtbot: QtBot, view: DiagramView) -> None:
    box(view, ElementKind.CONTEXT, 0, 0)
    far = box(view, ElementKind.CONTEXT, 2400, 1600)
    assert view.zoom == 1.0
    view.zoom_in()
    assert view.zoom > 1.0
    view.zoom_out()
    view.zoom_out()
    assert view.zoom < 1.0
    view.fit()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(view.diagram.elements[far].scene_bounds())
    assert visible.contains(QPointF(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Plus, Mod.ControlModifier)
    zoomed = view.zoom
    qtbot.keyClick(view, Qt.Key.Key_0, Mod.ControlModifier)
    assert view.zoom < zoomed


def test_the_wheel_zooms_around_the_cursor(qtbot: QtBot, view: DiagramView) -> None:
    from PySide6.QtGui import QWheelEvent

    cursor = at(view, 100, 100)
    event = QWheelEvent(QPointF(cursor), QPointF(view.viewport().mapToGlobal(cursor)), QPoint(), QPoint(0, 120),
                        Button.NoButton, Mod.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    view.wheelEvent(event)
    assert view.zoom > 1.0
    under = view.mapToScene(cursor)
    assert abs(under.x() - 100) < 2 and abs(under.y() - 100) < 2


def test_pan_with_the_middle_button_and_with_space_drag(qtbot: QtBot, view: DiagramView) -> None:
    before = view.mapToScene(view.viewport().rect().center())
    drag(qtbot, view, (300, 200), (200, 100), button=Button.MiddleButton)
    after = view.mapToScene(view.viewport().rect().center())
    assert (after - before).x() == pytest.approx(100, abs=2) and (after - before).y() == pytest.approx(100, abs=2)
    qtbot.keyPress(view, Qt.Key.Key_Space)
    drag(qtbot, view, (300, 200), (400, 200))
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    assert (view.mapToScene(view.viewport().rect().center()) - after).x() == pytest.approx(-100, abs=2)
    assert view.diagram.document.model.elements() == []  # panning never draws


def test_reveal_selects_and_centres(view: DiagramView) -> None:
    far = box(view, ElementKind.FACT, 3000, 2000)
    view.reveal([far])
    assert view.diagram.selection.ids == [far]
    middle = view.mapToScene(view.viewport().rect().center())
    assert (middle - view.diagram.elements[far].scene_bounds().center()).manhattanLength() < 4


def test_the_grid_is_drawn_only_while_snapping(view: DiagramView) -> None:
    def picture() -> QImage:
        return view.viewport().grab().toImage()

    with_grid = picture()
    view.set_snap(False)
    assert picture() != with_grid
    view.set_snap(True)
    assert picture() == with_grid


# ---------------------------------------------------------------- violations

def test_a_badge_appears_on_an_orphan_fact_and_goes_when_its_owner_is_drawn(
        qtbot: QtBot, view: DiagramView, tool_state: ToolState, blank_document: Document) -> None:
    tool_state.mode, tool_state.kind = Mode.CREATE, ElementKind.FACT
    click(qtbot, view, 500, 100)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    [fact] = blank_document.model.elements()
    assert view.diagram.elements[fact.id].badge == ("error", 1)
    tool_state.mode, tool_state.kind = Mode.CREATE, ElementKind.CONTEXT
    click(qtbot, view, 100, 100)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    [context] = new_ids(blank_document, {fact.id})
    tool_state.mode = Mode.CONNECT
    drag(qtbot, view, centre(view, context), centre(view, fact.id))
    assert view.relation_menu is not None
    qtbot.keyClick(view.relation_menu, Qt.Key.Key_Return)
    assert view.diagram.elements[fact.id].badge == (None, 0)
    blank_document.undo_stack.undo()
    assert view.diagram.elements[fact.id].badge == ("error", 1)


def test_a_box_dragged_onto_a_label_pushes_the_label_off(qtbot: QtBot, view: DiagramView) -> None:
    document = view.diagram.document
    left = box(view, ElementKind.CONTEXT, 0, 0, "Ordering", size=(240, 160))
    right = box(view, ElementKind.CONTEXT, 1040, 0, "Fulfillment", size=(240, 160))
    team = box(view, ElementKind.TEAM, 360, 400, "Logistics team")
    with document.edit("Add flow") as model:
        model.add_relation(Flow(id="flow-reserve", source=left, target=right, name="Reserve stock"))
        model.route(VIEW, "flow-reserve")
    line = view.diagram.relations["flow-reserve"]
    label = line.label_rect
    assert label is not None
    steps = document.undo_stack.count()
    drag(qtbot, view, centre(view, team), (label.center().x(), label.center().y()))
    moved = view.diagram.elements[team].scene_bounds()
    assert moved.contains(label.center())  # the team now stands where the label was
    assert line.label_rect is not None and not line.label_rect.intersects(moved)
    assert document.undo_stack.count() == steps + 1
