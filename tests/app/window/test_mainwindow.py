"""The main window driven as a user drives it: actions and shortcuts, view tabs, the palette and the
canvas, the status bar counts, keyboard capture, presentation mode and themes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from app.canvas.tool_state import Mode
from app.document.controller import Document
from app.window.actions import ARRANGE_TIP, SPECS, keys
from app.window.mainwindow import MainWindow
from app.window.themes import canvas_background
from model.elements import Context, Fact
from model.relations import Flow
from model.templates import build_template
from model.views import Bounds
from model.vocabulary import ElementKind, FlowStyle, RelationKind
from tests.app.conftest import MakeWindow

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


def menu_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        found.append(action)
        if action.menu() is not None:
            found += menu_actions(action.menu())  # type: ignore[arg-type]
    return found


# ----------------------------------------------------------------- layout


def test_a_template_opens_with_a_tab_per_view(retail: MainWindow) -> None:
    views = retail.document.model.views()
    assert [retail.tabs.tabText(i) for i in range(retail.tabs.count())] == [v.name for v in views]
    assert "Retail estate" in retail.windowTitle() and retail.windowTitle().endswith("— Steelframe")
    assert not retail.isWindowModified()
    docks = retail.docks
    assert retail.dockWidgetArea(docks.palette) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert retail.dockWidgetArea(docks.tree) == Qt.DockWidgetArea.RightDockWidgetArea
    assert retail.dockWidgetArea(docks.properties) == Qt.DockWidgetArea.RightDockWidgetArea
    assert docks.tree.y() < docks.properties.y(), "the model tree is above the property editor"
    assert retail.dockWidgetArea(docks.violations) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert docks.history in retail.tabifiedDockWidgets(docks.violations)


def test_the_violations_are_the_bottom_tab_shown_on_opening(retail: MainWindow, qtbot: QtBot) -> None:
    """The Changes and Conflicts docks share the violations' place; without a conflict they stay behind it."""
    retail.show()
    qtbot.waitExposed(retail)
    assert not retail.docks.violations.visibleRegion().isEmpty()
    assert retail.teamwork.conflicts_dock.visibleRegion().isEmpty()
    assert retail.teamwork.changes_dock.visibleRegion().isEmpty()


def test_every_action_has_a_menu_entry_and_its_shortcut(retail: MainWindow) -> None:
    in_menus = {a for menu in retail.menus.values() for a in menu_actions(menu)}
    for spec in SPECS:
        action = retail.action_map[spec.key]
        assert action in in_menus, spec.key
        assert action.shortcuts() == keys(spec) and action.shortcuts(), spec.key
    for action in retail.docks.toggle_actions():
        assert action in in_menus and not action.shortcut().isEmpty()
    standard = {"new": "New", "open": "Open", "save": "Save", "save_as": "SaveAs", "undo": "Undo", "redo": "Redo",
                "copy": "Copy", "paste": "Paste", "delete": "Delete", "zoom_in": "ZoomIn", "zoom_out": "ZoomOut",
                "select_all": "SelectAll", "find": "Find"}
    for key, name in standard.items():
        expected = QKeySequence.keyBindings(getattr(QKeySequence.StandardKey, name))
        assert retail.action_map[key].shortcuts()[: len(expected)] == expected, key
    fixed = {"rename": "F2", "fit": "Ctrl+0", "duplicate": "Ctrl+D", "remove_from_view": "Shift+Del",
             "link": "Ctrl+L", "style_query": "Ctrl+1", "style_command": "Ctrl+2", "style_event": "Ctrl+3",
             "presentation": "F5", "capture": "Ctrl+K"}
    for key, text in fixed.items():
        assert retail.action_map[key].shortcut() == QKeySequence(text), key


def test_no_two_actions_share_a_key(retail: MainWindow) -> None:
    seen: dict[str, str] = {}
    for action in retail.actions():
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen or seen[text] == action.text(), f"{text}: {seen.get(text)} and {action.text()}"
            seen[text] = action.text()


def test_undo_and_redo_come_from_the_undo_stack(retail: MainWindow) -> None:
    undo = retail.action_map["undo"]
    assert not undo.isEnabled()
    with retail.document.edit("Add Returns") as model:
        model.add_element(Context(id="ctx-returns", name="Returns"))
    assert undo.isEnabled() and "Add Returns" in undo.text()
    undo.trigger()
    assert retail.document.model.find_element("ctx-returns") is None
    retail.action_map["redo"].trigger()
    assert retail.document.model.find_element("ctx-returns") is not None


def test_arrange_is_on_the_toolbar(retail: MainWindow) -> None:
    arrange = retail.action_map["arrange"]
    assert arrange.isEnabled()
    assert ARRANGE_TIP in arrange.toolTip()
    assert arrange in retail.toolbar.actions()


# ------------------------------------------------------------------- views


