"""The capture field driven by keyboard, as a facilitator uses it: the language, one undo step per line,
the hint beside the field, completion that only helps, and a field that stays reachable (defect 1)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.document.controller import Document
from app.window.mainwindow import MainWindow
from model.relations import Flow
from model.templates import build_template
from model.vocabulary import ElementKind, FlowStyle, RelationKind
from tests.app.conftest import MakeWindow

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")
K, R = ElementKind, RelationKind


@pytest.fixture
def blank(make_window: MakeWindow) -> MainWindow:
    window = make_window(Document(build_template("blank")))
    window.resize(1440, 900)
    return window


def type_line(window: MainWindow, qtbot: QtBot, line: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.capture, line)
    qtbot.keyClick(window.capture, Qt.Key.Key_Return)


def named(window: MainWindow, name: str) -> str:
    return next(e.id for e in window.document.model.elements() if e.name == name)


def test_each_line_is_one_undo_step_and_the_field_keeps_the_keyboard(blank: MainWindow, qtbot: QtBot) -> None:
    lines = ["Ordering", "Ordering -> Pricing: query", "Ordering -> Payments: command",
             "Ordering -> Fulfillment: event OrderPlaced", "team: Checkout team", "Checkout team owns Ordering",
             "Ordering owns Order", "Billing replicates Order", "Ordering writes Order", "Ordering uses Orders DB"]
    for count, line in enumerate(lines, start=1):
        type_line(blank, qtbot, line)
        assert blank.capture.text() == "", line
        assert blank.document.undo_stack.count() == count
        assert QApplication.focusWidget() is blank.capture
    model = blank.document.model
    flows = {model.element(f.target).name: f.style for f in model.relations(R.FLOW) if isinstance(f, Flow)}
    assert flows == {"Pricing": FlowStyle.QUERY, "Payments": FlowStyle.COMMAND, "Fulfillment": FlowStyle.EVENT}
    assert model.element(named(blank, "Orders DB")).kind is K.DATASTORE
    assert any(r.target == named(blank, "Ordering") for r in model.relations(R.TEAM_OWNS))
    blank.document.undo_stack.undo()
    assert not model.relations(R.USES) and not [e for e in model.elements() if e.name == "Orders DB"]


def test_a_refused_line_stays_in_the_field_with_the_reason_beside_it(blank: MainWindow, qtbot: QtBot) -> None:
    type_line(blank, qtbot, "fact: Order")
    type_line(blank, qtbot, "Order -> Billing")
    assert blank.capture.text() == "Order -> Billing"
    assert "Order is a fact" in blank.capture_bar.findChild(object, "capture-hint").text()  # type: ignore[union-attr]
    assert blank.document.undo_stack.count() == 1 and len(blank.document.model.elements()) == 1


def test_the_hint_says_what_enter_will_do_while_typing(blank: MainWindow, qtbot: QtBot) -> None:
    blank.focus_capture()
    qtbot.keyClicks(blank.capture, "Ordering -> Pricing: command")
    hint = blank.capture_bar.findChild(object, "capture-hint")
    assert "adds a command flow Ordering → Pricing" in hint.text()  # type: ignore[union-attr]
    assert blank.document.undo_stack.count() == 0


def test_completion_helps_but_enter_submits_what_was_typed(blank: MainWindow, qtbot: QtBot) -> None:
    type_line(blank, qtbot, "Ordering")
    type_line(blank, qtbot, "Orders")  # a whole name typed out: not completed to "Ordering"
    assert {e.name for e in blank.document.model.elements()} == {"Ordering", "Orders"}
    blank.focus_capture()
    qtbot.keyClicks(blank.capture, "Orders -> Ord")
    assert blank.capture.suggestion == "ers"  # the shortest name first
    qtbot.keyClick(blank.capture, Qt.Key.Key_Down)
    assert blank.capture.suggestion == "ering"
    qtbot.keyClick(blank.capture, Qt.Key.Key_Right)
    assert blank.capture.text() == "Orders -> Ordering"
    qtbot.keyClick(blank.capture, Qt.Key.Key_Return)
    (flow,) = blank.document.model.relations(R.FLOW)
    assert blank.document.model.element(flow.target).name == "Ordering"


def test_captured_boxes_never_overlap_and_stay_in_sight(blank: MainWindow, qtbot: QtBot) -> None:
    for n in range(10):
        type_line(blank, qtbot, f"Context {n}")
    view = blank.tabs.current_view()
    scene = blank.tabs.current_scene()
    assert view is not None and scene is not None
    rects = [item.sceneBoundingRect() for item in scene.elements.values()]
    assert not [(a, b) for i, a in enumerate(rects) for b in rects[i + 1:] if a.intersects(b)]
    last = scene.elements[named(blank, "Context 9")]
    assert view.mapToScene(view.viewport().rect()).boundingRect().intersects(last.sceneBoundingRect())


# -------------------------------------------------------------- defect 1


@pytest.mark.parametrize("width", [1440, 900, 640])
def test_ctrl_k_reaches_the_field_at_any_width_after_an_edit(blank: MainWindow, qtbot: QtBot, width: int) -> None:
    blank.resize(width, 700)
    type_line(blank, qtbot, "Ordering")
    blank.setFocus()
    qtbot.keyClick(blank, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert blank.capture.isVisible() and QApplication.focusWidget() is blank.capture
    qtbot.keyClicks(blank.capture, "Pricing")
    qtbot.keyClick(blank.capture, Qt.Key.Key_Return)
    assert {e.name for e in blank.document.model.elements()} == {"Ordering", "Pricing"}


def test_the_toolbar_does_not_grow_with_the_undo_text(blank: MainWindow, qtbot: QtBot) -> None:
    before = blank.toolbar.sizeHint().width()
    type_line(blank, qtbot, "A very long context name that would widen the undo button")
    assert blank.action_map["undo"].text().startswith("&Undo") or "Undo" in blank.action_map["undo"].text()
    assert blank.toolbar.sizeHint().width() == before


def test_ctrl_k_shows_a_hidden_capture_bar(blank: MainWindow, qtbot: QtBot) -> None:
    blank.capture_bar.hide()
    blank.action_map["capture"].trigger()
    assert blank.capture.isVisible() and blank.capture.hasFocus()


# -------------------------------------------------------------- defect 3


@pytest.mark.parametrize(("kind", "style"), [(K.CONTEXT, FlowStyle.QUERY), (K.FACT, FlowStyle.EVENT),
                                             (K.TEAM, FlowStyle.COMMAND)])
def test_tab_from_the_field_always_reaches_the_canvas(blank: MainWindow, qtbot: QtBot, kind: ElementKind,
                                                      style: FlowStyle) -> None:
    blank.tool_state.kind, blank.tool_state.flow_style = kind, style
    blank.focus_capture()
    qtbot.keyClick(blank.capture, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is blank.tabs.current_view()
    qtbot.keyClick(blank, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(blank.capture, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert blank.panels is not None and QApplication.focusWidget() is blank.panels.tree.search
    assert blank.tool_state.flow_style is style


def test_help_documents_the_language(blank: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.window.capture_help import capture_help_html

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    blank.action_map["capture_help"].trigger()
    assert shown == [capture_help_html()]
    for line in ("Ordering -&gt; Pricing", "Checkout team owns Ordering", "event OrderPlaced", "Shift+Tab"):
        assert line.replace("-&gt;", "->") in shown[0] or line in shown[0]
