"""Keyboard navigation on the canvas: the nearest box in a direction, as arrow keys move the selection."""

from __future__ import annotations

import math
from collections.abc import Mapping

from model.views import Bounds

#: An arrow key as a direction: (dx, dy) in scene units, y down.
LEFT, RIGHT, UP, DOWN = (-1, 0), (1, 0), (0, -1), (0, 1)


def _centre(box: Bounds) -> tuple[float, float]:
    return box.x + box.w / 2, box.y + box.h / 2


def nearest(boxes: Mapping[str, Bounds], start: str, direction: tuple[int, int]) -> str | None:
    """The box whose centre lies in ``direction`` from ``start``'s (within 45° of it), nearest first;
    a box far off the axis costs more than one straight ahead."""
    origin = _centre(boxes[start])
    best: tuple[float, str] | None = None
    for item_id, box in boxes.items():
        if item_id == start:
            continue
        x, y = _centre(box)
        ahead = (x - origin[0]) * direction[0] + (y - origin[1]) * direction[1]
        aside = abs((x - origin[0]) * direction[1] - (y - origin[1]) * direction[0])
        if ahead <= 0 or aside > ahead:
            continue
        cost = math.hypot(ahead, 2 * aside)
        if best is None or cost < best[0]:
            best = (cost, item_id)
    return best[1] if best else None
