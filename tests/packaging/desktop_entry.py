"""Reading a desktop entry the way a desktop does: its keys, and the argv its Exec line runs.

Follows the Desktop Entry Specification: values of type string undo ``\\s \\n \\t \\r \\\\``; the Exec
value is then split at spaces, with double-quoted arguments in which ``\\" \\` \\$ \\\\`` stand for
the character; ``%f`` is the one file opened (dropped when there is none) and ``%%`` a ``%``.
"""

from __future__ import annotations

from pathlib import Path

_STRING_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}


def entry(path: Path) -> dict[str, str]:
    """The keys of the ``[Desktop Entry]`` group (raw values)."""
    keys: dict[str, str] = {}
    group = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("[") and line.endswith("]"):
            group = line[1:-1]
        elif group == "Desktop Entry" and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            keys[key.strip()] = value.strip()
    return keys


def unescape_string(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        out.append(_STRING_ESCAPES.get(next(chars, ""), "\\") if char == "\\" else char)
    return "".join(out)


def exec_argv(exec_value: str, file: str | None) -> list[str]:
    """The argv that ``Exec=exec_value`` runs to open ``file`` (or nothing)."""
    text, argv, current, quoted, started = unescape_string(exec_value), [], [], False, False
    index = 0
    while index < len(text):
        char = text[index]
        if quoted and char == "\\" and index + 1 < len(text) and text[index + 1] in '"`$\\':
            current.append(text[index + 1])
            index += 1
        elif char == '"':
            quoted, started = not quoted, True
        elif char == " " and not quoted:
            if started:
                argv.append("".join(current))
            current, started = [], False
        else:
            current.append(char)
            started = True
        index += 1
    if quoted:
        raise ValueError(f"unbalanced quotes in Exec={exec_value}")
    if started:
        argv.append("".join(current))
    expanded: list[str] = []
    for argument in argv:
        if argument == "%f":
            expanded.extend([file] if file is not None else [])
        elif "%" in argument.replace("%%", ""):
            raise ValueError(f"field code in {argument!r} is not one Steelframe's entry uses")
        else:
            expanded.append(argument.replace("%%", "%"))
    return expanded
