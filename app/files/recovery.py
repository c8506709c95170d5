"""Crash recovery: a dirty model is copied every 30 s to a recovery folder, and offered back on the
next start if Steelframe did not close cleanly.

Each recovery file is a normal model file named after a hash of the document's path (or
``untitled``), with a ``.origin`` note beside it naming that path, so a restored model reopens
where it belongs and Save writes it there.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from model.fileformat import save_model
from model.store import Model

log = logging.getLogger(__name__)
SUFFIX = ".steelframe.json"
ORIGIN = ".origin"
ENV_FOLDER = "STEELFRAME_RECOVERY_DIR"
AUTOSAVE_MS = 30_000


def default_folder() -> Path:
    """``$STEELFRAME_RECOVERY_DIR``, else the platform's application data folder + ``recovery``."""
    override = os.environ.get(ENV_FOLDER)
    if override:
        return Path(override)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


def key_for(path: Path | None) -> str:
    """``untitled`` or a short hash of the absolute path: one recovery file per document."""
    if path is None:
        return "untitled"
    return hashlib.sha256(os.fspath(path.resolve()).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Recovered:
    """A recovery file left by a session that did not close cleanly."""

    file: Path
    origin: Path | None

    @property
    def label(self) -> str:
        return self.origin.name if self.origin else "an untitled model"


class RecoveryStore:
    """The recovery folder: write, remove and list recovery files."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or default_folder()

    def file_for(self, path: Path | None) -> Path:
        return self.folder / f"{key_for(path)}{SUFFIX}"

    def write(self, model: Model, path: Path | None) -> Path:
        """Save ``model`` atomically as the recovery copy of ``path``."""
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.file_for(path)
        save_model(model, target)
        _origin_file(target).write_text(os.fspath(path.resolve()) if path else "", encoding="utf-8")
        return target

    def remove(self, path: Path | None) -> None:
        self.discard(self.file_for(path))

    def discard(self, file: Path) -> None:
        for leftover in (file, _origin_file(file)):
            try:
                leftover.unlink(missing_ok=True)
            except OSError as error:  # a locked or vanished folder must not stop a save or a close
                log.warning("cannot remove recovery file %s: %s", leftover, error)

    def pending(self) -> list[Recovered]:
        """Recovery files present now, oldest first."""
        if not self.folder.is_dir():
            return []
        files = sorted(self.folder.glob(f"*{SUFFIX}"), key=lambda f: f.stat().st_mtime)
        return [Recovered(file, _read_origin(file)) for file in files]


def _origin_file(file: Path) -> Path:
    return file.with_name(file.name.removesuffix(SUFFIX) + ORIGIN)


def _read_origin(file: Path) -> Path | None:
    try:
        text = _origin_file(file).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return Path(text) if text else None
