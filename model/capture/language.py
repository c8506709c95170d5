"""Reading one capture line: an element, a flow (``A -> B: style``) or a named relation (``A owns B``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from model.errors import ModelError
from model.vocabulary import ElementKind, FlowStyle, RelationKind

R = RelationKind
#: The relation verbs of a capture line, each with the relation kinds it may mean, most likely first.
VERBS: dict[str, tuple[RelationKind, ...]] = {
    "owns": (R.OWNS, R.TEAM_OWNS), "replicates": (R.REPLICATES,), "writes": (R.WRITES,), "uses": (R.USES,),
    "publishes": (R.PUBLISHES,), "contains": (R.CONTAINS,), "coordinates": (R.COORDINATES,),
    "guards": (R.GUARDS,), "spans": (R.SPANS,), "covers": (R.COVERS,),
}
ARROW = "->"
FLOW_STYLES = ("query", "command", "async command", "event")
_KIND_PREFIX = re.compile(r"^\s*([A-Za-z]+)\s*:\s*(.*)$")
_VERB = re.compile(r"(?<=\s)(" + "|".join(VERBS) + r")(?=\s)", re.IGNORECASE)


class CaptureError(ModelError):
    """A line the model cannot take; ``str()`` is the reason shown beside the capture field."""


@dataclass(frozen=True)
class AddElement:
    """``Ordering`` (the palette's kind when ``kind`` is None) or ``team: Checkout team``."""

    name: str
    kind: ElementKind | None = None


@dataclass(frozen=True)
class AddFlow:
    """``A -> B`` (the current style when ``style`` is None), ``A -> B: command``, ``A -> B: event E``."""

    source: str
    target: str
    style: FlowStyle | None = None
    asynchronous: bool = False
    detail: str = ""  # the event's name for an event flow, the flow's own name otherwise


@dataclass(frozen=True)
class AddRelation:
    """``Checkout team owns Ordering``, ``Billing replicates Order``: the relation the verb names."""

    source: str
    verb: str
    target: str

    @property
    def kinds(self) -> tuple[RelationKind, ...]:
        return VERBS[self.verb]


Statement = AddElement | AddFlow | AddRelation


def parse(line: str) -> Statement | None:
    """The statement a line says, None for a blank line; ``CaptureError`` says what is wrong."""
    text = " ".join(line.split())
    if not text:
        return None
    if ARROW in text:
        return _flow(text)
    prefix = _KIND_PREFIX.match(text)
    if prefix and prefix.group(1).lower() in _KINDS:
        return _element(_KINDS[prefix.group(1).lower()], prefix.group(2))
    if prefix:
        raise CaptureError(f"{prefix.group(1)!r} is not a kind: use one of {', '.join(sorted(_KINDS))}")
    verb = _VERB.search(text)
    if verb:
        return _relation(text, verb)
    return AddElement(text)


_KINDS = {kind.value: kind for kind in ElementKind} | {"db": ElementKind.DATASTORE}


def _element(kind: ElementKind, name: str) -> AddElement:
    if not name.strip():
        raise CaptureError(f"type the {kind}'s name after '{kind}:'")
    return AddElement(name.strip(), kind)


def _flow(text: str) -> AddFlow:
    source, _, rest = text.partition(ARROW)
    target, _, style_text = rest.partition(":")
    source, target = source.strip(), target.strip()
    if not source:
        raise CaptureError("name the sender before '->'")
    if not target:
        raise CaptureError("name the receiver after '->'")
    if ARROW in target:
        raise CaptureError("one flow a line: 'A -> B', then 'B -> C'")
    if not style_text.strip():
        return AddFlow(source, target)
    return _styled(source, target, style_text.strip())


def _styled(source: str, target: str, style_text: str) -> AddFlow:
    lowered = style_text.lower()
    for word in sorted(FLOW_STYLES, key=len, reverse=True):
        if lowered == word or lowered.startswith(word + " "):
            detail = style_text[len(word):].strip()
            style = FlowStyle(word.removeprefix("async "))
            return AddFlow(source, target, style, asynchronous=word.startswith("async"), detail=detail)
    raise CaptureError(f"a flow is a query, command or event, not {style_text.split(maxsplit=1)[0]!r}"
                       " (A -> B: query, A -> B: command, A -> B: event OrderPlaced)")


def _relation(text: str, verb: re.Match[str]) -> AddRelation:
    source, target = text[:verb.start()].strip(), text[verb.end():].strip()
    word = verb.group(1).lower()
    if not source or not target:
        raise CaptureError(f"say who {word} what: 'Ordering {word} Order'")
    return AddRelation(source, word, target)


def splits(line: str) -> list[AddRelation]:
    """Every way to read a line as a relation, for names that themselves hold a verb ("Data uses")."""
    text = " ".join(line.split())
    found = []
    for match in _VERB.finditer(text):
        source, target = text[:match.start()].strip(), text[match.end():].strip()
        if source and target:
            found.append(AddRelation(source, match.group(1).lower(), target))
    return found
