"""A tiny, safe YAML front matter writer and reader for the few value types a decision record needs.

Strings are always double-quoted with JSON-compatible escapes (valid YAML 1.1 and 1.2), dates are
plain ISO dates, lists and mappings are flow style. The reader also accepts what a person typically
types when editing the header by hand: plain and single-quoted scalars and block lists.
"""

from __future__ import annotations

import datetime
import json
import re

from model.errors import ModelError
from model.safe_text import echo, surrogate_problem

FrontValue = str | list[str] | dict[str, str] | None
Emittable = str | datetime.date | list[str] | dict[str, str]

_KEY = re.compile(r"^([A-Za-z0-9_][A-Za-z0-9_.\-]*)\s*:(?:\s+(.*))?$")
_ITEM = re.compile(r"^\s*-\s*(.*)$")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


class FrontMatterError(ModelError):
    """The header of a decision record cannot be read."""


def _printable(char: str) -> bool:
    """YAML's printable set, minus the characters YAML 1.1 treats as line breaks or a BOM."""
    code = ord(char)
    return (
        0x20 <= code <= 0x7E or 0xA0 <= code <= 0xD7FF or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
        or code >= 0x10000
    ) and code not in (0x2028, 0x2029)


def quote(text: str) -> str:
    """``text`` as a double-quoted scalar whose escapes mean the same in YAML and JSON."""
    out = []
    for char in text:
        escaped = _ESCAPES.get(char)
        if escaped is None and not _printable(char):
            escaped = f"\\u{ord(char):04x}"
        out.append(escaped or char)
    return '"' + "".join(out) + '"'


def emit_value(value: Emittable) -> str:
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(quote(item) for item in value) + "]"
    return "{" + ", ".join(f"{quote(key)}: {quote(item)}" for key, item in value.items()) + "}"


def emit_front_matter(fields: list[tuple[str, Emittable]]) -> str:
    """The ``---`` delimited header, keys in the given order."""
    lines = ["---", *(f"{key}: {emit_value(value)}" for key, value in fields), "---"]
    return "\n".join(lines) + "\n"


def split_front_matter(text: str) -> tuple[dict[str, FrontValue], str] | None:
    """(header, body) of a Markdown file that starts with a front matter block, else None."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            return parse_front_matter(lines[1:end]), "\n".join(lines[end + 1:])
    return None


def parse_front_matter(lines: list[str]) -> dict[str, FrontValue]:
    found: dict[str, FrontValue] = {}
    index = 0
    while index < len(lines):
        line = lines[index].rstrip()
        index += 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _KEY.match(line)
        if match is None:
            raise FrontMatterError(f"front matter line {index + 1} is not 'key: value': {echo(line.strip())}")
        key, rest = match.group(1), (match.group(2) or "").strip()
        if rest:
            found[key] = parse_value(rest)
            continue
        items: list[str] = []
        while index < len(lines) and (item := _ITEM.match(lines[index])) is not None:
            items.append(_scalar(item.group(1).strip()) or "")
            index += 1
        found[key] = items if items else None
    return found


def parse_value(text: str) -> FrontValue:
    if text.startswith("["):
        return _flow_list(text)
    if text.startswith("{"):
        try:
            mapping = json.loads(text)
        except (ValueError, RecursionError):
            raise FrontMatterError(f"cannot read the mapping {echo(text)}") from None
        if not isinstance(mapping, dict):
            raise FrontMatterError(f"cannot read the mapping {echo(text)}")
        return {_text(str(key)): _text(str(value)) for key, value in mapping.items()}
    return _scalar(text)


def _flow_list(text: str) -> list[str]:
    try:
        items = json.loads(text)
    except RecursionError:
        raise FrontMatterError(f"cannot read the list {echo(text)}: nested too deeply") from None
    except ValueError:
        inner = text.strip()
        if not inner.endswith("]"):
            raise FrontMatterError(f"cannot read the list {echo(text)}") from None
        parts = [part.strip() for part in inner[1:-1].split(",")]
        return [_scalar(part) or "" for part in parts if part]
    if not isinstance(items, list):
        raise FrontMatterError(f"cannot read the list {echo(text)}")
    return [_text(str(item)) for item in items]


def _text(value: str) -> str:
    """A decoded header string, refused when an escape made it a lone surrogate (no writer could save it)."""
    problem = surrogate_problem(value)
    if problem is not None:
        raise FrontMatterError(f"the header value {echo(value)} {problem}")
    return value


def _scalar(text: str) -> str | None:
    if text.startswith('"'):
        try:
            value = json.loads(text)
        except ValueError:
            raise FrontMatterError(f"cannot read the quoted text {echo(text)}") from None
        return _text(str(value))
    if text.startswith("'"):
        if len(text) < 2 or not text.endswith("'"):
            raise FrontMatterError(f"cannot read the quoted text {echo(text)}")
        return text[1:-1].replace("''", "'")
    plain = re.sub(r"\s+#.*$", "", text).strip()
    return None if plain in ("", "~", "null", "Null", "NULL") else plain
