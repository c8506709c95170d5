"""Hand-made diagram layout for the templates: a grid, boxes that hold services, orthogonal routes.

A template is the first diagram a workshop sees, so it is drawn by hand on a grid rather than by an
automatic layout: elements of 160x80 on a 200x120 pitch, contexts as larger boxes with their
services and anti-corruption layers inside, and relations routed with right-angle bends that
start and end on the borders of their elements, go around the other elements where they can, and
keep apart where several meet the same element. Bend points are absolute scene coordinates.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from itertools import pairwise

from model.store import Model
from model.views import Bounds, Point, Route, ViewInfo
from model.vocabulary import RelationKind

PITCH_X, PITCH_Y = 200.0, 120.0
MARGIN = 40.0
WIDTH, HEIGHT = 160.0, 80.0
#: Room above a box's first row of inner elements, for the box's own name.
TITLE = 36.0
PAD = 16.0
LANE = 14.0

#: Relations a context map draws: who calls whom, and who owns what.
MAP_KINDS = frozenset({RelationKind.FLOW, RelationKind.TEAM_OWNS})
#: Relations a process view draws (the semantics of spans are already told by the saga's coordinates).
PROCESS_KINDS = frozenset({
    RelationKind.FLOW, RelationKind.COORDINATES, RelationKind.GUARDS, RelationKind.PUBLISHES,
    RelationKind.OWNS, RelationKind.COVERS,
})


def at(col: float, row: float, w: float = WIDTH, h: float = HEIGHT) -> Bounds:
    """An element whose top-left corner is at grid cell (col, row)."""
    return Bounds(x=MARGIN + col * PITCH_X, y=MARGIN + row * PITCH_Y, w=w, h=h)


def box(col: float, row: float, cols: int = 2, rows: int = 1) -> Bounds:
    """A context box spanning ``cols`` x ``rows`` rows of inner elements, from grid cell (col, row)."""
    w = cols * (WIDTH + PAD) + PAD
    h = TITLE + rows * (HEIGHT + PAD)
    return Bounds(x=MARGIN + col * PITCH_X, y=MARGIN + row * PITCH_Y, w=w, h=h)


def inside(container: Bounds, index: int, cols: int = 2) -> Bounds:
    """The ``index``-th slot for a service or acl inside a box made by :func:`box`."""
    col, row = index % cols, index // cols
    return Bounds(
        x=container.x + PAD + col * (WIDTH + PAD),
        y=container.y + TITLE + row * (HEIGHT + PAD),
        w=WIDTH,
        h=HEIGHT,
    )


def draw(model: Model, view_id: str, name: str, placements: Mapping[str, Bounds], *,
         kinds: Collection[RelationKind], documentation: str = "") -> None:
    """Add a view showing ``placements`` and route every relation of ``kinds`` whose two ends it shows."""
    model.add_view(ViewInfo(id=view_id, name=name, documentation=documentation))
    for element_id, bounds in placements.items():
        model.place(view_id, element_id, bounds)
    router = Router(placements)
    for relation in model.relations():
        if relation.kind in kinds and relation.source in placements and relation.target in placements:  # type: ignore[attr-defined]
            model.route(view_id, relation.id, router.route(relation.source, relation.target))


class Router:
    """Routes relations one after the other, keeping them apart.

    Each element counts the routes attached to it, and a new route takes the next free lane of its
    busier end (0, +1, -1, +2, ...), so routes into one element arrive side by side. Of the possible
    routes (leave by the bottom or top, by a side, or run in a channel around the obstacles) the one
    crossing fewest other elements wins, then the one running least along a route already drawn (two
    lines on top of each other read as one), then the shortest; channels are stacked one beside the other.
    """

    def __init__(self, placements: Mapping[str, Bounds]) -> None:
        self._placements = placements
        self._attached: dict[str, int] = {}
        self._channels = 0
        self._drawn: list[Segment] = []

    def route(self, source: str, target: str) -> Route:
        a, b = self._placements[source], self._placements[target]
        used = max(self._attached.get(source, 0), self._attached.get(target, 0))
        offset = (used + 1) // 2 * (1 if used % 2 else -1) * LANE
        self._attached[source] = self._attached[target] = used + 1
        others = [
            bounds for key, bounds in self._placements.items()
            if key not in (source, target) and not _holds(bounds, a) and not _holds(bounds, b)
        ]
        direct = [p for p in (_vertical(a, b, offset), _horizontal(a, b, offset)) if p is not None]
        depth = (self._channels + 1) * LANE
        channels = [_channel(a, b, side, others, depth=depth, offset=offset) for side in _SIDES]
        best = min(direct + channels,
                   key=lambda points: (_crossings(points, others), _along_drawn(points, self._drawn), _length(points)))
        if best in channels:
            self._channels += 1
        self._drawn.extend(pairwise(best))
        return Route(bends=[Point(x=x, y=y) for x, y in best])


Points = list[tuple[float, float]]
Segment = tuple[tuple[float, float], tuple[float, float]]


def _holds(outer: Bounds, inner: Bounds) -> bool:
    """True when ``inner`` is drawn inside ``outer`` (a service in its context's box)."""
    return (outer.x <= inner.x and outer.y <= inner.y
            and inner.x + inner.w <= outer.x + outer.w and inner.y + inner.h <= outer.y + outer.h)


def _crossings(points: Points, others: Collection[Bounds]) -> int:
    """How many of ``others`` the axis-parallel polyline through ``points`` passes through."""
    crossed = 0
    for o in others:
        for (x0, y0), (x1, y1) in pairwise(points):
            if o.x < max(x0, x1) and min(x0, x1) < o.x + o.w and o.y < max(y0, y1) and min(y0, y1) < o.y + o.h:
                crossed += 1
                break
    return crossed


def _along_drawn(points: Points, drawn: Collection[Segment]) -> float:
    """How far the polyline through ``points`` runs on top of segments already drawn (within half a lane)."""
    return sum(_on_top(segment, other) for segment in pairwise(points) for other in drawn)


def _on_top(s: Segment, t: Segment) -> float:
    """The length two axis-parallel segments share when they lie on (nearly) the same line."""
    (sx0, sy0), (sx1, sy1) = s
    (tx0, ty0), (tx1, ty1) = t
    if sy0 == sy1 and ty0 == ty1 and abs(sy0 - ty0) < LANE / 2:
        return max(0.0, min(max(sx0, sx1), max(tx0, tx1)) - max(min(sx0, sx1), min(tx0, tx1)))
    if sx0 == sx1 and tx0 == tx1 and abs(sx0 - tx0) < LANE / 2:
        return max(0.0, min(max(sy0, sy1), max(ty0, ty1)) - max(min(sy0, sy1), min(ty0, ty1)))
    return 0.0


def _length(points: Points) -> float:
    return sum(abs(x1 - x0) + abs(y1 - y0) for (x0, y0), (x1, y1) in pairwise(points))


def _shared(a0: float, a1: float, b0: float, b1: float, offset: float) -> float | None:
    """A coordinate in the overlap of two intervals, ``offset`` from its middle but kept inside it;
    None when they do not overlap enough for a straight route."""
    low, high = max(a0, b0) + LANE / 2, min(a1, b1) - LANE / 2
    if high - low < LANE:
        return None
    return min(max((low + high) / 2 + offset, low), high)


def _along(start: float, length: float, offset: float) -> float:
    """A point ``offset`` from the middle of a side, kept on the side."""
    return min(max(start + length / 2 + offset, start + LANE / 2), start + length - LANE / 2)


def _vertical(a: Bounds, b: Bounds, offset: float) -> list[tuple[float, float]] | None:
    """Leave by the bottom (or top) side and enter by the facing side; None if the two overlap vertically."""
    if a.y < b.y + b.h and b.y < a.y + a.h:
        return None
    down = b.y > a.y
    ya, yb = (a.y + a.h, b.y) if down else (a.y, b.y + b.h)
    shared = _shared(a.x, a.x + a.w, b.x, b.x + b.w, offset)
    if shared is not None:
        return [(shared, ya), (shared, yb)]
    xa, xb = _along(a.x, a.w, offset), _along(b.x, b.w, offset)
    mid = (ya + yb) / 2 + offset
    return [(xa, ya), (xa, mid), (xb, mid), (xb, yb)]


def _horizontal(a: Bounds, b: Bounds, offset: float) -> list[tuple[float, float]] | None:
    """Leave by the right (or left) side and enter by the facing side; None if the two overlap horizontally."""
    if a.x < b.x + b.w and b.x < a.x + a.w:
        return None
    right = b.x > a.x
    xa, xb = (a.x + a.w, b.x) if right else (a.x, b.x + b.w)
    shared = _shared(a.y, a.y + a.h, b.y, b.y + b.h, offset)
    if shared is not None:
        return [(xa, shared), (xb, shared)]
    ya, yb = _along(a.y, a.h, offset), _along(b.y, b.h, offset)
    mid = (xa + xb) / 2 + offset
    return [(xa, ya), (mid, ya), (mid, yb), (xb, yb)]


_SIDES = ("below", "above", "right", "left")


def _channel(a: Bounds, b: Bounds, side: str, others: Collection[Bounds], *, depth: float, offset: float) -> Points:
    """Leave and enter by the same ``side`` and run in a channel past every element in between."""
    if side in ("below", "above"):
        low, high = min(a.x, b.x), max(a.x + a.w, b.x + b.w)
        blocking = [(o.y, o.y + o.h) for o in others if o.x < high and low < o.x + o.w]
        xa, xb = _along(a.x, a.w, offset), _along(b.x, b.w, offset)
        if side == "below":
            y = _clear_of(max(a.y + a.h, b.y + b.h), blocking, +1) + depth
            return [(xa, a.y + a.h), (xa, y), (xb, y), (xb, b.y + b.h)]
        y = _clear_of(min(a.y, b.y), blocking, -1) - depth
        return [(xa, a.y), (xa, y), (xb, y), (xb, b.y)]
    low, high = min(a.y, b.y), max(a.y + a.h, b.y + b.h)
    blocking = [(o.x, o.x + o.w) for o in others if o.y < high and low < o.y + o.h]
    ya, yb = _along(a.y, a.h, offset), _along(b.y, b.h, offset)
    if side == "right":
        x = _clear_of(max(a.x + a.w, b.x + b.w), blocking, +1) + depth
        return [(a.x + a.w, ya), (x, ya), (x, yb), (b.x + b.w, yb)]
    x = _clear_of(min(a.x, b.x), blocking, -1) - depth
    return [(a.x, ya), (x, ya), (x, yb), (b.x, yb)]


def _clear_of(edge: float, spans: list[tuple[float, float]], direction: int) -> float:
    """Push ``edge`` outwards (direction +1: down or right, -1: up or left) past every span it touches."""
    moved = True
    while moved:
        moved = False
        for start, end in spans:
            if start - PAD < edge < end + PAD:
                edge = end + PAD if direction > 0 else start - PAD
                moved = True
    return edge
