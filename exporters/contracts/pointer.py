"""Relative ``$ref``s between contract files: followed inside one folder, never over the network.

A reference is ``[relative/file.yaml]#/json/pointer``. One that names a URL (``http:``, ``file:``, ...),
an absolute path, or a file outside the folder the contracts were given in is refused with its
file and line; so is a chain of references that comes back to itself. Files are loaded once.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from exporters.contracts.errors import refuse
from exporters.contracts.yamlfile import YamlMap, line_of, load_documents

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
MAX_CHAIN = 64


class Files:
    """The contract files under one root folder, each loaded once."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._loaded: dict[Path, Any] = {}
        self._targets: dict[tuple[Path, str], Path] = {}

    def document(self, path: Path) -> Any:
        """The first document of ``path`` (a referenced fragment file)."""
        path = path.resolve()
        if path not in self._loaded:
            documents = load_documents(path)
            self._loaded[path] = documents[0] if documents else YamlMap()
        return self._loaded[path]

    def remember(self, path: Path, document: Any) -> None:
        self._loaded[path.resolve()] = document

    def target(self, ref: str, here: Path, line: int) -> tuple[Path, str]:
        """The file and pointer a ``$ref`` written in ``here`` at ``line`` names; refused when outside."""
        if _SCHEME.match(ref):
            refuse(here, line, f"$ref {ref!r} is not a relative file: Steelframe never fetches a contract")
        file_part, _, pointer = ref.partition("#")
        if not file_part:
            return here.resolve(), pointer
        if file_part.startswith(("/", "\\")):
            refuse(here, line, f"$ref {ref!r} is an absolute path: it leaves the folder {self.root}")
        known = self._targets.get((here, file_part))
        if known is not None:
            return known, pointer
        target = (here.parent / unquote(file_part)).resolve()
        if not target.is_relative_to(self.root):
            refuse(here, line, f"$ref {ref!r} leaves the folder {self.root}")
        if not target.is_file():
            refuse(here, line, f"$ref {ref!r}: there is no file {target}")
        self._targets[(here, file_part)] = target
        return target, pointer


def _step(value: Any, part: str) -> Any:
    if isinstance(value, dict):
        return value.get(part, _MISSING)
    if isinstance(value, list) and part.isdigit() and int(part) < len(value):
        return value[int(part)]
    return _MISSING


_MISSING = object()


def walk_pointer(document: Any, pointer: str) -> Any:
    """The value at a JSON pointer (``/a/b~1c``), or ``_MISSING``."""
    value = document
    for raw in unquote(pointer).split("/")[1:] if pointer else []:
        value = _step(value, raw.replace("~1", "/").replace("~0", "~"))
        if value is _MISSING:
            break
    return value


def is_ref(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("$ref"), str)


def deref(files: Files, value: Any, here: Path) -> tuple[Any, Path, str | None]:
    """Follow ``$ref``s until a value that is not one: (value, its file, the last ref's pointer)."""
    seen: set[tuple[Path, str]] = set()
    pointer: str | None = None
    while is_ref(value):
        ref = value["$ref"]
        line = line_of(value)
        path, pointer = files.target(ref, here, line)
        if (path, pointer) in seen or len(seen) >= MAX_CHAIN:
            refuse(here, line, f"$ref {ref!r} is part of a cycle of references")
        seen.add((path, pointer))
        found = walk_pointer(files.document(path), pointer)
        if found is _MISSING:
            refuse(here, line, f"$ref {ref!r} points at nothing")
        value, here = found, path
    return value, here, pointer


def check_references(files: Files, document: Any, here: Path) -> None:
    """Follow every ``$ref`` reachable from ``document`` once, so a bad one is refused before reading."""
    pending: list[tuple[Any, Path]] = [(document, here)]
    visited: set[int] = set()
    while pending:
        value, path = pending.pop()
        if id(value) in visited:
            continue
        visited.add(id(value))
        if is_ref(value):
            target, target_path, _ = deref(files, value, path)
            pending.append((target, target_path))
        elif isinstance(value, dict):
            pending.extend((child, path) for child in value.values() if isinstance(child, dict | list))
        elif isinstance(value, list):
            pending.extend((child, path) for child in value if isinstance(child, dict | list))
