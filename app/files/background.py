"""Run a slow read (a large model file, an ArchiMate import) off the GUI thread, with a progress
dialog that can cancel it. The caller still gets the result in one call: the GUI keeps painting
while it waits."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

T = TypeVar("T")
SHOW_AFTER_MS = 400  # quick reads never flash a dialog


class Cancelled(Exception):
    """The user pressed Cancel; whatever the thread still computes is dropped."""


class _Outcome(Generic[T]):
    def __init__(self) -> None:
        self.done = threading.Event()
        self.value: T | None = None
        self.error: BaseException | None = None


def run_in_background(parent: QWidget, label: str, work: Callable[[], T]) -> T:
    """``work()`` on a worker thread; raises what it raised, or ``Cancelled``."""
    outcome: _Outcome[T] = _Outcome()

    def target() -> None:
        try:
            outcome.value = work()
        except BaseException as error:  # handed to the GUI thread, raised there
            outcome.error = error
        finally:
            outcome.done.set()

    threading.Thread(target=target, name="steelframe-read", daemon=True).start()
    dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setValue(0)
    try:
        while not outcome.done.wait(0.01):
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if dialog.wasCanceled():
                raise Cancelled(label)
    finally:
        dialog.reset()
        dialog.deleteLater()
    if outcome.error is not None:
        raise outcome.error
    return outcome.value  # type: ignore[return-value]
