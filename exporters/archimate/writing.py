"""Saving an export atomically: a temporary file beside the target, synced, then renamed over it."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from model.fileformat.errors import file_error, os_reason


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path``; on any failure the previous file is left exactly as it was.

    Raises the file format's one-line error (``"{file}: {reason}"``) when the OS refuses.
    """
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()  # write through the link instead of replacing it with a file
    try:
        _replace(target, data)
    except OSError as error:
        raise file_error(os.fspath(path), f"cannot write it: {os_reason(error, target)}") from error


def _replace(target: Path, data: bytes) -> None:
    mode = stat.S_IMODE(target.stat().st_mode) if target.is_file() else None
    temporary = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
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
    _sync_directory(target.parent)


def _sync_directory(directory: Path) -> None:
    """Make the rename durable; platforms that cannot open a directory (Windows) skip this."""
    flag = getattr(os, "O_DIRECTORY", None)
    if flag is None:
        return
    try:
        fd = os.open(directory, os.O_RDONLY | flag)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
