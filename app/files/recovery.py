"""Crash recovery: a dirty model is copied to a recovery folder a moment after the edits pause (and every
30 s while they go on), and offered back on the next start if its session did not close cleanly.

Every document has its own recovery file, named after the session (one per process, holding a lock
file for as long as it runs) and the document: a hash of its path, or ``untitled-N``. A ``.origin``
note beside it names the path, so a restored model reopens where it belongs. Only the files of a
session whose lock is free (the process is gone) are offered; the live session's are never touched.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import os
import secrets
import weakref
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths

from model.fileformat import save_model
from model.store import Model

log = logging.getLogger(__name__)
SUFFIX = ".steelframe.json"
ORIGIN = ".origin"
LOCK = ".lock"
ENV_FOLDER = "STEELFRAME_RECOVERY_DIR"
#: The clock for uninterrupted editing; an edit after a pause is copied after QUIET_MS.
AUTOSAVE_MS = 30_000
QUIET_MS = 2_000


def default_folder() -> Path:
    """``$STEELFRAME_RECOVERY_DIR``, else the platform's application data folder + ``recovery``."""
    override = os.environ.get(ENV_FOLDER)
    if override:
        return Path(override)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


def key_for(path: Path | None) -> str:
    """``untitled`` or a short hash of the absolute path."""
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
    """The recovery files of one session (this process), and those other sessions left behind."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or default_folder()
        self.session = f"s{os.getpid()}-{secrets.token_hex(4)}"
        self._lock: QLockFile | None = None
        self._held: dict[str, QLockFile] = {}  # locks of ended sessions whose files are being offered
        self._untitled: weakref.WeakKeyDictionary[object, str] = weakref.WeakKeyDictionary()
        self._numbers = itertools.count(1)

    def key(self, path: Path | None, owner: object | None = None) -> str:
        """The document's key: its path's hash, or ``untitled-N`` for each unsaved ``owner`` (a document)."""
        if path is not None or owner is None:
            return key_for(path)
        if owner not in self._untitled:
            self._untitled[owner] = f"untitled-{next(self._numbers)}"
        return self._untitled[owner]

    def file_for(self, key: str) -> Path:
        return self.folder / f"{self.session}.{key}{SUFFIX}"

    def write(self, model: Model, path: Path | None, owner: object | None = None) -> Path:
        """Save ``model`` atomically as this session's recovery copy of the document."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self._own()
        target = self.file_for(self.key(path, owner))
        save_model(model, target)
        _origin_file(target).write_text(os.fspath(path.resolve()) if path else "", encoding="utf-8")
        return target

    def remove(self, path: Path | None, owner: object | None = None) -> None:
        self.discard(self.file_for(self.key(path, owner)))

    def discard(self, file: Path) -> None:
        for leftover in (file, _origin_file(file)):
            try:
                leftover.unlink(missing_ok=True)
            except OSError as error:  # a locked or vanished folder must not stop a save or a close
                log.warning("cannot remove recovery file %s: %s", leftover, error)
        self._forget_if_done(_session_of(file))

    def adopt(self, file: Path, path: Path | None, owner: object) -> Path:
        """Make a recovered file this session's copy of ``owner`` (so no other instance offers it again)."""
        target = self.file_for(self.key(path, owner))
        self._own()
        try:
            os.replace(file, target)
            _origin_file(target).write_text(os.fspath(path) if path else "", encoding="utf-8")
            _origin_file(file).unlink(missing_ok=True)
        except OSError as error:
            log.warning("cannot take over recovery file %s: %s", file, error)
            return file
        self._forget_if_done(_session_of(file))
        return target

    def pending(self) -> list[Recovered]:
        """Recovery files of sessions that are gone, oldest first; a running session's are not listed."""
        if not self.folder.is_dir():
            return []
        found = []
        for file in self.folder.glob(f"*{SUFFIX}"):
            session = _session_of(file)
            if session == self.session or not self._ended(session):
                continue
            try:
                found.append((file.stat().st_mtime, file))
            except OSError:
                continue
        return [Recovered(file, _read_origin(file)) for _, file in sorted(found)]

    def release(self) -> None:
        """End this session's claim (on a clean exit; a crash leaves a stale lock, which counts as free)."""
        for lock in [self._lock, *self._held.values()]:
            if lock is not None:
                lock.unlock()
        self._lock = None
        self._held.clear()

    def _own(self) -> None:
        if self._lock is None:
            lock = QLockFile(os.fspath(self.folder / f"{self.session}{LOCK}"))
            lock.setStaleLockTime(0)  # held for hours: only a dead owner makes it stale
            lock.tryLock(0)
            self._lock = lock

    def _ended(self, session: str | None) -> bool:
        """True when no running process owns ``session`` (its lock is taken here until its files are dealt with)."""
        if session is None or session in self._held:
            return True
        lock = QLockFile(os.fspath(self.folder / f"{session}{LOCK}"))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            return False
        self._held[session] = lock
        return True

    def _forget_if_done(self, session: str | None) -> None:
        if session is None or session not in self._held:
            return
        if not any(self.folder.glob(f"{session}.*{SUFFIX}")):
            self._held.pop(session).unlock()


def _session_of(file: Path) -> str | None:
    """The session that wrote ``file``; None for a file of version one (``untitled.steelframe.json``)."""
    stem = file.name.removesuffix(SUFFIX)
    return stem.split(".", 1)[0] if "." in stem else None


def _origin_file(file: Path) -> Path:
    return file.with_name(file.name.removesuffix(SUFFIX) + ORIGIN)


def _read_origin(file: Path) -> Path | None:
    try:
        text = _origin_file(file).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return Path(text) if text else None
