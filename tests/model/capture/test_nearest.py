"""Arrow keys on the canvas: the nearest box in each direction."""

from __future__ import annotations

from model.capture.nearest import DOWN, LEFT, RIGHT, UP, nearest
from model.views import Bounds

BOXES = {
    "middle": Bounds(x=400, y=400, w=160, h=80),
    "right": Bounds(x=700, y=420, w=160, h=80),
    "far-right": Bounds(x=1100, y=400, w=160, h=80),
    "up": Bounds(x=380, y=100, w=160, h=80),
    "diagonal": Bounds(x=700, y=100, w=160, h=80),
    "left": Bounds(x=0, y=380, w=240, h=160),
}


def test_each_arrow_finds_the_nearest_box_that_way() -> None:
    assert nearest(BOXES, "middle", RIGHT) == "right"
    assert nearest(BOXES, "right", RIGHT) == "far-right"
    assert nearest(BOXES, "middle", UP) == "up"
    assert nearest(BOXES, "middle", LEFT) == "left"
    assert nearest(BOXES, "middle", DOWN) is None
    assert nearest(BOXES, "up", RIGHT) == "diagonal"
