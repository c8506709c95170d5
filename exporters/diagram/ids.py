"""Identifiers for formats stricter than ours: each model id made legal, readable and unique, the same every time."""

from __future__ import annotations

import re
from collections.abc import Iterable


def identifiers(
    ids: Iterable[str], illegal: str, reserved: frozenset[str] = frozenset(), start: str = "",
) -> dict[str, str]:
    """Model id -> an id of the target format, in the order given.

    Each character matching the pattern ``illegal`` becomes ``_``; a reserved word (compared
    case-insensitively) or a name already given gets ``_2``, ``_3``... So ``ctx-ordering`` stays
    readable as ``ctx_ordering``, and ``a-b`` beside ``a_b`` cannot merge two elements into one.
    An id that does not begin as the pattern ``start`` asks gets an ``e`` in front.
    """
    pattern = re.compile(illegal)
    beginning = re.compile(start)
    found: dict[str, str] = {}
    taken = {word.casefold() for word in reserved}
    for model_id in ids:
        base = pattern.sub("_", model_id)
        if not beginning.match(base):
            base = "e" + base
        candidate, number = base, 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{base}_{number}"
        taken.add(candidate.casefold())
        found[model_id] = candidate
    return found
