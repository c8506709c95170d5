"""Files in the main window: new, open, import, save, save as, the dirty marker and the close prompt,
recent files, autosave to the recovery folder and recovery after a crash, and the window layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.document.controller import Document
from app.files.controller import reason
from app.files.recent import LIMIT
from app.files.recovery import RecoveryStore, key_for
from app.files.restore import offer_recovery
from app.window.mainwindow import MainWindow
from exporters.archimate import write_archimate
from model.elements import Context
from model.fileformat import load_model, save_model, to_json
from model.templates import build_template
from model.views import Bounds
from tests.app.conftest import MakeWindow

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")  # windows in a temp folder, no modal dialogs
Answer = QMessageBox.StandardButton


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    """Answer the next Save/Discard/Cancel (or recovery) question with ``button``; returns the questions asked."""
    asked: list[str] = []

    def question(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    return said


def change(window: MainWindow, name: str = "Returns") -> str:
    view_id = window.tabs.current_view_id() or ""
    element_id = f"ctx-{name.lower()}"
    with window.document.edit(f"Add {name}") as model:
        model.add_element(Context(id=element_id, name=name))
        model.place(view_id, element_id, Bounds(x=1200, y=40, w=240, h=160))
    return element_id


@pytest.fixture
def retail_file(tmp_path: Path) -> Path:
    path = tmp_path / "shop.steelframe.json"
    save_model(build_template("retail"), path)
    return path


# ---------------------------------------------------------------- new/open


def test_open_a_file(make_window: MakeWindow, retail_file: Path) -> None:
    window = make_window()
    assert window.files.open(retail_file)
    assert window.document.path == retail_file.resolve()
    assert window.windowTitle() == "shop.steelframe.json[*] — Steelframe"
    assert window.tabs.count() == len(window.document.model.views())
    assert to_json(window.document.model) == retail_file.read_text(encoding="utf-8")


def test_open_through_the_dialog(make_window: MakeWindow, retail_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    filters: list[str] = []

    def chosen(parent: object, title: str, folder: str, filter_: str) -> tuple[str, str]:
        filters.append(filter_)
        return str(retail_file), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", chosen)
    window = make_window()
    window.action_map["open"].trigger()
    assert window.document.path == retail_file.resolve()
    assert "*.steelframe.json" in filters[0] and "*.xml" in filters[0]


def test_new_from_a_template(make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: ("Insurer modernisation (example)", True))
    window = make_window()
    window.action_map["new"].trigger()
    assert window.document.model.name == build_template("insurer").name
    assert window.document.path is None and not window.isWindowModified()
    assert window.files.new("blank") and window.document.model.name == "Untitled"


def test_an_open_error_says_why_and_keeps_the_model(make_window: MakeWindow, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(Document(build_template("retail")))
    before = window.document
    bad = tmp_path / "bad.steelframe.json"
    bad.write_text('{"format": 1, "elements": [{"id": "a", "kind": "widget"}]}', encoding="utf-8")
    said = warnings(monkeypatch)
    assert not window.files.open(bad)
    assert not window.files.open(tmp_path / "missing.steelframe.json")
    assert not window.files.open(tmp_path / "broken.xml")
    assert len(said) == 3 and all("\n" not in text for text in said)
    assert said[0].startswith(f"{bad}: $.elements[0].kind")
    assert "missing.steelframe.json" in said[1] and "broken.xml" in said[2]
    assert window.document is before and window.tabs.document is before


def test_an_archimate_file_opens_as_an_import(make_window: MakeWindow, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    exchange = tmp_path / "estate.xml"
    write_archimate(build_template("retail"), exchange)
    window = make_window()
    assert window.files.open(exchange)
    assert window.imported_from == exchange and window.document.path is None
    assert window.windowTitle() == "estate.xml (imported)[*] — Steelframe"
    assert window.isWindowModified(), "an import is not saved anywhere yet"
    target = tmp_path / "estate"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    assert window.files.save()
    saved = tmp_path / "estate.steelframe.json"
    assert window.document.path == saved.resolve() and window.imported_from is None
    assert not window.isWindowModified()
    assert to_json(load_model(saved)) == to_json(window.document.model)


# ------------------------------------------------------------ save, dirty


def test_save_and_reopen_keeps_ids_and_layout(make_window: MakeWindow, tmp_path: Path) -> None:
    window = make_window(Document(build_template("retail")))
    added = change(window)
    path = tmp_path / "shop.steelframe.json"
    assert window.files.save_as(path)
    model = window.document.model
    again = make_window()
    assert again.files.open(path)
    reopened = again.document.model
    assert {e.id for e in reopened.elements()} == {e.id for e in model.elements()}
    assert {r.id for r in reopened.relations()} == {r.id for r in model.relations()}
    for view in model.views():
        assert reopened.layouts(view.id) == model.layouts(view.id)
    assert reopened.layout(model.views()[0].id, added) == Bounds(x=1200, y=40, w=240, h=160)
    assert added in again.tabs.view_for(model.views()[0].id).diagram.elements


def test_the_dirty_marker_follows_edits_undo_and_save(make_window: MakeWindow, retail_file: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    window.files.open(retail_file)
    assert "[*]" in window.windowTitle() and not window.isWindowModified()
    change(window)
    assert window.isWindowModified()
    window.document.undo_stack.undo()
    assert not window.isWindowModified()
    window.document.undo_stack.redo()
    window.action_map["save"].trigger()
    assert not window.isWindowModified()
    assert "ctx-returns" in retail_file.read_text(encoding="utf-8")
    assert window.statusBar().currentMessage() == "Saved shop.steelframe.json"


def test_save_as_names_the_file_and_the_title(make_window: MakeWindow, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(Document(build_template("blank")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "plan.json"), ""))
    window.action_map["save_as"].trigger()
    assert window.document.path == (tmp_path / "plan.steelframe.json").resolve()
    assert window.windowTitle().startswith("plan.steelframe.json[*]")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert not window.files.save_as(), "a cancelled dialog saves nothing"


def test_a_failed_save_says_why_and_stays_dirty(make_window: MakeWindow, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    change(window)
    said = warnings(monkeypatch)
    assert not window.files.save_as(tmp_path / "absent" / "plan.steelframe.json")
    assert len(said) == 1 and "absent" in said[0]
    assert window.isWindowModified() and window.document.path is None


@pytest.mark.parametrize("case", [(Answer.Cancel, False, False), (Answer.Discard, True, False),
                                  (Answer.Save, True, True)], ids=["cancel", "discard", "save"])
def test_closing_a_changed_model_asks_first(make_window: MakeWindow, retail_file: Path, monkeypatch: pytest.MonkeyPatch,
                                            case: tuple[QMessageBox.StandardButton, bool, bool]) -> None:
    button, closes, saved = case
    window = make_window()
    window.files.open(retail_file)
    change(window)
    asked = answer(monkeypatch, button)
    assert window.close() is closes
    assert len(asked) == 1 and "shop.steelframe.json" in asked[0]
    assert window.isVisible() is not closes
    assert ("ctx-returns" in retail_file.read_text(encoding="utf-8")) is saved


def test_new_and_open_ask_before_replacing_a_changed_model(make_window: MakeWindow, retail_file: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    change(window)
    before = window.document
    asked = answer(monkeypatch, Answer.Cancel)
    assert not window.files.new("retail")
    assert not window.files.open(retail_file)
    assert len(asked) == 2 and window.document is before
    answer(monkeypatch, Answer.Discard)
    assert window.files.open(retail_file)
    assert window.document is not before and not window.isWindowModified()


def test_a_clean_model_closes_without_asking(make_window: MakeWindow) -> None:
    window = make_window()
    assert window.close()


# ------------------------------------------------------------------ recent


def test_recent_files_newest_first_at_most_eight_missing_ones_pruned(make_window: MakeWindow, tmp_path: Path) -> None:
    window = make_window()
    paths = []
    for n in range(LIMIT + 2):
        path = tmp_path / f"m{n}.steelframe.json"
        save_model(build_template("blank"), path)
        window.files.open(path)
        paths.append(path.resolve())
    assert window.files.recent.paths() == paths[::-1][:LIMIT]
    entries = [a for a in window.recent_menu.actions() if a.text().startswith("&")]
    assert [a.toolTip() for a in entries[:LIMIT]] == [str(p) for p in paths[::-1][:LIMIT]]
    assert entries[0].shortcut().toString() == "Ctrl+Alt+1"
    paths[-2].unlink()
    assert paths[-2] not in window.files.recent.paths()
    entries[LIMIT - 1].trigger()
    assert window.document.path == paths[2]
    assert window.files.recent.paths()[0] == paths[2]


def test_recent_files_survive_a_restart(make_window: MakeWindow, retail_file: Path) -> None:
    first = make_window()
    first.files.open(retail_file)
    second = make_window()
    assert second.files.recent.paths() == [retail_file.resolve()]
    assert second.recent_menu.actions()[0].toolTip() == str(retail_file.resolve())


# -------------------------------------------------------- autosave, recovery


def test_autosave_writes_a_recovery_file_only_when_dirty(make_window: MakeWindow, retail_file: Path,
                                                         tmp_path: Path) -> None:
    window = make_window()
    window.files.open(retail_file)
    assert window.autosave() is None
    change(window)
    written = window.autosave()
    assert written == window.recovery.file_for(key_for(retail_file.resolve()))
    assert written.parent == tmp_path / "recovery"
    assert written.read_text(encoding="utf-8") == to_json(window.document.model)
    window.files.save()
    assert not written.exists(), "a clean save removes the recovery file"


def test_autosave_runs_on_a_timer(make_window: MakeWindow, tmp_path: Path, qtbot: QtBot) -> None:
    window = make_window(autosave_ms=20)
    change(window)
    recovery = window.recovery.file_for(window.recovery.key(None, window.document))
    qtbot.waitUntil(recovery.exists, timeout=3000)
    window.document.undo_stack.setClean()
    assert window.close()
    assert not recovery.exists(), "a clean close removes the recovery file"


def test_recovery_restores_a_crashed_session(make_window: MakeWindow, retail_file: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    crashed = make_window()
    crashed.files.open(retail_file)
    change(crashed, "Returns")
    crashed.autosave()
    crashed.hide()  # the session "crashes": no close, the recovery file stays
    crashed.recovery.release()  # and its process is gone, so its lock is free
    started = make_window()
    asked = answer(monkeypatch, Answer.Yes)
    assert offer_recovery(started) == []
    assert len(asked) == 1 and "shop.steelframe.json" in asked[0]
    assert started.document.path == retail_file.resolve()
    assert started.isWindowModified() and started.document.dirty
    assert started.document.model.find_element("ctx-returns") is not None
    assert "ctx-returns" not in retail_file.read_text(encoding="utf-8")
    started.files.save()
    assert "ctx-returns" in retail_file.read_text(encoding="utf-8")
    assert RecoveryStore(tmp_path / "recovery").pending() == []
    crashed.document.undo_stack.setClean()


def test_recovery_can_be_discarded_or_kept_for_later(make_window: MakeWindow, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    store.write(build_template("retail"), None)
    store.release()  # the session that wrote it has ended
    window = make_window()
    answer(monkeypatch, Answer.Ignore)
    offer_recovery(window)
    assert len(window.recovery.pending()) == 1 and not window.document.dirty
    assert RecoveryStore(tmp_path / "recovery").pending() == [], "offered by this session: no other one offers it"
    answer(monkeypatch, Answer.Discard)
    offer_recovery(window)
    assert window.recovery.pending() == []
    assert list((tmp_path / "recovery").iterdir()) == []


def test_a_second_recovery_opens_its_own_window(make_window: MakeWindow, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    first, second = tmp_path / "a.steelframe.json", tmp_path / "b.steelframe.json"
    store.write(build_template("retail"), first)
    store.write(build_template("insurer"), second)
    store.release()
    window = make_window()
    answer(monkeypatch, Answer.Yes)
    opened = offer_recovery(window)
    assert len(opened) == 1
    assert {window.document.path, opened[0].document.path} == {first.resolve(), second.resolve()}
    for each in (window, opened[0]):
        assert each.document.dirty
    opened[0].document.undo_stack.setClean()
    opened[0].close()
    opened[0].deleteLater()


def test_reason_is_one_line() -> None:
    assert reason(FileNotFoundError(2, "No such file or directory", "x.json")) == "x.json: No such file or directory"


# ------------------------------------------------------------------- layout


def test_geometry_and_docks_are_remembered(make_window: MakeWindow, tmp_path: Path, qtbot: QtBot) -> None:
    window = make_window()
    for dock in (window.docks.palette, window.docks.properties, window.docks.violations, window.docks.history):
        dock.hide()
    qtbot.waitUntil(lambda: window.minimumSize().width() < 640)  # once the layout forgets the hidden docks
    window.resize(640, 480)  # small enough for the offscreen screen: restoreGeometry keeps windows on screen
    assert window.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.value("window/state") is not None and settings.value("window/geometry") is not None
    again = make_window()
    assert again.docks.violations.isHidden() and again.docks.palette.isHidden()
    assert not again.docks.tree.isHidden()
    assert (again.width(), again.height()) == (640, 480)


def test_an_idle_window_does_not_write_the_same_recovery_copy_again(make_window: MakeWindow) -> None:
    window = make_window()
    change(window)
    assert window.autosave() is not None
    assert window.autosave() is None, "nothing changed since the last copy"
    change(window, "Refunds")
    assert window.autosave() is not None


def test_a_slow_read_runs_off_the_gui_thread_and_can_be_cancelled(make_window: MakeWindow, retail_file: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import threading
    import time

    from PySide6.QtWidgets import QProgressDialog

    import app.files.controller

    threads: list[str] = []
    real = app.files.controller.read_model

    def slow(path: Path) -> object:
        threads.append(threading.current_thread().name)
        time.sleep(0.3)
        return real(path)

    monkeypatch.setattr(app.files.controller, "read_model", slow)
    window = make_window()
    before = window.document
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    assert not window.files.open(retail_file)
    assert window.document is before and threads == ["steelframe-read"]
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: False)
    assert window.files.open(retail_file)
    assert window.document.path == retail_file.resolve()
