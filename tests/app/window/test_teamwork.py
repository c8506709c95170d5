"""The app's side of team work: conflicts resolved with one click each, Compare With… a file or a revision."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from app.canvas.change_marks import MARK
from app.document.controller import Document
from app.document.selection import Selection
from app.panels.conflicts import ConflictsPanel
from app.window.teamwork import FILE, REVISION
from model.elements import Context, Fact
from model.fileformat import from_json, save_model, to_json
from model.merge import merge_models
from model.store import Model
from model.templates import build_template
from tests.app.conftest import MakeWindow

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


def merged_with_conflicts() -> Model:
    base = build_template("retail")
    ours, theirs = from_json(to_json(base)), from_json(to_json(base))
    with ours.transaction("ours"):
        ours.update_element("ctx-ordering", name="Orders")
        ours.remove_element("ctx-billing")
    with theirs.transaction("theirs"):
        theirs.update_element("ctx-ordering", name="Order taking")
        theirs.update_element("ctx-billing", description="Still needed")
    return from_json(to_json(merge_models(base, ours, theirs)))


@pytest.fixture
def panel(qtbot: QtBot) -> ConflictsPanel:
    panel = ConflictsPanel(Document(merged_with_conflicts()), Selection())
    qtbot.addWidget(panel)
    return panel


def select(panel: ConflictsPanel, kind: str) -> None:
    panel.table.selectRow(next(row for row, c in enumerate(panel.conflicts) if c.kind == kind))


def test_the_panel_lists_each_conflict_with_both_values(panel: ConflictsPanel) -> None:
    assert panel.table.rowCount() == 2
    rows = {panel.table.item(r, 0).text(): (panel.table.item(r, 1).text(), panel.table.item(r, 2).text())
            for r in range(2)}
    assert rows["context Orders: name"] == ('"Orders"', '"Order taking"')
    select(panel, "attribute")
    assert panel.selection.ids == ["ctx-ordering"], "choosing a conflict selects its item"


def test_theirs_is_one_click_and_one_undo_step(panel: ConflictsPanel) -> None:
    model, stack = panel.document.model, panel.document.undo_stack
    select(panel, "attribute")
    panel.buttons["theirs"].click()
    assert model.element("ctx-ordering").name == "Order taking" and len(model.conflicts()) == 1
    assert stack.count() == 1 and panel.table.rowCount() == 1
    stack.undo()
    assert model.element("ctx-ordering").name == "Orders" and len(model.conflicts()) == 2
    assert panel.table.rowCount() == 2


def test_ours_on_a_deletion_deletes_and_theirs_keeps(panel: ConflictsPanel) -> None:
    model = panel.document.model
    select(panel, "deleted")
    panel.buttons["ours"].click()
    assert model.find_element("ctx-billing") is None
    panel.document.undo_stack.undo()
    select(panel, "deleted")
    panel.buttons["theirs"].click()
    assert model.element("ctx-billing").description == "Still needed"


def test_edit_sets_the_typed_value(panel: ConflictsPanel, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ('"Orders and returns"', True))
    select(panel, "attribute")
    panel.buttons["edit"].click()
    assert panel.document.model.element("ctx-ordering").name == "Orders and returns"
    assert panel.document.undo_stack.count() == 1


def test_a_merged_file_opens_with_the_conflicts_panel(make_window: MakeWindow) -> None:
    window = make_window(Document(merged_with_conflicts()))
    assert window.teamwork.conflicts is not None and window.teamwork.conflicts.table.rowCount() == 2
    assert window.teamwork.conflicts_dock.isVisible()


def edited(model: Model) -> Model:
    with model.transaction("edit"):
        model.update_element("ctx-ordering", name="Orders")
        model.add_element(Context(id="ctx-new", name="Returns"))
        model.place(model.views()[0].id, "ctx-new", model.layout(model.views()[0].id, "ctx-ordering"))  # type: ignore[arg-type]
        model.remove_element("ctx-billing")
        model.add_element(Fact(id="fact-orphan", name="Orphan"))
    return model


def test_compare_with_a_file_marks_lists_and_filters(
    make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_model(build_template("retail"), tmp_path / "old.steelframe.json")
    window = make_window(Document(edited(build_template("retail"))))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **kwargs: (FILE, True))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "old.steelframe.json"), ""))
    window.action_map["compare"].trigger()
    changes = window.teamwork.changes
    assert changes is not None
    assert {"ctx-ordering", "ctx-new", "ctx-billing", "fact-orphan"} <= set(changes.ids())
    scene = window.tabs.current_scene()
    assert scene is not None
    marks = [item for item in scene.items() if item.data(0) == MARK]
    assert len(marks) >= 3, "added, changed and a ghost of the removed context"
    changes.list.setCurrentRow(changes.ids().index("ctx-new"))
    assert window.selection.ids == ["ctx-new"]
    violations = window.panels.violations  # type: ignore[union-attr]
    assert violations.new_only.isVisibleTo(violations)
    everything = len(violations.shown())
    violations.new_only.setChecked(True)
    new = violations.shown()
    assert 0 < len(new) < everything and any("fact-orphan" in v.elements for v in new)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_compare_with_a_git_revision(make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "estate.steelframe.json"
    save_model(build_template("retail"), path)
    for command in (["init", "-q"], ["add", "-A"], ["-c", "user.name=a", "-c", "user.email=a@b", "commit", "-qm", "x"]):
        subprocess.run(["git", *command], cwd=tmp_path, check=True, capture_output=True)
    save_model(edited(build_template("retail")), path)
    window = make_window()
    window.files.open(path)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **kwargs: (REVISION, True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("HEAD", True))
    assert window.teamwork.compare()
    assert window.teamwork.compared is not None and window.teamwork.compared.source == f"{path.name}@HEAD"
    assert "ctx-billing" in window.teamwork.changes.ids()  # type: ignore[union-attr]
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("no-such-branch", True))
    assert not window.teamwork.compare()
    assert "unknown git revision" in window.statusBar().currentMessage()
