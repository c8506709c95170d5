"""Writing a file so that a crash or a full disk never leaves it half written.

A temporary file beside the target, flushed and fsynced, renamed over the target (the rename is
the commit), then the folder synced so the rename survives a power cut. Every writer of the
project (model files, exports, decision records) goes through here.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import re
import secrets
import stat
import time
from pathlib import Path


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path``; on any failure the previous file is left exactly as it was.

    A symbolic link is written through, not replaced. OS errors propagate for the caller to word.
    """
    target = Path(path)
    if target.is_symlink():
        try:
            target = target.resolve()
        except RuntimeError:  # Python before 3.13 words a loop this way
            raise OSError(errno.ELOOP, "is a symbolic link loop", os.fspath(path)) from None
    directory = target.parent
    clean_stale_temporaries(target)
    mode = stat.S_IMODE(target.stat().st_mode) if target.is_file() else None
    fd, temporary = _create_temporary(directory, target.name)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_directory(directory)


TEMPORARY_SUFFIX = ".tmp"
#: ``.NAME.PID-HEX.tmp`` as written now, ``.NAME.HEX.tmp`` as written by version one.
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.(?:(?P<pid>\d+)-)?[0-9a-f]{8}\.tmp")
#: A temporary of unknown owner older than this is left over from a killed save.
_STALE_SECONDS = 3600.0


def clean_stale_temporaries(target: Path) -> list[Path]:
    """Remove the temporaries of ``target`` left by a save that was killed; returns what was removed.

    A temporary is ours when it has our name pattern; it is stale when the process that made it is
    gone (or, for a name without a process id, when it is an hour old). Nothing else is touched.
    """
    removed: list[Path] = []
    try:
        candidates = list(target.parent.glob(f".{glob.escape(target.name)}.*{TEMPORARY_SUFFIX}"))
    except OSError:
        return removed
    for candidate in candidates:
        match = _TEMPORARY.fullmatch(candidate.name)
        if match is None or match.group("name") != target.name or not _stale(candidate, match.group("pid")):
            continue
        with contextlib.suppress(OSError):
            candidate.unlink()
            removed.append(candidate)
    return removed


def _stale(candidate: Path, pid: str | None) -> bool:
    try:
        info = candidate.lstat()
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    if pid is None:
        return time.time() - info.st_mtime > _STALE_SECONDS
    return int(pid) != os.getpid() and not _alive(int(pid))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _create_temporary(directory: Path, name: str) -> tuple[int, Path]:
    """A new file created with mode 0o666 so the user's umask applies, as for any ordinary file."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        candidate = directory / f".{name}.{os.getpid()}-{secrets.token_hex(4)}{TEMPORARY_SUFFIX}"
        try:
            return os.open(candidate, flags, 0o666), candidate
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {name}")


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable; platforms that cannot open a directory (Windows) skip this."""
    flag = getattr(os, "O_DIRECTORY", None)
    if flag is None:
        return
    try:
        fd = os.open(directory, os.O_RDONLY | flag)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):  # some file systems refuse fsync on a directory
            os.fsync(fd)
    finally:
        os.close(fd)
