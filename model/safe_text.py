"""Text at the boundaries: what may enter the model, and how a name is shown on a terminal.

A JSON ``\\ud800`` escape decodes to a lone surrogate that no writer can encode, so text holding
one is refused where it enters; a name printed on a terminal has its control characters (ANSI and
OSC escape sequences) shown as escapes, and an echoed value is shortened.
"""

from __future__ import annotations

import re

#: A JSON ``\\uXXXX`` escape of a surrogate, preceded by an even run of backslashes (so really an escape).
_SURROGATE_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\u([dD][89a-fA-F][0-9a-fA-F]{2})")
_LOW = re.compile(r"\\u[dD][c-fC-F][0-9a-fA-F]{2}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
#: How much of a value a message echoes.
ECHO_LIMIT = 80


def lone_surrogate_escape(text: str) -> tuple[int, int, str] | None:
    """(line, column, escape) of the first JSON escape of an unpaired surrogate in ``text``, else None."""
    for match in _SURROGATE_ESCAPE.finditer(text):
        start = match.start(2) - 2
        code = int(match.group(2), 16)
        if code < 0xDC00 and _LOW.match(text, match.end()):
            continue  # a high surrogate followed by its low one: a real character
        if code >= 0xDC00 and _follows_high(text, start):
            continue
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        return line, column, "\\u" + match.group(2)
    return None


def _follows_high(text: str, start: int) -> bool:
    before = text[max(0, start - 6):start]
    return len(before) == 6 and before[:2] == "\\u" and before[2] in "dD" and before[3] in "89abAB"


def surrogate_problem(text: str) -> str | None:
    """Why ``text`` cannot be written as UTF-8 (a lone surrogate, at which position), else None."""
    for index, char in enumerate(text):
        if "\ud800" <= char <= "\udfff":
            return f"holds a lone surrogate (U+{ord(char):04X}) at character {index + 1}, which is not text"
    return None


def encodable(text: str) -> bool:
    """True when ``text`` can be written as UTF-8 (no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown(text: str, limit: int = ECHO_LIMIT) -> str:
    """``text`` safe for a terminal and a one-line message: control characters escaped, at most ``limit`` long."""
    escaped = _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    if len(escaped) > limit:
        return escaped[:limit - 1] + f"… ({len(text)} characters)"
    return escaped


def echo(value: str) -> str:
    """A value quoted for a message, shortened and made safe (the message is one terminal line)."""
    return "'" + shown(value) + "'"


def terminal_safe(text: str) -> str:
    """Multi-line ``text`` with control characters escaped, its line breaks and tabs kept."""
    return "\n".join(
        _CONTROL.sub(lambda m: "\t" if m.group() == "\t" else m.group().encode("unicode_escape").decode("ascii"), line)
        for line in text.split("\n")
    )
