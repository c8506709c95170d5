"""Files at the boundaries: read only regular files, within a size limit that names itself; write only
where the user said, never through a link or onto a device, a FIFO or the input itself.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from model.errors import ModelError

MIB = 1024 * 1024
#: The largest model file read (a 2,000-context estate is about 20 MB).
MODEL_LIMIT = 512 * MIB
#: The largest ArchiMate exchange file read.
EXCHANGE_LIMIT = 512 * MIB
#: The largest decision record read (a record is a page of Markdown).
RECORD_LIMIT = 4 * MIB


class UnsafeFileError(ModelError):
    """A file that is not read or written: not a regular file, too large, a link or the input itself."""


def size_text(limit: int) -> str:
    return f"{limit // MIB} MiB" if limit >= MIB else f"{limit} bytes"


def read_regular(path: str | os.PathLike[str], limit: int, what: str) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; OSError or UnsafeFileError otherwise.

    Opened without blocking (a FIFO with no writer would hang ``open``) and checked on the open
    descriptor, so a file swapped after the check is still judged by what is read.
    """
    name = os.fspath(path)
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UnsafeFileError(f"{name}: is a symbolic link loop") from None
        raise
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(stream.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", name)
        if not stat.S_ISREG(info.st_mode):
            kind = kind_of(info.st_mode)
            raise UnsafeFileError(f"{name}: is {kind}, not a regular file; a {what} is read from a file")
        if info.st_size > limit:
            raise UnsafeFileError(f"{name}: is larger than the {size_text(limit)} limit for a {what}")
        data = stream.read(limit + 1)
    if len(data) > limit:  # it grew while being read
        raise UnsafeFileError(f"{name}: is larger than the {size_text(limit)} limit for a {what}")
    return data


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "not a regular file"


def check_output(path: str | os.PathLike[str], force: bool, inputs: tuple[str | os.PathLike[str], ...] = ()) -> None:
    """Refuse, before any work, an output that is not a plain new or (with ``force``) existing file.

    A symbolic link is refused (its target was not named), as are folders, devices, FIFOs, any of
    ``inputs`` (under another name too) and, without ``force``, a file that exists.
    """
    name = os.fspath(path)
    try:
        info = os.lstat(name)
    except FileNotFoundError:
        return
    except OSError as error:
        raise UnsafeFileError(f"{name}: cannot use it as the output: {error.strerror or error}") from None
    if stat.S_ISLNK(info.st_mode):
        target = _link_target(name)
        raise UnsafeFileError(f"{name}: is a symbolic link{target}; name the file itself as the output")
    if stat.S_ISDIR(info.st_mode):
        raise UnsafeFileError(f"{name}: is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeFileError(f"{name}: is {kind_of(info.st_mode)}, not a regular file; refusing to replace it")
    for given in inputs:
        if same_file(name, given):
            raise UnsafeFileError(f"{name}: is the input {os.fspath(given)}; refusing to overwrite it")
    if not force:
        raise UnsafeFileError(f"{name}: already exists (use --force to overwrite it)")


def same_file(one: str | os.PathLike[str], other: str | os.PathLike[str]) -> bool:
    try:
        return os.path.samefile(one, other)
    except (OSError, ValueError):
        return False


def _link_target(name: str) -> str:
    try:
        os.stat(name)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return " loop"
    try:
        return f" to {os.readlink(name)}"
    except OSError:
        return ""


def inside(path: Path, folder: Path) -> bool:
    """True when ``path``, links resolved, lies in ``folder`` (links resolved too)."""
    try:
        real = path.resolve(strict=True)
        return real.is_relative_to(folder.resolve(strict=True))
    except (OSError, RuntimeError):
        return False
