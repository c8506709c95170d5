"""Where a finding lies in the model file: the file as a URI, and the lines of each element's object."""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path, PurePosixPath
from urllib.parse import quote

#: A key ``"id"`` with its string value, a brace, or a line break: all that placing an object needs.
_TOKEN = re.compile(r'"id"[ \t]*:[ \t]*("(?:[^"\\\n]|\\.)*")|"(?:[^"\\\n]|\\.)*"|[{}\n]')


def relative_path(model_path: str) -> PurePosixPath:
    """The model file relative to the working directory (the repository root in CI) where it lies below it."""
    path = Path(model_path)
    if path.is_absolute():
        with contextlib.suppress(ValueError):  # outside it: keep the absolute path
            path = path.relative_to(Path.cwd())
    return PurePosixPath(*path.parts)


def artifact_uri(model_path: str) -> str:
    """The model file as a relative URI where possible (what code-scanning tools expect)."""
    path = relative_path(model_path)
    if path.is_absolute():
        return Path(path).as_uri()
    return quote(path.as_posix(), safe="/")


def id_spans(text: str) -> dict[str, tuple[int, int]]:
    """The 1-based first and last line of the JSON object of each ``"id"`` in the file.

    An annotation then covers the whole element (or relation, or waiver) it is about. The text
    was already read as JSON, so its braces balance.
    """
    found: dict[str, tuple[int, int]] = {}
    open_objects: list[tuple[int, str | None]] = []
    line = 1
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token == "\n":
            line += 1
        elif token == "{":
            open_objects.append((line, None))
        elif token == "}" and open_objects:
            start, item_id = open_objects.pop()
            if item_id is not None:
                found.setdefault(item_id, (start, line))
        elif match.group(1) is not None and open_objects and open_objects[-1][1] is None:
            value = json.loads(match.group(1))
            if isinstance(value, str):
                open_objects[-1] = (open_objects[-1][0], value)
    return found
