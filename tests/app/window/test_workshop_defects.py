"""Issue #12, defect 6: the small things a facilitator trips over, each driven through the real window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMenu
from pytestqt.qtbot import QtBot

from app.document.controller import Document
from app.printing.dialog import PrintOptionsDialog
from app.printing.options import PrintOptions
from app.window.mainwindow import MainWindow
from model.elements import Context, Fact, Service
from model.fileformat import save_model
from model.relations import Contains
from model.templates import build_template
from model.views import Bounds
from model.vocabulary import RelationKind
from tests.app.conftest import MakeWindow

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


@pytest.fixture
def blank(make_window: MakeWindow) -> MainWindow:
    return make_window(Document(build_template("blank")))


def capture(window: MainWindow, qtbot: QtBot, line: str) -> None:
    window.focus_capture()
    qtbot.keyClicks(window.capture, line)
    qtbot.keyClick(window.capture, Qt.Key.Key_Return)


def test_ctrl_y_redoes(blank: MainWindow, qtbot: QtBot) -> None:
    capture(blank, qtbot, "Ordering")
    blank.document.undo_stack.undo()
    assert not blank.document.model.elements()
    view = blank.tabs.current_view()
    assert view is not None
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert [e.name for e in blank.document.model.elements()] == ["Ordering"]


def test_deleting_a_context_takes_its_nested_services_along(blank: MainWindow, qtbot: QtBot) -> None:
    view_id = blank.tabs.current_view_id() or ""
    with blank.document.edit("A context with a service") as model:
        model.add_element(Context(id="ctx", name="Ordering"))
        model.add_element(Service(id="svc", name="Order API"))
        model.add_relation(Contains(id="has", source="ctx", target="svc"))
        model.place(view_id, "ctx", Bounds(x=0, y=0, w=400, h=300))
        model.place(view_id, "svc", Bounds(x=40, y=80, w=160, h=80))
    blank.selection.set(["ctx"])
    blank.action_map["delete"].trigger()
    scene = blank.tabs.current_scene()
    assert scene is not None and not scene.elements and not blank.document.model.elements()
    blank.document.undo_stack.undo()
    assert set(scene.elements) == {"ctx", "svc"}


def test_a_second_element_of_a_kind_with_the_same_name_is_warned_about(blank: MainWindow, qtbot: QtBot) -> None:
    capture(blank, qtbot, "Ordering")
    view = blank.tabs.current_view()
    assert view is not None
    view.start_naming(blank.tool_state.kind, blank.selection.single)
    qtbot.keyClicks(view, "ordering")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert "Another context is already called Ordering" in blank.statusBar().currentMessage()
    assert "link" in blank.statusBar().currentMessage()


def test_the_print_dialog_shows_no_literal_ampersand(qtbot: QtBot) -> None:
    dialog = PrintOptionsDialog(PrintOptions())
    qtbot.addWidget(dialog)
    for label in dialog.findChildren(QLabel):
        assert "&" not in label.text() or label.buddy() is not None, label.text()


def test_save_as_names_an_untitled_model_after_its_file(blank: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    capture(blank, qtbot, "Ordering")
    assert blank.files.save_as(tmp_path / "northwind.steelframe.json")
    assert blank.document.model.name == "northwind" and not blank.document.dirty


def test_a_reopened_model_is_fitted_to_the_window(blank: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    model = build_template("blank")
    view_id = model.views()[0].id
    with model.transaction("far apart"):
        for n, (x, y) in enumerate(((0, 0), (4000, 0), (0, 3000), (4000, 3000))):
            model.add_element(Fact(id=f"f{n}", name=f"Fact {n}"))
            model.place(view_id, f"f{n}", Bounds(x=x, y=y))
    save_model(model, tmp_path / "far.steelframe.json")
    assert blank.files.load(tmp_path / "far.steelframe.json")
    qtbot.wait(50)
    view, scene = blank.tabs.current_view(), blank.tabs.current_scene()
    assert view is not None and scene is not None
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert all(visible.contains(item.sceneBoundingRect()) for item in scene.elements.values())


def test_ctrl_l_offers_every_relation_the_kinds_allow(blank: MainWindow, qtbot: QtBot) -> None:
    capture(blank, qtbot, "Ordering")
    capture(blank, qtbot, "fact: Order")
    capture(blank, qtbot, "Ordering owns Order")
    capture(blank, qtbot, "Billing")
    ids = {e.name: e.id for e in blank.document.model.elements()}
    blank.selection.set([ids["Billing"], ids["Order"]])
    view = blank.tabs.current_view()
    assert view is not None
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    menu = view.relation_menu
    assert isinstance(menu, QMenu)
    offered = [a.text() for a in menu.actions()]
    assert len(offered) >= 2 and any("replicate" in t for t in offered)
    menu.activeAction().trigger()
    menu.close()
    assert any(r.source == ids["Billing"] for r in blank.document.model.relations(RelationKind.REPLICATES))


def test_insert_adds_a_named_element_in_one_undo_step(blank: MainWindow, qtbot: QtBot) -> None:
    view = blank.tabs.current_view()
    assert view is not None
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    qtbot.keyClicks(view, "Pricing")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert [e.name for e in blank.document.model.elements()] == ["Pricing"]
    assert blank.document.undo_stack.count() == 1
    assert QApplication.focusWidget() is view
