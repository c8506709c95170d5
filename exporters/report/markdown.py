"""Small Markdown writing helpers: escaped table cells, tables, plural words."""

from __future__ import annotations

from collections.abc import Sequence

from model.store import Model


def cell(text: object) -> str:
    """Text made safe for one table cell: one line, pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return lines


def plural(number: int, word: str, words: str | None = None) -> str:
    return f"{number} {word if number == 1 else (words or word + 's')}"


def name_of(model: Model, element_id: str) -> str:
    element = model.find_element(element_id)
    if element is None:
        return element_id
    return " ".join(element.name.split()) or element.id


def names(model: Model, ids: Sequence[str]) -> list[str]:
    """Display names in a stable, readable order."""
    return sorted((name_of(model, i) for i in ids), key=lambda n: (n.casefold(), n))


def anchor(text: str) -> str:
    """The GitHub-style anchor of a heading, for links inside the report."""
    kept = "".join(c for c in text.lower() if c.isalnum() or c in " -_")
    return kept.replace(" ", "-")
