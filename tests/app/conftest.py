"""Fixtures for the desktop app: a document on a template, a selection, a scene of its first view, main windows."""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.canvas.scene import DiagramScene
from app.document.controller import Document
from app.document.selection import Selection
from app.files.recovery import RecoveryStore
from app.window.mainwindow import MainWindow
from model.templates import build_template


def _top_level_widgets() -> list[QWidget]:
    gc.collect()  # a window nobody holds is freed (signal lambdas make reference cycles)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what deleteLater() let go
    return QApplication.topLevelWidgets()


@pytest.fixture(autouse=True)
def no_leaked_windows(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a top-level widget behind (napari's strict qtbot); they are closed and deleted."""
    before = set(_top_level_widgets())
    yield
    leaked = [w for w in _top_level_widgets() if w not in before]
    for widget in leaked:
        widget.close()
        widget.deleteLater()
    assert not leaked, f"a test leaked top-level widgets: {[type(w).__name__ for w in leaked]}"


@pytest.fixture
def document(qtbot: QtBot) -> Document:
    return Document(build_template("retail"))


@pytest.fixture
def blank_document(qtbot: QtBot) -> Document:
    return Document(build_template("blank"))


@pytest.fixture
def selection() -> Selection:
    return Selection()


@pytest.fixture
def scene(document: Document, selection: Selection) -> DiagramScene:
    return DiagramScene(document, document.model.views()[0].id, selection)


MakeWindow = Callable[..., MainWindow]


def _unexpected(*args: object, **kwargs: object) -> object:
    raise AssertionError(f"an unexpected modal dialog was opened: {args[1:3]}")


@pytest.fixture
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog would hang the test: each test answers the ones it expects."""
    for name in ("question", "warning", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, _unexpected)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", _unexpected)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _unexpected)
    monkeypatch.setattr(QInputDialog, "getText", _unexpected)
    monkeypatch.setattr(QInputDialog, "getItem", _unexpected)


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MakeWindow]:
    """Windows with their own settings file and recovery folder; closed clean at the end."""
    made: list[MainWindow] = []

    def make(document: Document | None = None, **kwargs: object) -> MainWindow:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(document, settings=settings, recovery=RecoveryStore(tmp_path / "recovery"),
                            **kwargs)  # type: ignore[arg-type]
        window.show()  # not qtbot.addWidget: pytest-qt would close it before the changes are dropped below
        made.append(window)
        return window

    yield make
    for window in made:
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()


@pytest.fixture
def retail(make_window: MakeWindow) -> MainWindow:
    return make_window(Document(build_template("retail")))
