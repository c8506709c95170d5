"""Where a line's label goes: along the line, clear of the boxes and of the labels already placed.

A label at the middle of its line is where a reader looks first, so that is tried first; when it
would cover a box (or sit across a context's border or on its name band) or another label, the
places further along the line are tried, above, below and beside it. The first place that covers
nothing wins; when every place covers something, the one that covers least. A label may lie
inside a context's body: that is where the flows between its own services run.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QPainterPath

#: Fractions of the line's length where a label may sit, the middle first.
FRACTIONS = (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82)
#: Room between a label and the line it names.
GAP = 4.0
#: Room beside a line, where its violation badge may sit.
SIDE_GAP = 9.0
#: The top of a context's box holds its kind and name: no label goes there.
NAME_BAND = 40.0
#: Half the height of the middle of a box, where its name is written.
NAME_HALF_HEIGHT = 14.0
#: A label under another cannot be read at all; one over the edge of a box still lets the box be read,
#: one over the middle of a box (where its name is) does not.
_LABEL_WEIGHT = 1.5
_NAME_WEIGHT = 3.0


class Grid:
    """Rectangles by key in square cells, to find the few near a place without looking at all of them."""

    def __init__(self, cell: float = 160.0) -> None:
        self.cell = cell
        self.rects: dict[str, QRectF] = {}
        self._cells: dict[tuple[int, int], set[str]] = {}

    def put(self, key: str, rect: QRectF) -> None:
        self.remove(key)
        self.rects[key] = rect
        for cell in self._cells_of(rect):
            self._cells.setdefault(cell, set()).add(key)

    def remove(self, key: str) -> None:
        rect = self.rects.pop(key, None)
        if rect is None:
            return
        for cell in self._cells_of(rect):
            keys = self._cells.get(cell)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self._cells[cell]

    def near(self, rect: QRectF) -> set[str]:
        """The keys whose rectangles share a cell with ``rect`` (a superset of those that overlap it)."""
        found: set[str] = set()
        for cell in self._cells_of(rect):
            found.update(self._cells.get(cell, ()))
        return found

    def _cells_of(self, rect: QRectF) -> Iterator[tuple[int, int]]:
        size = self.cell
        left, right = math.floor(rect.left() / size), math.floor(rect.right() / size)
        top, bottom = math.floor(rect.top() / size), math.floor(rect.bottom() / size)
        for column in range(left, right + 1):
            for row in range(top, bottom + 1):
                yield column, row


class Obstacles:
    """What a label should not cover in one view: the boxes (contexts apart) and the labels placed."""

    def __init__(self) -> None:
        self.boxes = Grid()
        #: Boxes that hold other boxes (contexts with their services): a label may lie in their body.
        self.containers: set[str] = set()
        self.labels = Grid()

    def cost(self, rect: QRectF, own: str) -> float:
        """How much of ``rect`` covers what it should not (an area, other labels weighing more)."""
        total = 0.0
        boxes = self.boxes.rects
        for key in self.boxes.near(rect):
            box = boxes[key]
            if not box.intersects(rect):
                continue
            if key in self.containers:
                total += _container_cost(box, rect)
            else:
                total += _area(box.intersected(rect)) + _NAME_WEIGHT * _area(name_area(box).intersected(rect))
        labels = self.labels.rects
        for key in self.labels.near(rect):
            if key != own and labels[key].intersects(rect):
                total += _LABEL_WEIGHT * _area(labels[key].intersected(rect))
        return total


def place(line: QPainterPath, size: QSizeF, obstacles: Obstacles, own: str) -> QRectF:
    """The rectangle for a label of ``size`` on ``line``: the first candidate that covers nothing, else the least."""
    best, best_cost = QRectF(), math.inf
    for rect in candidates(line, size):
        cost = obstacles.cost(rect, own)
        if cost < best_cost:
            best, best_cost = rect, cost
            if cost == 0.0:
                break
    return best


def candidates(line: QPainterPath, size: QSizeF) -> Iterator[QRectF]:
    """Places for the label in order of preference: above the middle of the line first."""
    width, height = size.width(), size.height()
    for fraction in FRACTIONS:
        at = line.pointAtPercent(fraction)
        x, y = at.x(), at.y()
        yield QRectF(x - width / 2, y - height - GAP, width, height)  # above
        yield QRectF(x - width / 2, y + GAP, width, height)  # below
        yield QRectF(x + SIDE_GAP, y - height / 2, width, height)  # right of it
        yield QRectF(x - width - SIDE_GAP, y - height / 2, width, height)  # left of it
    for fraction in (*FRACTIONS, 0.12, 0.88):  # then a row further off: still read as the line's, covers less
        at = line.pointAtPercent(fraction)
        x, y = at.x(), at.y()
        yield QRectF(x - width / 2, y - 2 * height - GAP, width, height)
        yield QRectF(x - width / 2, y + height + GAP, width, height)


def name_area(box: QRectF) -> QRectF:
    """The middle of a box, where its name is written (one or two lines)."""
    half = min(box.height() / 4, NAME_HALF_HEIGHT)
    return QRectF(box.left() + 8, box.center().y() - half, box.width() - 16, 2 * half)


def _container_cost(box: QRectF, rect: QRectF) -> float:
    """A label inside a context's body costs nothing; across its border or on its name band, what it covers."""
    band = QRectF(box.left(), box.top(), box.width(), min(NAME_BAND, box.height()))
    if box.contains(rect):
        return _area(band.intersected(rect)) if band.intersects(rect) else 0.0
    return _area(box.intersected(rect))


def _area(rect: QRectF) -> float:
    return max(rect.width(), 0.0) * max(rect.height(), 0.0)
