"""``steelframe gui FILE`` (defect 4): it opens what File > Open opens, an ArchiMate exchange file too,
and a file it cannot read leaves the window open with the reason in a message box (and on stderr)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

import app.window.main
from app.cli.main import main
from app.window.main import application
from app.window.mainwindow import MainWindow
from exporters.archimate import import_archimate, write_archimate
from model.templates import build_template
from tests.bad_files import BAD_CONTENT


def run_gui_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                 argument: str) -> tuple[int, str, list[tuple[str, int, bool]], list[str]]:
    """Run ``steelframe gui ARGUMENT`` with the real event loop; look at the window, then close it."""
    monkeypatch.setenv("STEELFRAME_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setenv("STEELFRAME_RECOVERY_DIR", str(tmp_path / "recovery"))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    seen: list[tuple[str, int, bool]] = []

    def look_and_close() -> None:
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow) and window.isVisible():
                seen.append((window.windowTitle(), len(window.document.model.elements()), window.document.dirty))
                window.document.undo_stack.setClean()
                window.close()

    def after_opening(window: MainWindow) -> list[MainWindow]:  # reading runs a local event loop: look after it
        QTimer.singleShot(0, look_and_close)
        return []

    application().setQuitOnLastWindowClosed(True)
    monkeypatch.setattr(app.window.main, "offer_recovery", after_opening)
    code = main(["gui", argument])
    return code, capsys.readouterr().err, seen, warnings


def test_gui_imports_an_archimate_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    model = build_template("retail")
    write_archimate(model, tmp_path / "retail.xml")
    code, err, seen, warnings = run_gui_once(monkeypatch, tmp_path, capsys, str(tmp_path / "retail.xml"))
    assert (code, err, warnings) == (0, "", [])
    expected = len(import_archimate(str(tmp_path / "retail.xml")).elements())  # what File > Open shows
    assert seen == [("retail.xml (imported)[*] — Steelframe", expected, True)]  # an import is not saved yet


@pytest.mark.parametrize("name", ["missing.steelframe.json", "bad.steelframe.json"])
def test_gui_shows_the_window_with_the_reason_for_a_bad_file(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    if name.startswith("bad"):
        (tmp_path / name).write_bytes(BAD_CONTENT[0][1])
    code, err, seen, warnings = run_gui_once(monkeypatch, tmp_path, capsys, str(tmp_path / name))
    assert code == 0 and len(seen) == 1 and seen[0][1] == 0  # the window, on a blank model
    assert len(warnings) == 1 and warnings[0]
    assert err.startswith("steelframe: ") and err.count("\n") == 1
