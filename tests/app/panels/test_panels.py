"""The palette sets the shared tool state; the history panel shows the document's undo stack."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from app.canvas.tool_state import Mode, ToolState
from app.document.controller import Document
from app.panels.history import HistoryPanel
from app.panels.palette import Palette
from model.elements import Context
from model.palette import KIND_COLOURS
from model.vocabulary import ElementKind, FlowStyle


def make_palette(qtbot: QtBot) -> tuple[Palette, ToolState]:
    state = ToolState()
    palette = Palette(state)
    qtbot.addWidget(palette)
    palette.show()
    qtbot.waitExposed(palette)
    return palette, state


def test_clicking_a_kind_creates_that_kind(qtbot: QtBot) -> None:
    palette, state = make_palette(qtbot)
    qtbot.mouseClick(palette.kind_buttons[ElementKind.FACT], Qt.MouseButton.LeftButton)
    assert (state.kind, state.mode) == (ElementKind.FACT, Mode.CREATE)
    assert palette.kind_buttons[ElementKind.FACT].isChecked()
    qtbot.mouseClick(palette.connect_button, Qt.MouseButton.LeftButton)
    assert state.mode is Mode.CONNECT and state.kind is ElementKind.FACT
    qtbot.mouseClick(palette.select_button, Qt.MouseButton.LeftButton)
    assert state.mode is Mode.SELECT


def test_the_palette_follows_the_tool_state_and_sets_the_flow_style(qtbot: QtBot) -> None:
    palette, state = make_palette(qtbot)
    assert palette.select_button.isChecked()
    state.kind, state.mode = ElementKind.SAGA, Mode.CREATE
    assert palette.kind_buttons[ElementKind.SAGA].isChecked()
    palette.flow_style.setCurrentIndex(palette.flow_style.findText("event"))
    assert state.flow_style is FlowStyle.EVENT
    state.flow_style = FlowStyle.COMMAND
    assert palette.flow_style.currentText() == "command"


def test_the_palette_works_from_the_keyboard(qtbot: QtBot) -> None:
    palette, state = make_palette(qtbot)
    button = palette.kind_buttons[ElementKind.EVENT]
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert (state.kind, state.mode) == (ElementKind.EVENT, Mode.CREATE)
    assert button.accessibleName() == "event"


def test_every_kind_has_an_icon_in_its_colours(qtbot: QtBot) -> None:
    palette, _ = make_palette(qtbot)
    assert set(palette.kind_buttons) == set(ElementKind)
    for kind, button in palette.kind_buttons.items():
        image = button.icon().pixmap(16, 16).toImage()
        assert image.pixelColor(8, 8).name() == QColor(KIND_COLOURS[kind].fill).name(), kind


def test_history_lists_the_steps_after_opened(qtbot: QtBot, document: Document) -> None:
    panel = HistoryPanel(document)
    qtbot.addWidget(panel)
    model = panel.view.model()
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == "Opened"
    with document.edit("Add Returns") as edit:
        edit.add_element(Context(id="ctx-returns", name="Returns"))
    assert model.rowCount() == 2
    assert model.data(model.index(1, 0)) == "Add Returns"
    document.undo_stack.undo()
    assert document.model.find_element("ctx-returns") is None
    assert panel.view.stack() is document.undo_stack
