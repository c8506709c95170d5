"""Screenshots for issue #12: the map a keyboard-only workshop captures (not arranged), in the window and
in presentation mode, and presentation mode on both templates; written to resources/screenshots/.

The session is the one bench/workshop_capture.py types with xdotool, submitted line by line through
the real capture field (the same verbs, the same placement).

    QT_QPA_PLATFORM=offscreen python bench/workshop_screens.py
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.document.controller import Document  # noqa: E402
from app.files.recovery import RecoveryStore  # noqa: E402
from app.window.main import application  # noqa: E402
from app.window.mainwindow import MainWindow  # noqa: E402
from bench.workshop_capture import SESSION  # noqa: E402
from model.templates import build_template  # noqa: E402

OUT = ROOT / "resources" / "screenshots"


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def window_on(template: str, scratch: Path) -> MainWindow:
    settings = QSettings(str(scratch / f"{template}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Document(build_template(template)), settings=settings,
                        recovery=RecoveryStore(scratch / "recovery"))
    window.resize(1440, 900)
    window.show()
    settle()
    return window


def shoot(window: MainWindow, name: str, presenting: bool) -> Path:
    if presenting:
        window.presentation.enter()
        settle()
    window.fit()
    settle()
    target = OUT / name
    window.grab().save(str(target))
    if presenting:
        window.presentation.leave()
        settle()
    return target


def captured(window: MainWindow) -> None:
    """Type the workshop into the capture field, key by key, Enter after each line."""
    window.focus_capture()
    for line in SESSION:
        QTest.keyClicks(window.capture, re.sub(r"[{}]", "", line))
        QTest.keyClick(window.capture, Qt.Key.Key_Return)
        settle()
    window.selection.clear()


def main() -> int:
    app = application()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        written = []
        window = window_on("blank", Path(scratch))
        captured(window)
        written += [shoot(window, "workshop-captured.png", False),
                    shoot(window, "workshop-captured-presentation.png", True)]
        window.document.undo_stack.setClean()
        window.close()
        for template in ("retail", "insurer"):
            window = window_on(template, Path(scratch))
            written.append(shoot(window, f"{template}-presentation.png", True))
            window.close()
        settle()
    app.processEvents()
    for path in written:
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
