"""File → Import Decision Records says which files it did not read, and why."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from exporters.adr import write_adrs
from model.templates import build_template
from tests.app.conftest import MakeWindow

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")


def test_skipped_records_are_named_in_a_message(make_window: MakeWindow, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "decisions"
    write_adrs(build_template("insurer"), folder)
    record = next(iter(sorted(folder.glob("0*.md"))))
    record.write_text(record.read_text(encoding="utf-8").replace("\n---\n", "\n", 1), encoding="utf-8")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: told.append(text))
    window = make_window()
    assert window.exports.import_decisions(folder) is not None
    assert len(told) == 1 and record.name in told[0] and "not closed" in told[0]
