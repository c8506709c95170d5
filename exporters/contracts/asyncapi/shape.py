"""The rules of the official AsyncAPI schemas that the reading relies on, checked by hand.

The full JSON Schemas (2.6.0, 3.0.0, 3.1.0) validate far more (servers, bindings, payload schemas);
they run in the tests against our own exports. Here a document is refused, with its line, only
where it breaks what the mapping reads: the version, ``info``, the channels, the operations and
their messages.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from exporters.contracts.errors import refuse
from exporters.contracts.yamlfile import line_of

_VERSION = re.compile(r"^(2\.[0-6]\.\d+|3\.[01]\.\d+)$")
SUPPORTED = "2.0.0 to 2.6.0 and 3.0.0 to 3.1.x"
_TOP = {
    2: {"asyncapi", "id", "info", "servers", "defaultContentType", "channels", "components", "tags", "externalDocs"},
    3: {"asyncapi", "id", "info", "servers", "defaultContentType", "channels", "operations", "components"},
}
_ACTIONS = ("send", "receive")


def major_version(document: dict[str, Any], path: Path) -> int:
    """2 or 3; any other version is refused."""
    version = document.get("asyncapi")
    if not isinstance(version, str) or not _VERSION.match(version):
        refuse(path, line_of(document), f"unknown AsyncAPI version {version!r} (Steelframe reads {SUPPORTED})")
    return int(version[0])


def check_document(document: dict[str, Any], path: Path) -> int:
    major = major_version(document, path)
    for key in document:
        if not (isinstance(key, str) and (key in _TOP[major] or key.startswith("x-"))):
            refuse(path, line_of(document), f"AsyncAPI {major}.x has no top-level field {key!r}")
    info = document.get("info")
    mapping(info, path, line_of(document), "info")
    assert isinstance(info, dict)
    for field in ("title", "version"):
        if not isinstance(info.get(field), str) or not info[field].strip():
            refuse(path, line_of(info), f"info.{field} must be a non-empty string")
    mapping(document.get("channels", {}), path, line_of(document), "channels")
    if major == 3:
        mapping(document.get("operations", {}), path, line_of(document), "operations")
    return major


def mapping(value: Any, path: Path, line: int, what: str) -> None:
    if not isinstance(value, dict):
        refuse(path, line, f"{what} must be a mapping, not {_kind(value)}")


def check_operation(name: str, operation: Any, path: Path, line: int) -> None:
    """A 3.x operation: an action, a channel reference, and messages as a list."""
    mapping(operation, path, line, f"operation {name!r}")
    line = line_of(operation, line)
    if operation.get("action") not in _ACTIONS:
        refuse(path, line, f"operation {name!r}: action must be send or receive, not {operation.get('action')!r}")
    if not isinstance(operation.get("channel"), dict):
        refuse(path, line, f"operation {name!r}: channel must be a reference to a channel")
    if "messages" in operation and not isinstance(operation["messages"], list):
        refuse(path, line, f"operation {name!r}: messages must be a list of references")
    if "reply" in operation and not isinstance(operation["reply"], dict):
        refuse(path, line, f"operation {name!r}: reply must be a mapping")


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    for kind, name in ((dict, "a mapping"), (list, "a list"), (str, "a string")):
        if isinstance(value, kind):
            return name
    return type(value).__name__
