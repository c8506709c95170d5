"""Writing generated Markdown safely: a temporary file beside the target, synced, then renamed over it."""

from __future__ import annotations

import contextlib
from pathlib import Path

from model.atomic import write_atomically as atomic_write
from model.errors import ModelError


def os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "its folder does not exist"
    if isinstance(error, IsADirectoryError):
        return "it is a folder"
    if isinstance(error, NotADirectoryError):
        return "a part of the path is a file, not a folder"
    if isinstance(error, PermissionError):
        return "permission denied"
    return error.strerror or str(error)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``; on failure the previous file stays exactly as it was."""
    try:
        atomic_write(path, data)
    except OSError as error:
        raise ModelError(f"{path}: cannot write it: {os_reason(error)}") from None


def write_text_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` (UTF-8, LF) unless the file already holds exactly these bytes; True when written."""
    data = text.encode("utf-8")
    with contextlib.suppress(OSError):
        if path.is_file() and path.read_bytes() == data:
            return False
    write_atomically(path, data)
    return True


def usable_folder(folder: Path) -> None:
    """Make sure ``folder`` exists and is a folder, creating it (and its parents) when needed."""
    if folder.exists() and not folder.is_dir():
        raise ModelError(f"{folder}: is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ModelError(f"{folder}: cannot create the folder: {os_reason(error)}") from None
