"""A model file as it was at a git revision, read with ``git show`` (no work tree is touched)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from model.fileformat import FileFormatError, from_json
from model.store import Model


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", os.fspath(folder), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise FileFormatError("git is not installed (needed to read a revision)") from None


def revision_text(model_path: str, revision: str) -> str:
    """The text of ``model_path`` at ``revision`` of the git repository that holds it."""
    target = Path(model_path).resolve()
    folder = target.parent
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise FileFormatError(f"{model_path}: is not in a git repository, so {revision!r} cannot be read")
    commit = _git(folder, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    if commit.returncode != 0:
        raise FileFormatError(f"{revision}: unknown git revision in {top.stdout.decode().strip()}")
    inside = target.relative_to(Path(top.stdout.decode().strip()).resolve()).as_posix()
    shown = _git(folder, "show", f"{commit.stdout.decode().strip()}:{inside}")
    if shown.returncode != 0:
        raise FileFormatError(f"{model_path}: not in git revision {revision}")
    try:
        return shown.stdout.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise FileFormatError(f"{model_path}@{revision}: is not UTF-8 text") from None


def load_file_or_revision(reference: str, model_path: str) -> tuple[Model, str]:
    """A model file ``reference``, or ``model_path`` at the git revision ``reference``; and its label."""
    if Path(reference).exists():
        from app.cli.loading import load

        return load(reference)[0], reference
    label = f"{model_path}@{reference}"
    return from_json(revision_text(model_path, reference), source=label), label
