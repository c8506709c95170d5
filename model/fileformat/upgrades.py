"""Bringing a file written by an older Steelframe up to the current format, one registered step at a time."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from model.fileformat.document import FORMAT_VERSION
from model.fileformat.errors import file_error


def _from_1(data: dict[str, Any]) -> dict[str, Any]:
    """Format 2 added the optional ``exchange`` part (what an ArchiMate import keeps); a format-1
    file has none, so its data stands as it is."""
    return data


def _from_2(data: dict[str, Any]) -> dict[str, Any]:
    """Format 3 added the optional ``conflicts`` part (what a three-way merge could not decide); a
    format-2 file has none, so its data stands as it is."""
    return data


#: version N -> a function turning the data of a format-N file into format N+1 data.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _from_1, 2: _from_2}


def upgraded(data: dict[str, Any], source: str) -> dict[str, Any]:
    """Bring an older file's data up to FORMAT_VERSION one registered step at a time."""
    if "format" not in data:
        raise file_error(source, "$.format: missing; a Steelframe model file starts with its format version")
    version = data["format"]
    if not isinstance(version, int) or isinstance(version, bool):
        raise file_error(source, f"$.format: expected a whole number, got {json.dumps(version)[:40]}")
    if version > FORMAT_VERSION:
        raise file_error(
            source, f"written by a newer Steelframe (format {version}; this version reads up to {FORMAT_VERSION})"
        )
    while version < FORMAT_VERSION:
        step = UPGRADES.get(version)
        if step is None:
            reason = f"unknown format version {version} (this version reads up to {FORMAT_VERSION})"
            raise file_error(source, f"$.format: {reason}")
        try:
            data = step(data)
        except Exception as error:  # an upgrade meeting malformed old data is unusable input, not a crash
            raise file_error(source, f"cannot upgrade it from format {version}: {error}") from None
        if not isinstance(data, dict):
            raise file_error(source, f"cannot upgrade it from format {version}: the upgrade gave no object")
        version += 1
        data["format"] = version
    return data
