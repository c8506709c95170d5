"""The document bridges model, undo stack and engine to Qt; the scene mirrors the model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem
from pytestqt.qtbot import QtBot

from app.canvas.items import ElementItem
from app.canvas.scene import DiagramScene
from app.canvas.tool_state import ToolState
from app.canvas.view import DiagramView
from app.document.controller import Document
from app.document.selection import Selection
from model.elements import Context, Fact
from model.relations import Owns
from model.views import Bounds


def test_an_edit_is_one_step_on_qt_undo_stack(document: Document) -> None:
    assert not document.dirty
    with document.edit("Add Returns") as model:
        model.add_element(Context(id="ctx-returns", name="Returns"))
    assert document.undo_stack.count() == 1 and document.dirty
    document.undo_stack.undo()
    assert document.model.find_element("ctx-returns") is None
    document.undo_stack.redo()
    assert document.model.find_element("ctx-returns") is not None


def test_the_scene_follows_placements_and_undo(document: Document, scene: DiagramScene) -> None:
    with document.edit("Add and place") as model:
        model.add_element(Context(id="ctx-returns", name="Returns"))
        model.place(scene.view_id, "ctx-returns", Bounds(x=2000, y=40, w=240, h=160))
    assert "ctx-returns" in scene.elements
    document.undo_stack.undo()
    assert "ctx-returns" not in scene.elements


def test_a_violation_appears_and_disappears_as_a_badge(blank_document: Document, selection: Selection) -> None:
    document = blank_document
    view_id = document.model.views()[0].id
    scene = DiagramScene(document, view_id, selection)
    with document.edit("Add fact") as model:
        model.add_element(Fact(id="fact-price", name="Price"))
        model.place(view_id, "fact-price", Bounds(x=0, y=0))
    item = scene.elements["fact-price"]
    assert item.badge == ("error", 1)
    assert item.details == ["no owner"]
    with document.edit("Owner") as model:
        model.add_element(Context(id="ctx-pricing", name="Pricing"))
        model.add_relation(Owns(id="owns-1", source="ctx-pricing", target="fact-price"))
    assert item.badge == (None, 0)
    assert item.details == ["owner: Pricing"]


def test_services_move_with_their_context(qtbot: QtBot, document: Document, scene: DiagramScene) -> None:
    service = scene.elements["svc-checkout"] if "svc-checkout" in scene.elements else next(
        i for i in scene.elements.values() if i.element.kind == "service")
    context = service.parentItem()
    assert context is not None
    before = service.scenePos()
    context.setPos(context.pos().x() + 100, context.pos().y())
    assert service.scenePos().x() == before.x() + 100
    view = DiagramView(scene, ToolState())
    qtbot.addWidget(view)
    view.select_tool.commit_moves()  # the select tool, on release
    assert document.undo_stack.count() == 1
    assert scene.dragged() == {}


def test_a_renamed_owner_is_named_under_its_facts(document: Document, selection: Selection) -> None:
    view_id = document.model.views()[0].id
    with document.edit("Owned fact") as model:
        model.add_element(Context(id="ctx-tariffs", name="Tariffs"))
        model.add_element(Fact(id="fact-tariff", name="Tariff"))
        model.add_relation(Owns(id="owns-tariff", source="ctx-tariffs", target="fact-tariff"))
        model.place(view_id, "fact-tariff", Bounds(x=3000, y=0))
    scene = DiagramScene(document, view_id, selection)
    assert scene.elements["fact-tariff"].details == ["owner: Tariffs"]
    with document.edit("Rename") as model:
        model.update_element("ctx-tariffs", name="Tariff board")
    assert scene.elements["fact-tariff"].details == ["owner: Tariff board"]
    scene.detach()


@pytest.mark.parametrize("service_first", [True, False])
def test_boxes_end_where_the_model_has_them_whatever_order_a_transaction_moves_them(
        document: Document, scene: DiagramScene, service_first: bool) -> None:
    service = next(i for i in scene.elements.values() if i.element.kind == "service" and i.parentItem())
    context = service.parentItem()
    assert isinstance(context, ElementItem)
    model = document.model
    old_service, old_context = model.layout(scene.view_id, service.element_id), model.layout(
        scene.view_id, context.element_id)
    assert isinstance(old_service, Bounds) and isinstance(old_context, Bounds)
    moves = [(service.element_id, old_service.model_copy(update={"x": old_service.x + 300, "y": old_service.y + 50})),
             (context.element_id, old_context.model_copy(update={"x": old_context.x + 280, "y": old_context.y}))]
    with document.edit("Arrange") as edit:
        for element_id, bounds in moves if service_first else reversed(moves):
            edit.place(scene.view_id, element_id, bounds)
    for element_id, bounds in moves:
        assert scene.elements[element_id].scene_bounds() == QRectF(bounds.x, bounds.y, bounds.w, bounds.h)
    document.undo_stack.undo()
    assert service.scene_bounds() == QRectF(old_service.x, old_service.y, old_service.w, old_service.h)


def test_items_paint_inside_the_bounding_rect_qt_caches_them_by(document: Document, scene: DiagramScene) -> None:
    """Boxes and lines keep a painted pixmap of their bounding rect: badge and label must fall inside it."""
    from app.canvas.items import BADGE_RADIUS

    box = scene.elements["ctx-pricing"]
    bounds = box.boundingRect()
    assert bounds.contains(box.shape().boundingRect())
    right, top = box.shape().boundingRect().right(), box.shape().boundingRect().top()
    assert bounds.contains(QRectF(right - BADGE_RADIUS, top - BADGE_RADIUS, 2 * BADGE_RADIUS, 2 * BADGE_RADIUS))
    assert box.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
    labelled = [line for line in scene.relations.values() if line.label]
    assert labelled
    for line in scene.relations.values():
        middle = line.midpoint()
        assert line.boundingRect().contains(QRectF(middle.x() - 7, middle.y() - 7, 14, 14)), line.relation_id
        if line.label:
            assert line.label_rect is not None and line.boundingRect().contains(line.label_rect), line.relation_id
        assert line.boundingRect().contains(line.shape().boundingRect().adjusted(4, 4, -4, -4))


def test_a_name_wider_than_its_box_wraps_inside_it_instead_of_being_cut(qtbot: object) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetricsF

    from app.canvas.items import _wrap

    metrics = QFontMetricsF(QFont())
    assert _wrap("Order to cash", metrics, 120) == int(Qt.TextFlag.TextWordWrap)
    assert _wrap("fulfillment.shipments.v1", metrics, 120) == int(Qt.TextFlag.TextWrapAnywhere)


def _font_after_paint(item: QGraphicsItem, dpi: int, font: QFont | None = None) -> float:
    """The painter's point size once ``item`` has painted on an image of ``dpi`` (the painter ended either way)."""
    image = QImage(400, 300, QImage.Format.Format_ARGB32)
    image.setDotsPerMeterY(round(dpi / 0.0254))
    painter = QPainter(image)
    try:
        if font is not None:
            painter.setFont(font)
        item.paint(painter, QStyleOptionGraphicsItem())
        return painter.font().pointSizeF()
    finally:
        painter.end()


