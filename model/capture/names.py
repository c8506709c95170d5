"""Names as a facilitator types them: matched case-insensitively, resolved to the kind a relation needs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from model.capture.language import CaptureError
from model.elements import ElementBase
from model.store import Model
from model.vocabulary import ElementKind


def key(name: str) -> str:
    return " ".join(name.split()).casefold()


def named(model: Model, name: str) -> list[ElementBase]:
    """The elements called ``name``, whatever the case and spacing."""
    wanted = key(name)
    return [e for e in model.elements() if key(e.name) == wanted]


def kinds_text(kinds: Iterable[ElementKind]) -> str:
    ordered = sorted(str(k) for k in kinds)
    return ordered[0] if len(ordered) == 1 else ", ".join(ordered[:-1]) + " or " + ordered[-1]


def article(kind: ElementKind | str) -> str:
    return "an" if str(kind)[0] in "aeio" else "a"


@dataclass(frozen=True)
class Resolved:
    """One end of a line: an existing element (``element``) or a new one of ``kind``."""

    name: str
    element: ElementBase | None = None
    kind: ElementKind | None = None

    @property
    def is_new(self) -> bool:
        return self.element is None


def resolve(model: Model, name: str, allowed: frozenset[ElementKind], default: ElementKind | None = None) -> Resolved:
    """The element ``name`` means among ``allowed`` kinds, or the kind a new one takes; else ``CaptureError``."""
    matches = named(model, name)
    fitting = [e for e in matches if e.kind in allowed]
    if len(fitting) > 1:
        raise CaptureError(f"{len(fitting)} elements are named {name!r}: rename one first (F2)")
    if fitting:
        return Resolved(name, fitting[0], fitting[0].kind)
    if matches:
        found = matches[0]
        raise CaptureError(f"{found.name} is {article(found.kind)} {found.kind}; this needs"
                           f" {article(kinds_text(allowed))} {kinds_text(allowed)}")
    if len(allowed) == 1:
        return Resolved(name, kind=next(iter(allowed)))
    if default is not None and default in allowed:
        return Resolved(name, kind=default)
    raise CaptureError(f"{name} is new and could be {article(kinds_text(allowed))} {kinds_text(allowed)}:"
                       f" add it first ('{sorted(allowed)[0]}: {name}'), then this line")


def completions(model: Model, prefix: str, limit: int = 8) -> list[str]:
    """Names of the model (and kind words) that start with ``prefix``, shortest first."""
    wanted = key(prefix)
    if not wanted:
        return []
    names = {e.name: None for e in model.elements() if e.name and key(e.name).startswith(wanted)}
    names |= {f"{k.value}:": None for k in ElementKind if k.value.startswith(wanted)}
    ordered = sorted(names, key=lambda n: (len(n), n.casefold()))
    return [n for n in ordered if key(n) != wanted][:limit]


def namesakes(model: Model, element_id: str) -> list[ElementBase]:
    """Other elements of the same kind with the same name (a workshop says one thing twice by mistake)."""
    element = model.find_element(element_id)
    if element is None or not element.name.strip():
        return []
    return [e for e in named(model, element.name) if e.kind is element.kind and e.id != element_id]
