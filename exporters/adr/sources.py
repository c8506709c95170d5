"""The text of the Markdown files in a decisions folder, read as a user would expect and never silently
skipped: a BOM, UTF-16 and Latin-1 are read; a link out of the folder, a device, a FIFO or a file over
the size limit is skipped with a warning naming the file and the reason.
"""

from __future__ import annotations

import codecs
import logging
import os
from pathlib import Path

from model.safe_files import RECORD_LIMIT, UnsafeFileError, inside, read_regular

log = logging.getLogger(__name__)

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def markdown_files(folder: Path) -> list[Path]:
    """The ``*.md`` entries of ``folder``, in name order."""
    return sorted(path for path in folder.iterdir() if path.name.endswith(".md"))


def skipped(path: Path, reason: str) -> None:
    log.warning("%s: skipped: %s", os.fspath(path), reason)


def record_text(path: Path, folder: Path) -> str | None:
    """The text of one file of ``folder``, or None (with a warning saying why) when it is not read."""
    if path.is_symlink() and not inside(path, folder):
        skipped(path, "a symbolic link to outside the folder is not followed")
        return None
    try:
        data = read_regular(path, RECORD_LIMIT, "decision record")
    except UnsafeFileError as error:
        skipped(path, str(error).removeprefix(f"{os.fspath(path)}: "))
        return None
    except OSError as error:
        skipped(path, f"cannot read it: {error.strerror or error}")
        return None
    return decode(data)


def decode(data: bytes) -> str:
    """Text by its BOM, else UTF-8, else UTF-16 without a BOM (every other byte NUL), else Windows-1252 or Latin-1."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").removeprefix("\ufeff")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if len(data) >= 2 and data.count(0) * 3 >= len(data):
        encoding = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        return data.decode(encoding, errors="replace")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")