def test_add_rename_and_delete_a_view_each_one_undo_step(retail: MainWindow) -> None:
    tabs, stack = retail.tabs, retail.document.undo_stack
    before = tabs.count()
    view_id = tabs.add_view("Payments")
    assert tabs.count() == before + 1 and tabs.tabText(tabs.currentIndex()) == "Payments"
    assert tabs.current_view_id() == view_id and stack.count() == 1
    assert tabs.rename_view(view_id, "Payments and refunds")
    assert tabs.tabText(tabs.indexOf(tabs.pages[view_id])) == "Payments and refunds"
    stack.undo()
    assert tabs.tabText(tabs.indexOf(tabs.pages[view_id])) == "Payments"
    stack.undo()
    assert tabs.count() == before and view_id not in tabs.pages
    stack.redo()
    assert tabs.count() == before + 1 and view_id in tabs.pages


def test_deleting_a_view_keeps_its_elements_and_undo_brings_the_tab_back(retail: MainWindow) -> None:
    tabs, model = retail.tabs, retail.document.model
    first = model.views()[0]
    shown = {i for i, layout in model.layouts(first.id).items() if isinstance(layout, Bounds)}
    elements = len(model.elements())
    assert tabs.delete_view(first.id)
    assert first.id not in tabs.pages and len(model.elements()) == elements
    retail.document.undo_stack.undo()
    assert tabs.tabText(tabs.indexOf(tabs.pages[first.id])) == first.name
    assert set(tabs.view_for(first.id).diagram.elements) == shown


def test_the_last_view_is_not_deleted(make_window: MakeWindow) -> None:
    window = make_window(Document(build_template("blank")))
    assert not window.tabs.delete_view()
    assert window.tabs.count() == 1
    assert "at least one view" in window.statusBar().currentMessage()


