"""Errors a user sees: one readable line, never a traceback."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotation only: the command line imports this module before anything heavy
    from pydantic import ValidationError



class ModelError(ValueError):
    """A verb refused a change, or a file could not be read; the message is for the user."""


def json_path(location: tuple[int | str, ...]) -> str:
    """``('elements', 3, 'name')`` -> ``$.elements[3].name``."""
    path = "$"
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def describe_validation_error(error: ValidationError, prefix: tuple[int | str, ...] = ()) -> str:
    """The first problem of a pydantic error, with its JSON path: ``$.elements[3].kind: ...``."""
    first = error.errors(include_url=False)[0]
    location = prefix + tuple(_without_union_tags(first["loc"]))
    message = first["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    return f"{json_path(location)}: {message}"


def _without_union_tags(location: tuple[int | str, ...]) -> list[int | str]:
    """Drop the discriminator tags pydantic inserts into locations of tagged unions."""
    from model.vocabulary import ElementKind, RelationKind

    tags = {str(kind) for kind in ElementKind} | {str(kind) for kind in RelationKind} | {
        "forbid-flow", "require-attribute",
    }
    cleaned: list[int | str] = []
    for index, part in enumerate(location):
        if isinstance(part, str) and part in tags and index > 0 and isinstance(location[index - 1], int):
            continue
        cleaned.append(part)
    return cleaned
