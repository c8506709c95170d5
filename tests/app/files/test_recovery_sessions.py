"""Crash recovery under faults: one recovery file per document, a running session's copies never offered
to another instance, a crashed process's copies offered, autosave soon after the edits pause, and no
failure while saving that closes the window or drops the recovery copy."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.document.controller import Document
from app.files.recovery import RecoveryStore
from app.files.restore import offer_recovery
from app.window.mainwindow import MainWindow
from model.elements import Context
from model.templates import build_template
from tests.app.conftest import MakeWindow
from tests.paths import REPO

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")
Answer = QMessageBox.StandardButton


def add_context(window: MainWindow, name: str) -> None:
    with window.document.edit(f"Add {name}") as model:
        model.add_element(Context(id=f"ctx-{name.lower()}", name=name))


def questions(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_two_untitled_windows_of_one_session_keep_their_own_recovery_copies(
        qtbot: QtBot, tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    windows = [MainWindow(Document(build_template("blank")), settings=settings, recovery=store) for _ in range(2)]
    try:
        add_context(windows[0], "Returns")
        add_context(windows[1], "Refunds")
        first, second = (window.autosave() for window in windows)
        assert first is not None and second is not None and first != second
        assert "ctx-returns" in first.read_text(encoding="utf-8")
        assert "ctx-refunds" in second.read_text(encoding="utf-8")
    finally:
        for window in windows:
            window.document.undo_stack.setClean()
            window.close()
            window.deleteLater()


def test_a_second_instance_neither_offers_nor_deletes_a_running_session_s_copy(
        make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    running = make_window()
    add_context(running, "Returns")
    copy = running.autosave()
    assert copy is not None
    started = make_window()  # another process's store: the same folder, its own session
    asked = questions(monkeypatch, Answer.Discard)
    assert offer_recovery(started) == []
    assert asked == [] and copy.exists()


def test_the_copies_of_a_killed_process_are_offered(make_window: MakeWindow, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "recovery"
    script = (
        "import os, sys; from pathlib import Path\n"
        "from app.files.recovery import RecoveryStore\nfrom model.templates import build_template\n"
        "store = RecoveryStore(Path(sys.argv[1]))\nstore.write(build_template('retail'), None)\n"
        "os._exit(0)  # killed: no clean exit, the lock file stays behind\n"
    )
    env = {**os.environ, "PYTHONPATH": os.fspath(REPO)}
    subprocess.run([sys.executable, "-c", script, os.fspath(folder)], check=True, env=env, timeout=120)
    assert any(folder.glob("*.lock")), "the killed session's lock file is left behind"
    window = make_window()
    asked = questions(monkeypatch, Answer.Yes)
    offer_recovery(window)
    assert len(asked) == 1
    assert window.document.dirty and window.document.model.name == build_template("retail").name
    assert window.recovery.pending() == []


def test_autosave_follows_the_first_edit_after_a_pause(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = make_window(quiet_ms=200)  # the 30 s clock stays as it is
    add_context(window, "Returns")
    copy = window.recovery.file_for(window.recovery.key(None, window.document))
    started = time.monotonic()
    qtbot.waitUntil(copy.exists, timeout=5000)
    assert time.monotonic() - started < 5
    assert "ctx-returns" in copy.read_text(encoding="utf-8")


def test_text_no_writer_can_encode_is_a_message_and_the_window_and_its_copy_stay(
        make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    add_context(window, "Returns")
    copy = window.autosave()
    assert copy is not None
    before = copy.read_bytes()
    with window.document.edit("Rename") as model:  # a name no writer can encode, however it got in
        model.update_element("ctx-returns", name="Ret\ud800urns")
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    assert window.autosave() is None
    assert copy.read_bytes() == before, "the last good recovery copy stays"
    assert not window.files.save_as(tmp_path / "out.steelframe.json")
    assert said and "UTF-8" in said[-1] and not (tmp_path / "out.steelframe.json").exists()
    questions(monkeypatch, Answer.Save)
    monkeypatch.setattr(window.files, "save_as", lambda path=None: window.files._write(tmp_path / "x.steelframe.json"))
    assert not window.close(), "a failed save keeps the window open"
    assert window.isVisible() and window.document.dirty and copy.exists()
    window.document.undo_stack.undo()
    assert window.files.save_as(tmp_path / "out.steelframe.json")
