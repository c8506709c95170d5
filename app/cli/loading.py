"""Reading the model file a subcommand was given, and refusing outputs before any work is done."""

from __future__ import annotations

from model.fileformat import from_json, read_model_file
from model.safe_files import check_output
from model.store import Model


def load(path: str) -> tuple[Model, str]:
    """The model and its text (the SARIF report points at lines of it)."""
    text = read_model_file(path)
    return from_json(text, source=path), text


def writable(path: str, force: bool, inputs: tuple[str, ...] = ()) -> None:
    """Refuse, before any work, an output that is a link, a folder, a device or FIFO, one of ``inputs``,
    or that would overwrite without --force."""
    check_output(path, force, inputs)
