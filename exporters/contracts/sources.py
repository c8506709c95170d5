"""Which files are contracts, told by their content: an AsyncAPI document has a top-level ``asyncapi``
version, a catalog file holds ``backstage.io`` entities. A folder is walked (hidden folders and
``node_modules`` skipped) and other files in it are passed over; a file named on its own must be one.

References (``$ref``) may reach any file under the folder given, or under a named file's own folder.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from exporters.contracts.asyncapi.reading import read_asyncapi
from exporters.contracts.backstage.entities import is_entity
from exporters.contracts.backstage.reading import Catalog
from exporters.contracts.errors import refuse
from exporters.contracts.estate import Estate
from exporters.contracts.pointer import Files
from exporters.contracts.yamlfile import MAX_BYTES, line_of, load_documents, read_text

#: A top-level ``asyncapi:`` key (YAML or JSON) or a Backstage ``apiVersion``: worth parsing.
_HINT = re.compile(r'(?m)^["\']?asyncapi["\']?\s*:|"asyncapi"\s*:|apiVersion["\']?\s*:\s*["\']?backstage\.io/')
_SKIPPED = {"node_modules", "__pycache__"}


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIPPED)
        for name in sorted(names):
            if not name.startswith("."):
                yield Path(root) / name


def _candidates(paths: Iterable[str]) -> Iterator[tuple[Path, Path, bool]]:
    """(file, its reference root, named on its own)."""
    for text in paths:
        path = Path(text)
        if path.is_dir():
            for file in _walk(path):
                yield file, path, False
        elif path.exists():
            yield path, path.parent, True  # a file, or something read_text refuses by what it is
        else:
            refuse(path, 0, "no such file or folder")


def read_contracts(paths: Iterable[str]) -> Estate:
    """The estate the AsyncAPI documents and catalog files at ``paths`` describe."""
    estate, catalog = Estate(), Catalog()
    files: dict[Path, Files] = {}
    found = 0
    for path, root, named in _candidates(paths):
        documents = _contract_documents(path, named)
        if documents is None:
            continue
        found += 1
        folder = files.setdefault(root.resolve(), Files(root))
        for document in documents:
            if is_entity(document):
                catalog.add(document, path)
            elif isinstance(document, dict) and "asyncapi" in document:
                read_asyncapi(estate, folder, document, path)
            elif named or len(documents) > 1:
                refuse(path, line_of(document), "neither an AsyncAPI document nor a Backstage catalog entity")
    if not found:
        refuse(", ".join(paths), 0, "no AsyncAPI document or Backstage catalog file found")
    catalog.read_into(estate)
    return estate


def _contract_documents(path: Path, named: bool) -> list[Any] | None:
    """The file's documents if it is a contract; None for another file in a folder."""
    if not named:
        try:
            if path.stat().st_size > MAX_BYTES or not path.is_file():
                return None
            head = path.read_bytes()[:65536].decode("utf-8", "replace")
        except OSError:
            return None
        if not _HINT.search(head):
            return None
    documents = load_documents(path, read_text(path))
    if not documents:
        if named:
            refuse(path, 0, "the file is empty")
        return None
    first = documents[0]
    if not isinstance(first, dict):
        if named:
            refuse(path, 1, f"a contract must be a mapping, not {type(first).__name__}")
        return None
    if is_entity(first) or "asyncapi" in first:
        return documents
    if named:
        refuse(path, line_of(first), "neither an AsyncAPI document nor a Backstage catalog entity")
    return None
