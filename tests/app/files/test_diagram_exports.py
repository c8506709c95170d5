"""File > Export Model for the diagrams-as-code formats and the HTML report: the same exporters as
``steelframe export``, the current view for Mermaid, the extension the dialog's filter names."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from app.files.exports import FORMATS, format_for, suffixes
from app.window.mainwindow import MainWindow
from exporters.likec4 import to_likec4
from exporters.mermaid import to_mermaid
from exporters.structurizr import to_structurizr

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


def test_the_menu_writes_the_current_view_as_mermaid(retail: MainWindow, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = tmp_path / "map"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(chosen), "Markdown with the chart (*.md)"))
    retail.action_map["export_mermaid"].trigger()
    view = retail.tabs.current_view_id()
    chart = to_mermaid(retail.document.model, view)
    assert (tmp_path / "map.md").read_text(encoding="utf-8") == f"```mermaid\n{chart}```\n"
    assert retail.exports.export("mermaid", tmp_path / "map.mmd") == tmp_path / "map.mmd"
    assert (tmp_path / "map.mmd").read_text(encoding="utf-8") == chart


def test_the_menu_writes_likec4_and_structurizr_of_the_whole_model(retail: MainWindow, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "estate"), ""))
    retail.action_map["export_likec4"].trigger()
    retail.action_map["export_structurizr"].trigger()
    model = retail.document.model
    assert (tmp_path / "estate.c4").read_text(encoding="utf-8") == to_likec4(model)
    assert (tmp_path / "estate.dsl").read_text(encoding="utf-8") == to_structurizr(model)
    assert str(tmp_path / "estate.dsl") in retail.statusBar().currentMessage()


def test_the_report_filter_chooses_html(retail: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no Graphviz needed: the page says why the map is missing
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "report"), "HTML page (*.html)"))
    assert retail.exports.export("report") == tmp_path / "report.html"
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_filters_name_their_extensions_and_formats() -> None:
    assert suffixes("Graphviz DOT (*.dot *.gv)") == [".dot", ".gv"]
    assert format_for(FORMATS["diagram"], Path("map.GV")) == "dot"
    assert format_for(FORMATS["diagram"], Path("map.unknown")) == "svg"
    assert format_for(FORMATS["mermaid"], Path("map.md")) == "mermaid"
