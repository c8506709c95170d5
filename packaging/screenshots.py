"""Render the main window on each template and theme to PNG files, to look at before a release.

    .venv/bin/python packaging/screenshots.py --out /tmp/shots          # offscreen
    xvfb-run -a .venv/bin/python packaging/screenshots.py --out /tmp/shots --platform xcb

Each window gets its own settings file and a recovery folder in a temporary directory, so the
user's real settings are never read or written. ``--readme`` also copies the retail light screenshot to
``resources/screenshots/retail.png``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README_SHOT = ROOT / "resources" / "screenshots" / "retail.png"
TEMPLATES = ("retail", "insurer", "blank")
THEMES = ("light", "dark")
SIZE = (1440, 900)
#: What is selected in each shot, so the property editor shows something real.
SELECTED = {"retail": "ctx-pricing", "insurer": "ctx-policy-admin"}


def render(out: Path, templates: Sequence[str] = TEMPLATES, themes: Sequence[str] = THEMES) -> list[Path]:
    """Write ``<template>-<theme>.png`` files into ``out``; returns them."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.document.controller import Document
    from app.files.recovery import RecoveryStore
    from app.window.main import application
    from app.window.mainwindow import MainWindow
    from model.templates import build_template

    app = application()
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch:
        for template in templates:
            for theme in themes:
                # Fresh settings for each shot: a window saves its dock layout on close, and one left by the
                # presentation shot (offscreen's 800x800 screen clamps the window) would squeeze the next.
                settings = QSettings(str(Path(scratch) / f"{template}-{theme}.ini"), QSettings.Format.IniFormat)
                settings.setValue("view/theme", theme)
                window = MainWindow(Document(build_template(template)), settings=settings,
                                    recovery=RecoveryStore(Path(scratch) / "recovery"))
                window.resize(*SIZE)
                window.show()
                _settle(app)
                _select(window, SELECTED.get(template))
                window.fit()
                _settle(app)
                target = out / f"{template}-{theme}.png"
                window.grab().save(str(target))
                written.append(target)
                if template == "retail":
                    written.append(_presentation(window, out / f"{template}-{theme}-presentation.png"))
                window.close()
                window.deleteLater()
                _settle(app)
    QApplication.processEvents()
    return written


def _presentation(window: object, target: Path) -> Path:
    """The same window in presentation mode (F5), as a workshop room sees it."""
    from app.window.mainwindow import MainWindow

    assert isinstance(window, MainWindow)
    window.presentation.enter()
    _settle(window)
    window.fit()
    _settle(window)
    window.grab().save(str(target))
    window.presentation.leave()
    _settle(window)
    return target


def _settle(app: object) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()


def _select(window: object, element_id: str | None) -> None:
    from app.window.mainwindow import MainWindow

    assert isinstance(window, MainWindow)
    model = window.document.model
    if element_id is None or model.find_element(element_id) is None:
        contexts = [e.id for e in model.elements() if e.kind == "context"]
        element_id = contexts[0] if contexts else None
    if element_id is not None:
        window.selection.set([element_id])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "steelframe-screenshots")
    parser.add_argument("--platform", default=None, help="Qt platform plugin (default: offscreen unless set)")
    parser.add_argument("--readme", action="store_true", help=f"also copy the retail light shot to {README_SHOT}")
    args = parser.parse_args(argv)
    if args.platform:
        os.environ["QT_QPA_PLATFORM"] = args.platform
    else:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    written = render(args.out)
    for path in written:
        sys.stdout.write(f"{path}\n")
    if args.readme:
        README_SHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(args.out / "retail-light.png", README_SHOT)
        sys.stdout.write(f"copied to {README_SHOT}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
