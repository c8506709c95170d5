"""Writing an export atomically, with the one-line error every command prints when the OS refuses."""

from __future__ import annotations

import os
from pathlib import Path

from model.atomic import write_atomically as atomic_write
from model.fileformat.errors import file_error, os_reason


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path``; on any failure the previous file is left exactly as it was.

    Raises the file format's one-line error (``"{file}: {reason}"``) when the OS refuses.
    """
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()  # write through the link instead of replacing it with a file
    try:
        atomic_write(target, data)
    except OSError as error:
        raise file_error(os.fspath(path), f"cannot write it: {os_reason(error, target)}") from error
