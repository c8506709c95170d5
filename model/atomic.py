"""Writing a file so that a crash or a full disk never leaves it half written.

A temporary file beside the target, flushed and fsynced, renamed over the target (the rename is
the commit), then the folder synced so the rename survives a power cut. Every writer of the
project (model files, exports, decision records) goes through here.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path``; on any failure the previous file is left exactly as it was.

    A symbolic link is written through, not replaced. OS errors propagate for the caller to word.
    """
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()
    directory = target.parent
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


def _create_temporary(directory: Path, name: str) -> tuple[int, Path]:
    """A new file created with mode 0o666 so the user's umask applies, as for any ordinary file."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        candidate = directory / f".{name}.{secrets.token_hex(4)}.tmp"
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
