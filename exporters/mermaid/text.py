"""Writing Mermaid safely: ids its lexer reads as one token, and quoted text it shows literally.

Inside a quoted label Mermaid reads entity codes (``#quot;``, ``#35;``) and renders the rest as
HTML, so every character that could end the string or start markup is written as a code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from exporters.diagram.ids import identifiers

#: Words of the flowchart grammar that cannot be node ids.
RESERVED = frozenset({
    "end", "subgraph", "graph", "flowchart", "style", "linkStyle", "classDef", "class", "click", "call",
    "href", "default", "direction", "interpolate", "accTitle", "accDescr", "TB", "TD", "BT", "RL", "LR",
})
#: ``:`` too: Mermaid drops the last ``;`` of any line matching ``style.*:\S*#.*;``.
_CODES = str.maketrans({
    '"': "#quot;", "#": "#35;", "&": "#amp;", "<": "#lt;", ">": "#gt;", "`": "#96;", ":": "#58;",
})
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")


def node_ids(ids: Iterable[str]) -> dict[str, str]:
    """Model id -> Mermaid id: letters, digits and ``_`` only, never a keyword, unique."""
    return identifiers(ids, r"[^A-Za-z0-9_]", RESERVED)


def text(value: str) -> str:
    """The characters of ``value`` as Mermaid shows them literally, lines joined by ``<br>``."""
    lines = _CONTROL.sub(" ", value.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    return "<br>".join(" ".join(line.split()).translate(_CODES) for line in lines)


def quoted(*lines: str) -> str:
    """A quoted label of one or more lines (empty ones left out)."""
    return '"' + "<br>".join(text(line) for line in lines if line.strip()) + '"'
