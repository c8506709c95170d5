"""File handling of the main window: new, open (native or ArchiMate import), save, save as, recent
files, and the Save/Discard/Cancel prompt before the open model is replaced or the window closes.

Saving is atomic (``save_model``); a failed open or save says its one-line reason in a message box
and leaves the open model exactly as it was.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from app.document.controller import Document
from app.files.background import Cancelled, run_in_background
from app.files.recent import RecentFiles
from app.files.recovery import RecoveryStore
from app.window.host import WindowHost
from model.errors import ModelError
from model.fileformat import load_model, save_model
from model.safe_text import shown
from model.settings import Settings
from model.store import Model
from model.templates import build_template

log = logging.getLogger(__name__)
NATIVE_SUFFIX = ".steelframe.json"
UNTITLED = Settings().name  # what a new model is called until it is named
NATIVE_FILTER = "Steelframe models (*.steelframe.json)"
OPEN_FILTERS = ";;".join((
    "Steelframe models and ArchiMate exchange files (*.steelframe.json *.xml)",
    NATIVE_FILTER,
    "ArchiMate exchange files (*.xml)",
))
TEMPLATE_CHOICES = {"Blank model": "blank", "Retail estate (example)": "retail",
                    "Insurer modernisation (example)": "insurer"}
Answer = QMessageBox.StandardButton


class Host(WindowHost, Protocol):
    """What the file controller needs of the window."""

    document: Document
    imported_from: Path | None

    def install(self, document: Document, imported_from: Path | None = None) -> None: ...


def reason(error: Exception) -> str:
    """The one line a user reads: the model's own wording, or the OS error with its file."""
    if isinstance(error, OSError) and not isinstance(error, ModelError):
        where = f"{error.filename}: " if error.filename else ""
        return where + (error.strerror or str(error))
    if isinstance(error, UnicodeError):
        return f"a text of the model cannot be written as UTF-8 ({shown(str(error), 160)})"
    if not isinstance(error, ModelError):
        return f"an internal error: {type(error).__name__}: {shown(str(error), 160)}"
    return " ".join(str(error).splitlines())


def read_model(path: Path) -> tuple[Model, bool]:
    """The model in ``path`` and whether it was imported (an ArchiMate exchange file)."""
    if path.suffix.lower() == ".xml":
        from exporters.archimate import import_archimate  # only an import pays for the exchange reader

        return import_archimate(os.fspath(path)), True
    return load_model(path), False


def with_native_suffix(path: Path) -> Path:
    if path.name.endswith(NATIVE_SUFFIX):
        return path
    return path.with_name(path.name.removesuffix(".json") + NATIVE_SUFFIX)


