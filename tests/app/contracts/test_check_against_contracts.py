"""Model > Check Against Contracts…: drift findings in the violations panel and on the canvas, and
Model > Add Found to Model as one undo step; File > Export Model writes the two contract formats."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.document.controller import Document
from app.window.mainwindow import MainWindow
from exporters.contracts import read_contracts
from exporters.contracts.bootstrap import build_model
from model.vocabulary import Severity
from tests.app.conftest import MakeWindow
from tests.exporters.contracts.shop import shop

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")
FLOW = "flow-ordering-billing-orderplaced"


@pytest.fixture
def drifted(make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A window on the shop model without its OrderPlaced flow, checked against the shop's contracts."""
    shop(tmp_path / "contracts")
    model = build_model(read_contracts([str(tmp_path / "contracts")]), "shop")
    with model.transaction("drift"):
        model.remove_relation(FLOW)
    window = make_window(Document(model))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(tmp_path / "contracts"))
    window.action_map["check_contracts"].trigger()
    return window


def test_drift_findings_join_the_panel_the_counts_and_the_badges(drifted: MainWindow) -> None:
    shown = drifted.panels.violations.shown()
    drift = [v for v in shown if v.rule == "SF101"]
    assert [v.elements for v in drift] == [("ctx-ordering", "ctx-billing", "event-orderplaced")]
    assert drifted.document.worst("ctx-ordering")[0] is Severity.ERROR
    assert drifted.document.counts()["error"] >= 1
    assert "1 findings" in drifted.statusBar().currentMessage()


def test_add_found_to_model_is_one_undo_step(drifted: MainWindow) -> None:
    panel = drifted.panels.violations
    [finding] = [v for v in panel.shown() if v.rule == "SF101"]
    panel.view.setCurrentIndex(panel.row_of(finding))
    steps = drifted.document.undo_stack.count()
    drifted.action_map["add_found"].trigger()
    model = drifted.document.model
    assert model.find_relation(FLOW) is not None
    assert FLOW in model.layouts(drifted.tabs.current_view_id() or "")
    assert drifted.document.undo_stack.count() == steps + 1
    assert not [v for v in panel.shown() if v.rule.startswith("SF1")], "the model matches its contracts again"
    drifted.document.undo_stack.undo()
    assert model.find_relation(FLOW) is None
    assert [v.rule for v in panel.shown() if v.rule.startswith("SF1")] == ["SF101"]


def test_add_found_without_a_drift_finding_says_why(drifted: MainWindow) -> None:
    steps = drifted.document.undo_stack.count()
    drifted.panels.violations.view.clearSelection()
    drifted.action_map["add_found"].trigger()
    assert drifted.document.undo_stack.count() == steps
    assert "Choose a drift finding" in drifted.statusBar().currentMessage()


def test_a_bad_folder_is_one_message_and_changes_nothing(retail: MainWindow, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "bad.yaml").write_text("asyncapi: 9.9.9\n")
    said: list[str] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(tmp_path))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    before = retail.document.counts()
    retail.action_map["check_contracts"].trigger()
    assert len(said) == 1 and "unknown AsyncAPI version '9.9.9'" in said[0]
    assert retail.document.counts() == before


def test_the_export_menu_writes_asyncapi_and_backstage(retail: MainWindow, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(tmp_path / "events"))
    retail.action_map["export_asyncapi"].trigger()
    assert sorted(p.name for p in (tmp_path / "events").iterdir())[0] == "ctx-billing.asyncapi.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: (str(tmp_path / "catalog-info"), "Backstage catalog (*.yaml *.yml)"))
    retail.action_map["export_backstage"].trigger()
    kinds = {d["kind"] for d in yaml.safe_load_all((tmp_path / "catalog-info.yaml").read_text())}
    assert {"Group", "Component", "API", "Resource"} <= kinds
