"""Line labels are placed along their line, clear of boxes and of each other, and follow edits."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QFontMetricsF, QPainterPath
from pytestqt.qtbot import QtBot

from app.canvas.labels import NAME_BAND, Grid, Obstacles, candidates, place
from app.canvas.scene import DiagramScene, to_bounds
from app.canvas.style import canvas_font
from app.document.controller import Document
from app.document.selection import Selection
from model.templates import build_template

LABEL = QSizeF(80, 16)


def _line(start: QPointF, end: QPointF) -> QPainterPath:
    path = QPainterPath(start)
    path.lineTo(end)
    return path


def _covered(rect: QRectF, box: QRectF) -> float:
    overlap = rect.intersected(box)
    return max(overlap.width(), 0.0) * max(overlap.height(), 0.0)


def test_a_free_label_sits_above_the_middle_of_its_line() -> None:
    rect = place(_line(QPointF(0, 100), QPointF(400, 100)), LABEL, Obstacles(), "flow")
    assert rect.center().x() == 200 and rect.bottom() < 100


def test_a_label_moves_along_its_line_off_a_box() -> None:
    obstacles = Obstacles()
    box = QRectF(150, 40, 100, 56)  # just above the middle of the line, where the label would go first
    obstacles.boxes.put("svc", box)
    rect = place(_line(QPointF(0, 100), QPointF(400, 100)), LABEL, obstacles, "flow")
    assert not rect.intersects(box)
    assert 0 < rect.center().x() < 400 and abs(rect.center().y() - 100) < 20


def test_a_label_may_lie_in_a_context_body_but_not_on_its_name_or_across_its_border() -> None:
    obstacles = Obstacles()
    context = QRectF(0, 0, 400, 200)
    obstacles.boxes.put("ctx", context)
    obstacles.containers.add("ctx")
    inside = place(_line(QPointF(20, 120), QPointF(380, 120)), LABEL, obstacles, "flow")
    assert context.contains(inside) and inside.top() >= NAME_BAND
    # A line through the name band: the label goes below it, covering as little of the name as it can.
    under_name = place(_line(QPointF(20, 30), QPointF(380, 30)), LABEL, obstacles, "flow")
    assert context.contains(under_name) and under_name.top() > 30
    # A line leaving the context: its label is not drawn across the border.
    leaving = place(_line(QPointF(200, 150), QPointF(200, 400)), LABEL, obstacles, "flow")
    assert context.contains(leaving) or not leaving.intersects(context)


def test_labels_keep_clear_of_each_other() -> None:
    obstacles = Obstacles()
    line = _line(QPointF(0, 100), QPointF(400, 100))
    first = place(line, LABEL, obstacles, "a")
    obstacles.labels.put("a", first)
    second = place(line, LABEL, obstacles, "b")
    assert not second.intersects(first)
    assert place(line, LABEL, obstacles, "a") == first  # a label does not avoid itself


def test_with_no_free_place_the_label_covers_the_least() -> None:
    obstacles = Obstacles()
    obstacles.boxes.put("left", QRectF(-500, 0, 540, 200))
    obstacles.boxes.put("right", QRectF(60, 100, 500, 200))
    line = _line(QPointF(40, 150), QPointF(60, 150))  # a short line between two boxes: every place covers one
    rect = place(line, LABEL, obstacles, "flow")
    costs = [obstacles.cost(candidate, "flow") for candidate in candidates(line, LABEL)]
    assert min(costs) > 0 and obstacles.cost(rect, "flow") == min(costs)


_rects = st.builds(
    QRectF,
    st.floats(-2000, 2000, allow_nan=False), st.floats(-2000, 2000, allow_nan=False),
    st.floats(0, 600, allow_nan=False), st.floats(0, 600, allow_nan=False),
)


@given(st.dictionaries(st.sampled_from("abcdefgh"), _rects, max_size=8), st.lists(st.sampled_from("abcdefgh")),
       _rects)
def test_the_grid_finds_every_rect_that_overlaps(rects: dict[str, QRectF], removed: list[str], query: QRectF) -> None:
    grid = Grid(cell=100.0)
    for key, rect in rects.items():
        grid.put(key, QRectF(0, 0, 1, 1))
        grid.put(key, rect)  # put again: moved
    for key in removed:
        grid.remove(key)
    kept = {key: rect for key, rect in rects.items() if key not in removed}
    assert grid.rects == kept
    near = grid.near(query)
    assert near <= kept.keys()
    assert {key for key, rect in kept.items() if rect.intersects(query)} <= near


def test_template_views_put_no_label_on_a_box_name(qtbot: QtBot) -> None:
    """In the templates' views a label may graze a box where two sit close, but never hides its name.

    The name is written in the middle of the box, in bold: its words on one line are the rectangle
    checked, and no label covers as much as a twentieth of it.
    """
    bold = canvas_font()
    bold.setBold(True)
    metrics = QFontMetricsF(bold)
    for template in ("retail", "insurer"):
        document = Document(build_template(template))
        for view in document.model.views():
            scene = DiagramScene(document, view.id, Selection())
            for line in scene.relations.values():
                if not line.label:
                    continue
                assert line.label_rect is not None and line.boundingRect().contains(line.label_rect)
                for item in scene.elements.values():
                    if item.element_id not in scene.obstacles.containers:
                        box = item.scene_bounds()
                        width = min(metrics.horizontalAdvance(item.element.name), box.width() - 16)
                        name = QRectF(box.center().x() - width / 2, box.center().y() - 6, width, 12)
                        hidden = _covered(line.label_rect, name) / _covered(name, name)
                        assert hidden < 0.05, (line.label, item.element_id, hidden)


def test_a_box_placed_over_a_label_pushes_it_away_and_a_rename_re_places_it(document: Document,
                                                                             scene: DiagramScene) -> None:
    line = next(item for item in scene.relations.values() if item.label == "Check credit status")
    team = next(item for item in scene.elements.values() if item.element.name == "Checkout team")
    label = line.label_rect
    assert label is not None and not label.intersects(team.scene_bounds())
    bounds = team.scene_bounds()
    bounds.moveCenter(label.center())
    with document.edit("Move team") as model:
        model.place(scene.view_id, team.element_id, to_bounds(bounds))
    assert line.label_rect is not None and not line.label_rect.intersects(team.scene_bounds())
    assert scene.obstacles.labels.rects[line.relation_id] == line.label_rect

    with document.edit("Rename") as model:
        model.update_relation(line.relation_id, name="Check the customer's credit status before taking the order")
    assert line.label.startswith("Check the customer")
    assert line.label_rect is not None and line.label_rect.width() > label.width()
    assert line.boundingRect().contains(line.label_rect)


def test_a_removed_line_leaves_no_label_behind(document: Document, scene: DiagramScene) -> None:
    line = next(item for item in scene.relations.values() if item.label)
    with document.edit("Delete") as model:
        model.remove_relation(line.relation_id)
    assert line.relation_id not in scene.obstacles.labels.rects
    document.undo_stack.undo()
    assert scene.obstacles.labels.rects[line.relation_id] == scene.relations[line.relation_id].label_rect


def test_labels_are_measured_in_the_canvas_font_and_placed_anew_when_it_grows(scene: DiagramScene) -> None:
    """A presentation draws the canvas larger: its labels get plates for that size, not elided into the old ones."""
    from app.canvas.items import LABEL_WIDTH

    before = {rid: line.label_rect for rid, line in scene.relations.items() if line.label_rect is not None}
    scene.set_canvas_font(canvas_font(1.25))
    after = {rid: line.label_rect for rid, line in scene.relations.items() if line.label_rect is not None}
    assert before.keys() == after.keys() == scene.obstacles.labels.rects.keys()
    assert all(after[rid].width() > before[rid].width() for rid in before)
    assert max(rect.width() for rect in after.values()) > LABEL_WIDTH  # the same words, not more ellipses
    assert all(after[rid].height() > before[rid].height() for rid in before)
    assert after == scene.obstacles.labels.rects
