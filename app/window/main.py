"""The desktop app's entry point: ``steelframe`` and ``steelframe gui [MODEL]`` end up here."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app.document.controller import Document
from app.files.restore import offer_recovery
from app.window.mainwindow import MainWindow
from app.window.settings import APPLICATION, ORGANIZATION
from model.templates import build_template

#: The application icon, drawn from resources/icons/steelframe.svg by packaging/build_icons.py.
ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
#: The desktop entry's name (packaging/linux/steelframe.desktop) without ``.desktop``: Wayland's app
#: id, and how a desktop matches the window to the entry and its icon.
DESKTOP_FILE_NAME = "steelframe"


def application() -> QApplication:
    """The one QApplication, named so that settings and the recovery folder land in Steelframe's place."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(application_icon())
    return app


def application_icon() -> QIcon:
    """Every PNG size of the icon (plain PNGs: no SVG icon-engine plugin is needed to show it)."""
    icon = QIcon()
    for png in sorted(ICONS.glob("steelframe-*.png")):
        icon.addFile(str(png))
    return icon


def run_gui(model_path: str | None) -> int:
    """Open the main window, on ``model_path`` if given, and run the event loop.

    The file is opened the way File > Open opens it (a Steelframe model or an ArchiMate exchange
    file); one that cannot be read leaves the window open on a blank model, with the reason in a
    message box and on stderr.
    """
    app = application()
    window = MainWindow(Document(build_template("blank")))
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # nothing outlives the window it closes
    window.show()
    if model_path is not None:
        open_at_start(window, Path(model_path))
    recovered = offer_recovery(window)  # kept alive (referenced) while the event loop runs
    code = app.exec()
    recovered.clear()
    window.recovery.release()
    return int(code)


def open_at_start(window: MainWindow, path: Path) -> bool:
    """``steelframe gui FILE``: File > Open's reading, and the refusal also on stderr for the terminal."""
    if window.files.load(path, also_tell=lambda reason: sys.stderr.write(f"steelframe: {reason}\n")):
        return True
    window.show_status(f"Could not open {path.name}: a blank model instead (File > Open to try another)")
    return False