def test_view_verbs_from_the_menu_ask_for_a_name(retail: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Landscape", True))
    retail.action_map["add_view"].trigger()
    assert retail.tabs.tabText(retail.tabs.currentIndex()) == "Landscape"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Big picture", True))
    retail.action_map["rename_view"].trigger()
    assert retail.tabs.tabText(retail.tabs.currentIndex()) == "Big picture"
    count = retail.tabs.count()
    retail.action_map["delete_view"].trigger()
    assert retail.tabs.count() == count - 1


def test_an_element_appears_in_several_views(retail: MainWindow) -> None:
    view_id = retail.tabs.add_view("Checkout")
    with retail.document.edit("Show Ordering") as model:
        model.place(view_id, "ctx-ordering", Bounds(x=0, y=0, w=240, h=160))
    first = retail.document.model.views()[0].id
    assert "ctx-ordering" in retail.tabs.view_for(view_id).diagram.elements
    assert "ctx-ordering" in retail.tabs.view_for(first).diagram.elements
    assert {first, view_id} <= set(retail.document.model.views_showing("ctx-ordering"))


def test_tabs_switch_with_the_keyboard_actions(retail: MainWindow) -> None:
    assert retail.tabs.currentIndex() == 0
    retail.action_map["next_view"].trigger()
    assert retail.tabs.currentIndex() == 1
    retail.action_map["previous_view"].trigger()
    assert retail.tabs.currentIndex() == 0


# ------------------------------------------------------------------ canvas


def test_an_element_is_created_with_the_palette_and_a_click(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = make_window(Document(build_template("blank")))
    palette = window.docks.palette.widget()
    palette.kind_buttons[ElementKind.CONTEXT].click()  # type: ignore[attr-defined]
    assert window.tool_state.mode is Mode.CREATE
    view = window.tabs.current_view()
    assert view is not None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(200, 150))
    contexts = window.document.model.elements(ElementKind.CONTEXT)
    assert len(contexts) == 1 and window.document.undo_stack.count() == 1
    assert contexts[0].id in view.diagram.elements
    assert window.selection.ids == [contexts[0].id]
    assert window.isWindowModified()


def test_zoom_and_fit_act_on_the_current_view(retail: MainWindow) -> None:
    view = retail.tabs.current_view()
    assert view is not None
    start = view.zoom
    retail.action_map["zoom_in"].trigger()
    assert view.zoom > start
    retail.action_map["zoom_out"].trigger()
    retail.action_map["zoom_out"].trigger()
    assert view.zoom < start
    retail.action_map["fit"].trigger()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(view.diagram.itemsBoundingRect())


def test_edit_commands_go_through_the_menu(retail: MainWindow) -> None:
    model, selection = retail.document.model, retail.selection
    selection.set(["ctx-ordering"])
    retail.action_map["duplicate"].trigger()
    copy_id = selection.ids[0]  # the context first, then what it contains
    assert copy_id != "ctx-ordering" and model.element(copy_id).name == "Ordering"
    selection.set([copy_id])
    retail.action_map["remove_from_view"].trigger()
    assert model.find_element(copy_id) is not None and not model.views_showing(copy_id)
    selection.set(["ctx-ordering"])
    retail.action_map["copy"].trigger()
    retail.action_map["paste"].trigger()
    pasted = selection.ids[0]
    assert pasted != "ctx-ordering" and model.element(pasted).name == "Ordering"
    retail.action_map["delete"].trigger()
    assert model.find_element(pasted) is None
    retail.action_map["select_all"].trigger()
    scene = retail.tabs.current_scene()
    assert scene is not None and set(selection.ids) == set(scene.elements) | set(scene.relations)


def test_a_refusal_is_said_in_the_status_bar(retail: MainWindow) -> None:
    retail.selection.set(["ctx-ordering"])
    retail.action_map["link"].trigger()
    assert "Refused" in retail.statusBar().currentMessage()
    assert "two elements" in retail.statusBar().currentMessage()


def test_find_focuses_the_tree_search(retail: MainWindow, qtbot: QtBot) -> None:
    retail.activateWindow()
    retail.action_map["find"].trigger()
    assert retail.panels is not None
    qtbot.waitUntil(lambda: retail.panels is not None and retail.panels.tree.search.hasFocus())


# ------------------------------------------------------------ status bar


def test_the_status_bar_counts_follow_the_violations(make_window: MakeWindow) -> None:
    window = make_window(Document(build_template("blank")))
    assert window.pills.text() == "0 errors  0 warnings  0 infos  0 waived"
    with window.document.edit("Add a fact") as model:
        model.add_element(Fact(id="fact-price", name="Price"))
    assert window.pills.labels["error"].text() == "1 error"
    window.document.undo_stack.undo()
    assert window.pills.labels["error"].text() == "0 errors"
    assert window.pills.text().split("  ") == [f"{n} {w}" for n, w in zip(
        window.document.counts().values(), ("errors", "warnings", "infos", "waived"), strict=True)]


def test_the_counts_match_the_document_on_a_template(retail: MainWindow) -> None:
    counts = retail.document.counts()
    assert retail.pills.labels["error"].text().split()[0] == str(counts["error"])
    assert retail.pills.labels["warning"].text().split()[0] == str(counts["warning"])


# --------------------------------------------------------------- capture


def test_capture_adds_an_element_next_to_the_selection(retail: MainWindow, qtbot: QtBot) -> None:
    retail.tool_state.kind = ElementKind.CONTEXT
    retail.selection.set(["ctx-billing"])
    anchor = retail.document.model.layout(retail.tabs.current_view_id() or "", "ctx-billing")
    retail.action_map["capture"].trigger()
    qtbot.keyClicks(retail.capture, "Returns")
    qtbot.keyClick(retail.capture, Qt.Key.Key_Return)
    added = retail.selection.single
    assert added is not None and added != "ctx-billing"
    element = retail.document.model.element(added)
    assert (element.kind, element.name) == (ElementKind.CONTEXT, "Returns")
    bounds = retail.document.model.layout(retail.tabs.current_view_id() or "", added)
    assert isinstance(anchor, Bounds) and isinstance(bounds, Bounds) and bounds.x > anchor.x
    assert retail.capture.text() == "" and retail.document.undo_stack.count() == 1


def test_link_selected_uses_the_current_flow_style(make_window: MakeWindow) -> None:
    window = make_window(Document(build_template("blank")))
    view_id = window.tabs.current_view_id() or ""
    with window.document.edit("Two contexts") as model:
        for n, name in enumerate(("Ordering", "Billing")):
            model.add_element(Context(id=f"ctx-{n}", name=name))
            model.place(view_id, f"ctx-{n}", Bounds(x=n * 400, y=0, w=240, h=160))
    window.action_map["style_event"].trigger()
    assert window.tool_state.flow_style is FlowStyle.EVENT
    window.selection.set(["ctx-0", "ctx-1"])
    window.action_map["link"].trigger()
    flows = window.document.model.relations(RelationKind.FLOW)
    assert len(flows) == 1 and isinstance(flows[0], Flow)
    assert (flows[0].source, flows[0].target, flows[0].style) == ("ctx-0", "ctx-1", FlowStyle.EVENT)
    assert window.document.model.layout(view_id, flows[0].id) is not None


def test_the_flow_style_actions_follow_the_palette(retail: MainWindow) -> None:
    retail.tool_state.flow_style = FlowStyle.COMMAND
    assert retail.action_map["style_command"].isChecked()


# ------------------------------------------------------------ workshops


def test_presentation_mode_hides_the_docks_and_comes_back(retail: MainWindow, qtbot: QtBot) -> None:
    view = retail.tabs.current_view()
    assert view is not None
    normal_font = view.viewport().font().pointSizeF()  # the viewport's font is the one items are painted with
    retail.action_map["presentation"].trigger()
    assert retail.presentation.active and retail.action_map["presentation"].isChecked()
    assert retail.windowState() & Qt.WindowState.WindowFullScreen
    assert all(dock.isHidden() for dock in retail.docks.all())
    assert retail.overlay.isVisible() and "errors" in retail.overlay.pills.text()
    assert view.viewport().font().pointSizeF() > normal_font
    assert view.diagram.font() == view.viewport().font()  # labels are measured as they are drawn
    assert retail.action_map["leave_presentation"].isEnabled()
    with retail.document.edit("Add a fact") as model:
        model.add_element(Fact(id="fact-extra", name="Extra"))
    assert retail.overlay.pills.text() == retail.pills.text()
    retail.action_map["leave_presentation"].trigger()
    assert not retail.presentation.active
    assert not retail.windowState() & Qt.WindowState.WindowFullScreen
    qtbot.waitUntil(lambda: all(not dock.isHidden() for dock in retail.docks.all()))
    assert not retail.overlay.isVisible() and view.viewport().font().pointSizeF() == normal_font
    assert view.diagram.font() == view.viewport().font()
    assert not retail.action_map["leave_presentation"].isEnabled()


def test_f5_toggles_presentation_from_the_keyboard(retail: MainWindow, qtbot: QtBot) -> None:
    view = retail.tabs.current_view()
    assert view is not None
    retail.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_F5)
    assert retail.presentation.active
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not retail.presentation.active


