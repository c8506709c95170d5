"""Where a captured box goes: in free space next to its anchor, growing a compact block, never on a box.

Candidates lie on rows and columns around the anchor; the nearest free one wins, measured both from
the anchor and from the middle of the boxes around it, so that a run of captures (each placed next
to the previous one) fills a block that is wider than tall, as a projector is, instead of one ever
longer row.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from model.views import Bounds

GAP = 40.0
GRID = 20.0
REACH = 7  # rows and columns tried on each side of the anchor
NEIGHBOURHOOD = 900.0  # boxes this far from the anchor make the block the new box joins
TALL = 1.6  # a step down costs this much more than a step across


def overlaps(a: Bounds, b: Bounds, margin: float = 0.0) -> bool:
    return (a.x < b.x + b.w + margin and b.x < a.x + a.w + margin
            and a.y < b.y + b.h + margin and b.y < a.y + a.h + margin)


def _centre(box: Bounds) -> tuple[float, float]:
    return box.x + box.w / 2, box.y + box.h / 2


def _snap(value: float) -> float:
    return round(value / GRID) * GRID


def _steps(start: float, length: float, size: float, anchor_size: float) -> list[float]:
    """Positions along one axis: aligned with the anchor, then after it and before it, cell by cell."""
    after = [start + anchor_size + GAP + n * (size + GAP) for n in range(REACH)]
    before = [start - (n + 1) * (size + GAP) for n in range(REACH)]
    return [start, *after, *before]


def place(boxes: Sequence[Bounds], anchor: Bounds | None, size: tuple[float, float]) -> Bounds:
    """A free box of ``size`` next to ``anchor`` (or right of everything, or at the top left), right and
    below of the origin, where the canvas starts."""
    width, height = size
    if anchor is None:
        if not boxes:
            return Bounds(x=GAP, y=GAP, w=width, h=height)
        anchor = max(boxes, key=lambda b: (b.x + b.w, -b.y))
    near = [b for b in boxes if math.dist(_centre(b), _centre(anchor)) <= NEIGHBOURHOOD] or [anchor]
    middle = (sum(_centre(b)[0] for b in near) / len(near), sum(_centre(b)[1] for b in near) / len(near))
    best: tuple[float, Bounds] | None = None
    for x in _steps(anchor.x, anchor.w, width, anchor.w):
        for y in _steps(anchor.y, anchor.h, height, anchor.h):
            candidate = Bounds(x=_snap(x), y=_snap(y), w=width, h=height)
            if candidate.x < 0 or candidate.y < 0 or any(overlaps(candidate, b, GAP / 2) for b in boxes):
                continue
            score = _distance(candidate, _centre(anchor)) + _distance(candidate, middle)
            if best is None or score < best[0]:
                best = (score, candidate)
    if best is not None:
        return best[1]
    right = max(b.x + b.w for b in boxes) + GAP
    return Bounds(x=_snap(right), y=_snap(anchor.y), w=width, h=height)


def _distance(box: Bounds, point: tuple[float, float]) -> float:
    x, y = _centre(box)
    return math.hypot(x - point[0], (y - point[1]) * TALL)
