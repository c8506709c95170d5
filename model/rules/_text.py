"""Wording shared by the rules: how to name elements in a message."""

from __future__ import annotations

from collections.abc import Iterable

from model.engine.reader import Reader


def label(reader: Reader, element_id: str) -> str:
    """The element's name, or its id when it has none."""
    element = reader.element(element_id)
    return (element.name or element_id) if element is not None else element_id


def listing(names: Iterable[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(names)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