class FileController(QObject):
    """New, Open, Save, Save As and recent files, for one window."""

    recent_changed = Signal()

    def __init__(self, host: Host, settings: QSettings, recovery: RecoveryStore) -> None:
        super().__init__()
        self.host = host
        self.recent = RecentFiles(settings)
        self.recovery = recovery

    # ------------------------------------------------------------------ new

    def new(self, template: str | None = None) -> bool:
        """Replace the open model by a template (asked for when not given), after the save prompt."""
        if not self.maybe_save():
            return False
        template = template or self.choose_template()
        if template is None:
            return False
        self.release_current()
        self.host.install(Document(build_template(template)))
        return True

    def choose_template(self) -> str | None:
        labels = list(TEMPLATE_CHOICES)
        label, ok = QInputDialog.getItem(self.host.widget(), "New model", "Start from:", labels, 0, False)
        return TEMPLATE_CHOICES.get(label) if ok else None

    # ----------------------------------------------------------------- open

    def open(self, path: Path | str | None = None) -> bool:
        """Open a model file (or import an ArchiMate exchange file), after the save prompt."""
        if not self.maybe_save():
            return False
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self.host.widget(), "Open model", self._folder(), OPEN_FILTERS)
            if not chosen:
                return False
            path = chosen
        return self.load(Path(path))

    def load(self, path: Path, also_tell: Callable[[str], object] | None = None) -> bool:
        """Read ``path`` and show it; on failure say why (to ``also_tell`` too) and keep the open model untouched."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            model, imported = run_in_background(self.host.widget(), f"Reading {path.name}…", lambda: read_model(path))
        except Cancelled:
            return False
        except (ModelError, OSError) as error:
            if also_tell is not None:
                also_tell(reason(error))
            QMessageBox.warning(self.host.widget(), "Cannot open the model", reason(error))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        if self.host.document.dirty or self.host.document.path or self.host.imported_from:
            self.release_current()  # a clean new model wrote no copy: an untitled one from a crash stays offered
        if imported:
            document = Document(model)
            document.undo_stack.resetClean()  # an import is not saved anywhere yet
            self.host.install(document, imported_from=path)
            self.host.show_status(f"Imported {path.name}: save it as a Steelframe model to keep it")
        else:
            self.host.install(Document(model, path.resolve()))
            self._remember(path)
        return True

    # ----------------------------------------------------------------- save

    def save(self) -> bool:
        document = self.host.document
        if document.path is None or self.host.imported_from is not None:
            return self.save_as()
        return self._write(document.path)

    def save_as(self, path: Path | str | None = None) -> bool:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.host.widget(), "Save model as", os.fspath(self._suggested()), NATIVE_FILTER)
            if not chosen:
                return False
            path = chosen
        return self._write(with_native_suffix(Path(path)))

    def _write(self, path: Path) -> bool:
        """Save; any failure (whatever its kind) is said in a message and leaves the work and its recovery copy."""
        document = self.host.document
        named = self._name_after(path)
        try:
            save_model(document.model, path)
        except Exception as error:  # a failed save must never lose the session's work
            if named:
                document.undo_stack.undo()  # the model keeps its name until it is saved under the new one
            if not isinstance(error, ModelError | OSError):
                log.exception("saving %s failed", path)
            QMessageBox.warning(self.host.widget(), "Cannot save the model",
                                f"{reason(error)}\n\nYour changes are still open (and in the recovery copy).")
            return False
        self.recovery.remove(document.path, document)
        self.recovery.remove(path, document)
        if self.host.imported_from is not None:
            self.recovery.remove(None, document)
            self.host.imported_from = None
        document.mark_saved(path.resolve())
        self._remember(path)
        self.host.show_status(f"Saved {path.name}")
        return True

    def _name_after(self, path: Path) -> bool:
        """A model still called "Untitled" takes its file's name when first saved (one undo step); True if it did."""
        document = self.host.document
        if document.model.name.strip() not in ("", UNTITLED):
            return False
        name = path.name.removesuffix(NATIVE_SUFFIX).removesuffix(".json") or path.stem
        with document.edit(f"Name the model {name}") as model:
            model.update_settings(name=name)
        return True

    # --------------------------------------------------------------- prompt

    def maybe_save(self) -> bool:
        """True when the open model may be replaced or closed: it is clean, saved now, or discarded."""
        document = self.host.document
        if not document.dirty:
            return True
        name = self.display_name()
        answer = QMessageBox.question(
            self.host.widget(), "Save changes?", f"The model {name} has changes that are not saved.\n"
            "Save them before it is closed?", Answer.Save | Answer.Discard | Answer.Cancel, Answer.Save)
        if answer == Answer.Save:
            return self.save()
        return answer == Answer.Discard

    def release_current(self) -> None:
        """The open model is about to go on purpose: its recovery copy is no longer wanted."""
        document = self.host.document
        self.recovery.remove(None if self.host.imported_from else document.path, document)

    def display_name(self) -> str:
        document = self.host.document
        if self.host.imported_from is not None:
            return f"{self.host.imported_from.name} (imported)"
        return document.path.name if document.path else document.title

    # --------------------------------------------------------------- recent

    def _remember(self, path: Path) -> None:
        self.recent.add(path)
        self.recent_changed.emit()

    def _folder(self) -> str:
        recent = self.recent.paths()
        return os.fspath(recent[0].parent) if recent else os.fspath(Path.home())

    def _suggested(self) -> Path:
        document = self.host.document
        if document.path is not None:
            return document.path
        stem = self.host.imported_from.stem if self.host.imported_from else (document.model.name or "model")
        return Path(self._folder()) / f"{stem}{NATIVE_SUFFIX}"
