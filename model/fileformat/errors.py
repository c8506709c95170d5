"""How a file problem is worded: one line, ``"{file}: {reason}"``, with the OS error said in words."""

from __future__ import annotations

import os
from pathlib import Path

from model.errors import ModelError


class FileFormatError(ModelError):
    """A model file that cannot be read or written; the message is ``"{file}: {reason}"`` on one line."""


def file_error(source: str, reason: str) -> FileFormatError:
    return FileFormatError(" ".join(f"{source}: {reason}".splitlines()))


def os_reason(error: OSError, target: Path) -> str:
    if isinstance(error, FileNotFoundError):
        parent = target.parent
        return f"the folder {os.fspath(parent)!r} does not exist" if not parent.is_dir() else "no such file"
    if isinstance(error, IsADirectoryError):
        return "it is a directory"
    if isinstance(error, PermissionError):
        return "permission denied"
    return error.strerror or str(error)
