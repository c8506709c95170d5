"""The document bridges model, undo stack and engine to Qt; the scene mirrors the model."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem

from app.canvas.scene import DiagramScene
from app.document import Document
from app.selection import Selection
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


def test_services_move_with_their_context(document: Document, scene: DiagramScene) -> None:
    service = scene.elements["svc-checkout"] if "svc-checkout" in scene.elements else next(
        i for i in scene.elements.values() if i.element.kind == "service")
    context = service.parentItem()
    assert context is not None
    before = service.scenePos()
    context.setPos(context.pos().x() + 100, context.pos().y())
    assert service.scenePos().x() == before.x() + 100
    scene.commit_moves()
    assert document.undo_stack.count() == 1


def test_items_paint_inside_the_bounding_rect_qt_caches_them_by(document: Document, scene: DiagramScene) -> None:
    """Boxes and lines keep a painted pixmap of their bounding rect: badge and label must fall inside it."""
    from app.canvas.items import BADGE_RADIUS

    box = scene.elements["ctx-pricing"]
    bounds = box.boundingRect()
    assert bounds.contains(box.shape().boundingRect())
    right, top = box.shape().boundingRect().right(), box.shape().boundingRect().top()
    assert bounds.contains(QRectF(right - BADGE_RADIUS, top - BADGE_RADIUS, 2 * BADGE_RADIUS, 2 * BADGE_RADIUS))
    assert box.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
    for line in scene.relations.values():
        middle = line.midpoint()
        assert line.boundingRect().contains(QRectF(middle.x() - 90, middle.y() - 30, 180, 30)), line.relation_id
        assert line.boundingRect().contains(line.shape().boundingRect().adjusted(4, 4, -4, -4))