def test_items_write_in_the_canvas_font_whatever_font_the_painter_brings(scene: DiagramScene) -> None:
    """Qt paints cached pixmaps with the application's (UI) font; the canvas keeps its own, sized per device."""
    from app.canvas.style import CANVAS_POINT_SIZE

    serif = QFont("DejaVu Serif", 30)
    line = next(item for item in scene.relations.values() if item.label)
    assert _font_after_paint(line, 96, serif) == CANVAS_POINT_SIZE
    assert _font_after_paint(scene.elements["ctx-pricing"], 96, serif) <= CANVAS_POINT_SIZE  # ends on its caption
    # On a printer's 600 dots to the inch, as big against the boxes as on a 96 dpi screen.
    assert abs(_font_after_paint(line, 600) - CANVAS_POINT_SIZE * 96 / 600) < 0.01


def test_renaming_an_event_renames_the_flows_labelled_with_it(document: Document, scene: DiagramScene) -> None:
    event = next(e for e in document.model.elements() if e.name == "OrderPlaced")
    labelled = [line for line in scene.relations.values() if line.label == "OrderPlaced"]
    assert labelled
    with document.edit("Rename event") as model:
        model.update_element(event.id, name="OrderSubmitted")
    assert all(line.label == "OrderSubmitted" and line.shown_label == "OrderSubmitted" for line in labelled)
    document.undo_stack.undo()
    assert all(line.label == "OrderPlaced" for line in labelled)


def test_a_moved_context_re_routes_each_of_its_lines_once(document: Document, scene: DiagramScene,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The scene used to route a moved box's lines three times (the item's move, the layout, the relations)."""
    from app.canvas.items import RelationItem

    routed: list[str] = []
    original = RelationItem.route

    def counting(self: RelationItem, source: QRectF, target: QRectF) -> None:
        routed.append(self.relation_id)
        original(self, source, target)

    monkeypatch.setattr(RelationItem, "route", counting)
    boxes = ["ctx-ordering", *scene._contained("ctx-ordering")]
    lines = {r.id for box in boxes for r in document.model.incident(box) if r.id in scene.relations}
    before = document.model.layout(scene.view_id, "ctx-ordering")
    assert isinstance(before, Bounds)
    with document.edit("Move Ordering") as model:
        model.place(scene.view_id, "ctx-ordering", before.model_copy(update={"x": before.x + 40}))
    ends = {r: {scene.relations[r].relation.source, scene.relations[r].relation.target} for r in lines}
    both_ends_moved = [r for r in lines if ends[r] <= set(boxes)]
    assert set(routed) == lines
    assert len(routed) == len(lines) + len(both_ends_moved)  # such a line follows each of its two boxes