def test_the_theme_is_switched_and_remembered(retail: MainWindow, make_window: MakeWindow) -> None:
    retail.action_map["theme_dark"].trigger()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert "dark theme" in app.styleSheet()
    view = retail.tabs.current_view()
    assert view is not None and view.backgroundBrush().color() == canvas_background("dark")
    assert all(line.ink.dark for line in view.diagram.relations.values())  # light lines on the dark canvas
    assert retail.action_map["theme_dark"].isChecked()
    again = make_window()
    assert again.theme == "dark" and again.action_map["theme_dark"].isChecked()
    again.action_map["theme_light"].trigger()
    assert "light theme" in app.styleSheet()
    assert again.tabs.current_view().backgroundBrush().color() == canvas_background("light")  # type: ignore[union-attr]
    assert not any(line.ink.dark for line in again.tabs.current_view().diagram.relations.values())  # type: ignore[union-attr]


def test_about_says_the_version(retail: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.version import steelframe_version

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    retail.action_map["about"].trigger()
    assert len(shown) == 1 and f"Steelframe {steelframe_version()}" in shown[0]


def test_help_lists_every_shortcut(retail: MainWindow) -> None:
    from app.window.actions import shortcut_table

    rows = shortcut_table(retail.action_map)
    assert ("View", "Presentation", "F5") in rows
    assert len(rows) == len(SPECS)


def test_f2_renames_in_place_or_in_a_dialog(retail: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    view = retail.tabs.current_view()
    assert view is not None
    retail.selection.set(["ctx-ordering"])
    retail.action_map["rename"].trigger()
    assert view.editor is not None and view.editor.item_id == "ctx-ordering"
    view.editor.line_edit.setText("Orders")
    view.editor.commit()
    assert retail.document.model.element("ctx-ordering").name == "Orders"
    hidden = next(e.id for e in retail.document.model.elements() if not retail.document.model.views_showing(e.id))
    retail.selection.set([hidden])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Renamed in a dialog", True))
    retail.action_map["rename"].trigger()
    assert retail.document.model.element(hidden).name == "Renamed in a dialog"


@pytest.mark.parametrize("where", ["tree", "link"])
def test_f2_after_selecting_elsewhere_renames_with_the_keys_in_the_editor(retail: MainWindow, qtbot: QtBot,
                                                                          where: str) -> None:
    """Defect 2: F2 after a selection made in the model tree (or after Ctrl+L) renames what is selected."""
    assert retail.panels is not None
    tree = retail.panels.tree
    if where == "tree":
        tree.view.setFocus()
        retail.selection.set(["ctx-ordering"])
        focus = tree.view
    else:
        retail.selection.set(["ctx-ordering", "ctx-billing"])
        retail.action_map["link"].trigger()
        focus = QApplication.focusWidget() or retail
    target = retail.selection.single
    assert target is not None
    qtbot.keyClick(focus, Qt.Key.Key_F2)
    view = retail.tabs.current_view()
    assert view is not None and view.editor is not None
    assert QApplication.focusWidget() is view and view.diagram.focusItem() is view.editor.proxy
    qtbot.keyClicks(view, "Renamed by keyboard")
    assert view.editor.line_edit.text() == "Renamed by keyboard"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    item = retail.document.model.find_element(target) or retail.document.model.relation(target)
    assert item.name == "Renamed by keyboard" and view.editor is None
