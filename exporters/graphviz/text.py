"""Writing DOT safely: quoted strings, HTML-like labels and attribute lists.

Every id and every text from the model goes through here, so a name with quotes, ``<``, ``&``,
backslashes or line breaks can never break the DOT (or the XML of an HTML-like label).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping

#: Characters XML 1.0 forbids (Graphviz parses HTML-like labels with expat); tab and newline stay.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
# "]" too: Graphviz 2.43 fails on a bare "]" in an HTML-like label ("syntax error ... ]</B>").
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "]": "&#93;"})


class Html(str):
    """An HTML-like label body, written between ``<`` and ``>`` instead of quotes."""

    __slots__ = ()


AttrValue = str | float | Html


def clean(text: str) -> str:
    """The text without characters Graphviz cannot read, line breaks made uniform."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def quote(value: str) -> str:
    """A DOT double-quoted string holding ``value`` literally (ids, tooltips, colours)."""
    escaped = clean(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def escape(text: str) -> str:
    """Text for the inside of an HTML-like label: markup characters as entities, lines as ``<BR/>``."""
    return "<BR/>".join(line.translate(_HTML) for line in clean(text).split("\n"))


def wrapped(text: str, width: int, br: str = "<BR/>") -> str:
    """Escaped text broken into lines of about ``width`` characters at spaces, joined by ``br``."""
    lines: list[str] = []
    for line in clean(text).split("\n"):
        lines.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""])
    return br.join(line.translate(_HTML) for line in lines)


def font(body: str, *, size: float | None = None, colour: str | None = None, bold: bool = False) -> str:
    """``body`` (already escaped) in a ``<FONT>`` of the given size and colour."""
    if bold:
        body = f"<B>{body}</B>"
    settings = ""
    if size is not None:
        settings += f' POINT-SIZE="{size:g}"'
    if colour is not None:
        settings += f' COLOR="{escape(colour)}"'
    return f"<FONT{settings}>{body}</FONT>" if settings else body


def value(raw: AttrValue) -> str:
    if isinstance(raw, Html):
        return f"<{raw}>"
    if isinstance(raw, float | int) and not isinstance(raw, bool):
        return f"{raw:g}"
    return quote(str(raw))


def attrs(attributes: Mapping[str, AttrValue | None]) -> str:
    """``[name="value" ...]`` for the attributes that are set, in a stable order."""
    body = " ".join(f"{name}={value(raw)}" for name, raw in attributes.items() if raw is not None)
    return f"[{body}]" if body else ""


def statement(target: str, attributes: Mapping[str, AttrValue | None]) -> str:
    """One DOT statement: a node, an edge (``target`` already quoted) or ``graph``/``node``/``edge`` defaults."""
    listed = attrs(attributes)
    return f"{target} {listed}" if listed else target


def indent(lines: Iterable[str], depth: int = 1) -> list[str]:
    pad = "  " * depth
    return [pad + line for line in lines]
