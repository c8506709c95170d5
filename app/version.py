"""Steelframe's version: ``[project] version`` in pyproject.toml is the one place it is written."""

from __future__ import annotations

import tomllib
from pathlib import Path


def steelframe_version() -> str:
    """``[project] version`` of pyproject.toml, the one place it is written, wherever steelframe runs.

    A source tree (an editable install, or none at all) reads pyproject.toml beside the packages, so
    a bumped version shows without reinstalling; an installed wheel and the desktop bundle, which
    have no pyproject.toml, carry the same version in the distribution's metadata.
    """
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    try:
        with pyproject.open("rb") as handle:
            project = tomllib.load(handle).get("project", {})
        if project.get("name") == "steelframe" and isinstance(project.get("version"), str):
            return str(project["version"])
    except (OSError, tomllib.TOMLDecodeError):
        pass
    from importlib.metadata import PackageNotFoundError, version  # slow to import: only off a source tree

    try:
        return version("steelframe")
    except PackageNotFoundError:  # neither a source tree nor installed
        return "0+unknown"
