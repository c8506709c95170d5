"""On start, offer back what a crashed session left in the recovery folder: each file is recovered
(opened with its original path, marked as changed), discarded, or kept for the next start."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from app.document.controller import Document
from app.files.controller import reason
from app.files.recovery import Recovered
from app.window.mainwindow import MainWindow
from model.errors import ModelError
from model.fileformat import load_model

Answer = QMessageBox.StandardButton


def offer_recovery(window: MainWindow) -> list[MainWindow]:
    """Ask about each recovery file; returns the windows opened besides ``window``."""
    opened: list[MainWindow] = []
    for recovered in window.recovery.pending():
        answer = QMessageBox.question(
            window, "Recover unsaved changes?",
            f"Steelframe did not close cleanly and kept unsaved changes to {recovered.label}.\n"
            "Recover them? (Discard deletes them; Ignore asks again next time.)",
            Answer.Yes | Answer.Discard | Answer.Ignore, Answer.Yes)
        if answer == Answer.Discard:
            window.recovery.discard(recovered.file)
        elif answer == Answer.Yes:
            target = restore(window, recovered)
            if target is not None and target is not window:
                opened.append(target)
    return opened


def restore(window: MainWindow, recovered: Recovered) -> MainWindow | None:
    """Open a recovery file as a changed model with its original path, in ``window`` if it is unused."""
    try:
        model = load_model(recovered.file)
    except (ModelError, OSError) as error:
        QMessageBox.warning(window, "Cannot recover the model", reason(error))
        window.recovery.discard(recovered.file)
        return None
    document = Document(model, recovered.origin)
    document.undo_stack.resetClean()  # recovered changes are not saved yet
    target = window if _unused(window, recovered) else MainWindow(settings=window.settings, recovery=window.recovery)
    target.install(document)
    window.recovery.adopt(recovered.file, recovered.origin, document)
    target.show()
    target.show_status(f"Recovered unsaved changes to {recovered.label}: save to keep them")
    return target


def _unused(window: MainWindow, recovered: Recovered) -> bool:
    """A window showing nothing worth keeping: a clean untitled model, or the same file unchanged."""
    document = window.document
    if document.dirty or window.imported_from is not None:
        return False
    return document.path is None or document.path == recovered.origin
