"""The desktop app's entry point: ``steelframe`` and ``steelframe gui [MODEL]`` end up here."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.document import Document
from app.mainwindow import MainWindow
from app.restore import offer_recovery
from app.settings import APPLICATION, ORGANIZATION
from model.fileformat import load_model
from model.templates import build_template


def application() -> QApplication:
    """The one QApplication, named so that settings and the recovery folder land in Steelframe's place."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    return app


def run_gui(model_path: str | None) -> int:
    """Open the main window on ``model_path`` (or a blank model) and run the event loop.

    The model is read before any window exists, so an unusable file fails the way the command line
    reports it (``FileFormatError`` and ``OSError`` reach ``app.cli``: exit 2, one line).
    """
    model = load_model(model_path) if model_path is not None else build_template("blank")
    path = Path(model_path).resolve() if model_path is not None else None
    app = application()
    window = MainWindow(Document(model, path))
    window.show()
    recovered = offer_recovery(window)  # kept alive (referenced) while the event loop runs
    code = app.exec()
    recovered.clear()
    return int(code)
