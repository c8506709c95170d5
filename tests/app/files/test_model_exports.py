"""File > Export Model and File > Import Decision Records: the exporters behind the menus."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.window.mainwindow import MainWindow
from exporters.archimate import import_archimate
from model.elements import Decision
from tests.app.conftest import MakeWindow

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


def test_the_export_menu_writes_an_archimate_file_that_imports_back(retail: MainWindow, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = tmp_path / "estate"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(chosen), "ArchiMate exchange (*.xml)"))
    retail.action_map["export_archimate"].trigger()
    written = tmp_path / "estate.xml"
    assert written.is_file()
    assert etree.parse(str(written)).getroot().tag.endswith("}model")
    back = import_archimate(written)
    not_archimate = {"decision", "note"}  # decisions travel as records, notes as diagram notes
    assert {e.id for e in back.elements()} == {e.id for e in retail.document.model.elements()
                                                if e.kind not in not_archimate}
    assert str(written) in retail.statusBar().currentMessage()
    assert "cannot carry 1 decision (export them as decision records" in retail.statusBar().currentMessage()


def test_the_diagram_takes_the_format_the_dialog_filter_names(retail: MainWindow, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "map"), "PNG image (*.png)"))
    assert retail.exports.export("diagram") == tmp_path / "map.png"
    assert (tmp_path / "map.png").read_bytes().startswith(b"\x89PNG")
    svg = retail.exports.export("diagram", tmp_path / "map.svg")
    assert svg is not None and b"<svg" in svg.read_bytes()


def test_decision_records_go_out_and_come_back_as_one_undo_step(retail: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "decisions"
    assert retail.exports.export("adr", folder) == folder
    assert list(folder.glob("0*.md")), "no decision records written"
    decisions = [e for e in retail.document.model.elements() if isinstance(e, Decision)]
    with retail.document.edit("Retitle") as model:
        model.update_element(decisions[0].id, name="A title changed in the app")
    steps = retail.document.undo_stack.count()
    assert retail.exports.import_decisions(folder) == (0, 1)
    assert retail.document.model.element(decisions[0].id).name == decisions[0].name
    assert retail.document.undo_stack.count() == steps + 1
    retail.document.undo_stack.undo()
    assert retail.document.model.element(decisions[0].id).name == "A title changed in the app"


def test_a_failed_export_or_import_is_a_message_and_changes_nothing(make_window: MakeWindow, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(f"{title}: {text}"))
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert window.exports.import_decisions(blocker) is None
    assert window.exports.import_decisions(tmp_path) == (0, 0)
    assert window.statusBar().currentMessage() == f"No new or changed decision records in {tmp_path}"
    monkeypatch.setenv("PATH", str(tmp_path))  # no dot
    assert window.exports.export("diagram", tmp_path / "again.svg") is None
    assert not (tmp_path / "again.svg").exists()
    assert shown[0].startswith("Import decision records: ") and "not a folder" in shown[0]
    assert "dot" in shown[-1]
    assert window.document.undo_stack.count() == 0
