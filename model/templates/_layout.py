"""Hand-made diagram layout for the templates: a grid, boxes that hold services, orthogonal routes.

A template is the first diagram a workshop sees, so it is drawn by hand on a grid rather than by an
automatic layout: elements of 160x80 on a 200x120 pitch, contexts as larger boxes with their
services and anti-corruption layers inside, and relations routed with right-angle bends, parallel
relations between the same two elements spread on separate lanes.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

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


def draw(model: Model, view_id: str, name: str, placements: Mapping[str, Bounds],
         kinds: Collection[RelationKind], documentation: str = "") -> None:
    """Add a view showing ``placements`` and route every relation of ``kinds`` whose two ends it shows."""
    model.add_view(ViewInfo(id=view_id, name=name, documentation=documentation))
    for element_id, bounds in placements.items():
        model.place(view_id, element_id, bounds)
    used: dict[frozenset[str], int] = {}
    for relation in model.relations():
        if relation.kind not in kinds or relation.source not in placements or relation.target not in placements:  # type: ignore[attr-defined]
            continue
        pair = frozenset((relation.source, relation.target))
        count = used.get(pair, 0)
        used[pair] = count + 1
        lane = (count + 1) // 2 * (1 if count % 2 else -1)
        a, b = placements[relation.source], placements[relation.target]
        others = [p for key, p in placements.items() if key not in pair and not _holds(p, a) and not _holds(p, b)]
        model.route(view_id, relation.id, orthogonal(a, b, lane, others))


def _centre(bounds: Bounds) -> tuple[float, float]:
    return bounds.x + bounds.w / 2, bounds.y + bounds.h / 2


def _holds(outer: Bounds, inner: Bounds) -> bool:
    """True when ``inner`` is drawn inside ``outer`` (a service in its context's box)."""
    return (outer.x <= inner.x and outer.y <= inner.y
            and inner.x + inner.w <= outer.x + outer.w and inner.y + inner.h <= outer.y + outer.h)


def _blocked(a: tuple[float, float], b: tuple[float, float], others: Collection[Bounds]) -> bool:
    """Whether the straight, axis-parallel segment from ``a`` to ``b`` passes through one of ``others``."""
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    return any(o.x < x1 and x0 < o.x + o.w and o.y < y1 and y0 < o.y + o.h for o in others)


def orthogonal(a: Bounds, b: Bounds, lane: int = 0, others: Collection[Bounds] = ()) -> Route:
    """A right-angled route from ``a`` to ``b``: straight when aligned, else two bends halfway.

    ``lane`` shifts the route sideways so that parallel relations stay apart; an aligned route that
    would cross one of ``others`` detours below (or to the right of) the elements it joins.
    """
    (ax, ay), (bx, by) = _centre(a), _centre(b)
    offset = lane * LANE
    aligned_x, aligned_y = abs(ax - bx) < 1, abs(ay - by) < 1
    if (aligned_x or aligned_y) and _blocked((ax, ay), (bx, by), others):
        if aligned_y:
            below = max(a.y + a.h, b.y + b.h) + PAD + abs(offset)
            return Route(bends=[Point(x=ax + offset, y=below), Point(x=bx + offset, y=below)])
        right = max(a.x + a.w, b.x + b.w) + PAD + abs(offset)
        return Route(bends=[Point(x=right, y=ay + offset), Point(x=right, y=by + offset)])
    if lane == 0 and (aligned_x or aligned_y):
        return Route()
    if abs(by - ay) >= abs(bx - ax):
        mid = (ay + by) / 2 + offset
        bends = [Point(x=ax + offset, y=mid), Point(x=bx + offset, y=mid)]
    else:
        mid = (ax + bx) / 2 + offset
        bends = [Point(x=mid, y=ay + offset), Point(x=mid, y=by + offset)]
    return Route(bends=bends)
