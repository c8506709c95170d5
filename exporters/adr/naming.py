"""Numbers and file names of decision records: ``NNNN-title-with-dashes.md`` in a stable order."""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

from model.elements import Decision
from model.store import Model
from model.vocabulary import ElementKind

SLUG_LENGTH = 60
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class RecordName:
    """Where one decision is written: its number, its title and its file name."""

    number: int
    title: str
    file: str

    @property
    def label(self) -> str:
        """``0003 Title``: how other records and the index link to it."""
        return f"{self.number:04d} {self.title}"


def title_of(decision: Decision) -> str:
    """The one-line title of a record (a decision without a name is titled by its id)."""
    return " ".join(decision.name.split()) or decision.id


def _words(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(words) > SLUG_LENGTH:  # cut at a word boundary when one is not too far back
        cut = words[:SLUG_LENGTH + 1]
        dash = cut.rfind("-")
        words = (cut[:dash] if dash >= SLUG_LENGTH // 2 else words[:SLUG_LENGTH]).strip("-")
    return words


def slug(text: str, fallback: str = "") -> str:
    """ASCII, lower case, words joined by dashes, at most ``SLUG_LENGTH`` characters, never empty."""
    return _words(text) or _words(fallback) or "decision"


def ordered_decisions(model: Model) -> list[Decision]:
    """Decisions by date (undated last), then title, then id: the numbering order."""
    decisions = [e for e in model.elements(ElementKind.DECISION) if isinstance(e, Decision)]
    return sorted(decisions, key=lambda d: (d.date or datetime.date.max, title_of(d).casefold(), title_of(d), d.id))


def record_names(model: Model) -> dict[str, RecordName]:
    """Decision id -> its record name, numbered from 0001 in the stable order."""
    names: dict[str, RecordName] = {}
    for number, decision in enumerate(ordered_decisions(model), start=1):
        title = title_of(decision)
        names[decision.id] = RecordName(number, title, f"{number:04d}-{slug(title, decision.id)}.md")
    return names
