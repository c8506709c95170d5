"""Where boxes are and where a new one goes: the geometry the editing verbs and the clipboard share."""

from __future__ import annotations

from collections.abc import Iterable

from model.store import Model
from model.views import Bounds
from model.vocabulary import ElementKind

K = ElementKind


def bounds_in_view(model: Model, view_id: str, element_id: str) -> Bounds | None:
    layout = model.layout(view_id, element_id)
    return layout if isinstance(layout, Bounds) else None


def placed_in_view(model: Model, view_id: str, ids: Iterable[str]) -> dict[str, Bounds]:
    """The elements among ``ids`` shown in the view, with their boxes, in the given order."""
    found = {i: bounds_in_view(model, view_id, i) for i in dict.fromkeys(ids) if model.find_element(i) is not None}
    return {i: b for i, b in found.items() if b is not None}


def fresh_name(model: Model, kind: ElementKind) -> str:
    """``Context 1``, ``Context 2``...: the first numbered name not yet used by an element of ``kind``."""
    base = "ACL" if kind is K.ACL else kind.value.capitalize()
    used = {e.name for e in model.elements(kind)}
    number = 1
    while f"{base} {number}" in used:
        number += 1
    return f"{base} {number}"


def container_at(model: Model, view_id: str, bounds: Bounds) -> str | None:
    """The smallest context box of the view holding the centre of ``bounds``, if any."""
    cx, cy = bounds.x + bounds.w / 2, bounds.y + bounds.h / 2
    holders = [
        (b.w * b.h, context.id) for context in model.elements(K.CONTEXT)
        if (b := bounds_in_view(model, view_id, context.id)) is not None
        and b.x <= cx <= b.x + b.w and b.y <= cy <= b.y + b.h
    ]
    return min(holders)[1] if holders else None
