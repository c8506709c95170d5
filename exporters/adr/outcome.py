"""The Decision Outcome in MADR's words, ``Chosen option: "…", because …``, and back.

A decision keeps its outcome as free text. When that text names one of the considered options,
the record says it in MADR's form; reading the record gives the text back, so a record written
and read again is the same decision.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exporters.adr.template import NO_CHOICE

_FORM = re.compile(r'Chosen option: "(?P<option>[^"\n]+)", because (?P<rest>.+)', re.DOTALL)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _names(sentence: str, option: str) -> bool:
    return option.casefold() in sentence.casefold()


def _plain_word(word: str, option: str) -> bool:
    """A word whose case follows its place in a sentence: not a name, an acronym or part of the option."""
    return len(word) > 1 and word[1:].islower() and not _names(word, option)


def outcome_text(outcome: str, options: Sequence[str]) -> str:
    """What the record's Decision Outcome says (no options: the outcome as it is)."""
    text = outcome.strip().replace("\r\n", "\n")
    if not options or text.startswith("Chosen option"):
        return text
    if not text:
        return NO_CHOICE
    named = [_one_line(option) for option in options if _names(text, _one_line(option))]
    if not named:
        return text  # which option it is, the record cannot tell: the outcome stays in its own words
    chosen = max(named, key=len)
    first = text.split(maxsplit=1)[0]
    if _plain_word(first, chosen):
        initial = first[0]
        if not initial.isupper() or initial.lower().upper() != initial:
            return text  # read back, the form would change its case: the outcome stays in its own words
        text = text[:1].lower() + text[1:]
    return f'Chosen option: "{chosen}", because {text}'


def outcome_of(section: str, options: Sequence[str]) -> str:
    """The decision's outcome from what the record's section says: ``outcome_text`` undone."""
    match = _FORM.fullmatch(section)
    if match is None:
        return section
    chosen, rest = match["option"], match["rest"]
    if chosen not in (_one_line(option) for option in options) or not _names(rest, chosen):
        return section  # written so by a person: their words are the outcome
    first = rest.split(maxsplit=1)[0]
    if first[:1].islower() and _plain_word(first, chosen):
        rest = rest[:1].upper() + rest[1:]
    return rest
