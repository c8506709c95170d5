"""Where boxes are and where a new one goes: the geometry the editing verbs and the clipboard share."""

from __future__ import annotations

from collections.abc import Iterable

from app.canvas import style
from model.store import Model
from model.views import Bounds
from model.vocabulary import ElementKind

K = ElementKind
GAP = 40.0


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


def free_bounds(model: Model, view_id: str, anchor_id: str | None, kind: ElementKind) -> Bounds:
    """A box for a new element: right of the anchor, or right of everything; moved down while it overlaps
    a box (other than the boxes the anchor is drawn inside)."""
    width, height = style.DEFAULT_SIZE.get(kind, style.FALLBACK_SIZE)
    boxes = [b for b in model.layouts(view_id).values() if isinstance(b, Bounds)]
    anchor = bounds_in_view(model, view_id, anchor_id) if anchor_id else None
    if anchor is not None:
        x, y = anchor.x + anchor.w + GAP, anchor.y
    elif boxes:
        x, y = max(b.x + b.w for b in boxes) + GAP, min(b.y for b in boxes)
    else:
        x, y = GAP, GAP
    x, y = round(x / style.GRID) * style.GRID, round(y / style.GRID) * style.GRID
    candidate = Bounds(x=x, y=y, w=width, h=height)
    for _ in range(200):
        blocking = [b for b in boxes if _overlap(b, candidate) and not (anchor and b != anchor and _holds(b, anchor))]
        if not blocking:
            break
        bottom = max(b.y + b.h for b in blocking)
        candidate = candidate.model_copy(update={"y": round((bottom + GAP / 2) / style.GRID) * style.GRID})
    return candidate


def _overlap(a: Bounds, b: Bounds) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def _holds(outer: Bounds, inner: Bounds) -> bool:
    return (outer.x <= inner.x and outer.y <= inner.y
            and inner.x + inner.w <= outer.x + outer.w and inner.y + inner.h <= outer.y + outer.h)
