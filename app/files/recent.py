"""Recent files, kept in QSettings (newest first, at most eight, files gone from disk pruned), and their menu."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

KEY = "files/recent"
LIMIT = 8
KEYS = [f"Ctrl+Alt+{n}" for n in range(1, LIMIT + 1)]


class RecentFiles:
    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def paths(self) -> list[Path]:
        """The list as it is on disk now; missing files are dropped (and forgotten)."""
        stored = self._stored()
        present = [p for p in stored if p.is_file()]
        if present != stored:
            self._store(present)
        return present

    def add(self, path: Path) -> None:
        path = path.resolve()
        self._store([path, *(p for p in self._stored() if p != path)][:LIMIT])

    def clear(self) -> None:
        self._store([])

    def _stored(self) -> list[Path]:
        value = self.settings.value(KEY, [])
        if isinstance(value, str):  # QSettings gives a lone string for a one-item list in INI files
            value = [value]
        if not isinstance(value, list):
            return []
        return [Path(v) for v in value if isinstance(v, str) and v]

    def _store(self, paths: list[Path]) -> None:
        self.settings.setValue(KEY, [os.fspath(p) for p in paths])


class RecentMenu(QMenu):
    """File > Open Recent: one entry per file (Ctrl+Alt+1 ... 8), and Clear Recent Files."""

    def __init__(self, window: QWidget, recent: RecentFiles, open_file: Callable[[Path], object],
                 parent_menu: QMenu, before: QAction) -> None:
        super().__init__("Open &Recent", window)
        self.setObjectName("menu-recent")
        self.window_ = window
        self.recent = recent
        self.open_file = open_file
        parent_menu.insertMenu(before, self)
        self.fill()

    def fill(self) -> None:
        """Rebuild the entries; they are also the window's actions, so their keys work with the menu bar hidden."""
        for action in self.actions():
            self.window_.removeAction(action)
        self.clear()
        paths = self.recent.paths()
        for number, path in enumerate(paths, start=1):
            action = self.addAction(f"&{number} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.setShortcut(QKeySequence(KEYS[number - 1]))
            action.triggered.connect(lambda _=False, p=path: self.open_file(p))
            self.window_.addAction(action)
        self.addSeparator()
        clear = self.addAction("&Clear Recent Files")
        clear.setShortcut(QKeySequence("Ctrl+Alt+0"))
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self._clear)
        self.window_.addAction(clear)

    def _clear(self) -> None:
        self.recent.clear()
        self.fill()
