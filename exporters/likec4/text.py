"""Writing LikeC4 safely: ids its grammar accepts, and single-quoted strings it reads back literally."""

from __future__ import annotations

import re
from collections.abc import Iterable

from exporters.diagram.ids import identifiers

#: The keywords of the LikeC4 grammar (1.46), and the words it refuses as names besides them.
_KEYWORDS = """
    BottomTop LeftRight RightLeft TopBottom amber and autoLayout blue border browser color crow cylinder dashed
    deployment deploymentNode description diagram diamond dot dotted dynamic element exclude extend extends from
    global gray green group head icon icons import include indigo instance instanceOf is kind large lg line link max
    md medium metadata min mobile model multiple muted navigateTo node none not notation notes odiamond odot of
    onormal opacity open or padding par parallel person predicate queue rank red relationship rgb rgba same secondary
    sequence shape sink size sky sm small solid source specification storage style summary tag tail target technology
    textSize title variant vee view views where with xl xlarge xs xsmall this it true false index rectangle bucket
    document component primary
"""
RESERVED = frozenset(_KEYWORDS.split())
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def names(ids: Iterable[str], reserved: frozenset[str] = RESERVED) -> dict[str, str]:
    """Model id -> LikeC4 name: letters, digits, ``_`` and ``-``, starting with a letter, never a keyword."""
    return identifiers(ids, r"[^A-Za-z0-9_-]", reserved, start=r"_*[A-Za-z]")


def string(value: str, *, one_line: bool = True) -> str:
    """``value`` in single quotes, backslashes and quotes escaped; titles on one line."""
    value = _CONTROL.sub(" ", value.replace("\r\n", "\n").replace("\r", "\n"))
    if one_line:
        value = " ".join(value.split())
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
