"""Reading the model file a subcommand was given, and refusing outputs before any work is done."""

from __future__ import annotations

from pathlib import Path

from model.fileformat import FileFormatError, from_json, read_model_file
from model.store import Model


def load(path: str) -> tuple[Model, str]:
    """The model and its text (the SARIF report points at lines of it)."""
    text = read_model_file(path)
    return from_json(text, source=path), text


def writable(path: str, force: bool) -> None:
    """Refuse, before any work, an output that is a folder or that would overwrite without --force."""
    output = Path(path)
    if output.is_dir():
        raise FileFormatError(f"{path}: is a directory")
    if output.exists() and not force:
        raise FileFormatError(f"{path}: already exists (use --force to overwrite it)")
