"""Making a planned capture: new elements placed next to what they belong with, relations routed in the view."""

from __future__ import annotations

from collections.abc import Callable

from model.capture.placement import place
from model.capture.plan import End, NewRelation, Plan
from model.capture.routing import route_around
from model.elements import ELEMENT_CLASSES
from model.ids import new_id
from model.relations import RELATION_CLASSES
from model.store import Model
from model.views import Bounds
from model.vocabulary import ElementKind, RelationKind

SizeOf = Callable[[ElementKind], tuple[float, float]]


def apply(model: Model, planned: Plan, view_id: str, anchor_id: str | None, size_of: SizeOf) -> str | None:
    """Add what ``planned`` says inside the caller's transaction; returns the id to select.

    Existing elements the line names are drawn in the view when they are not yet; new ones go next
    to the element they join (or the anchor: the selection or the last capture).
    """
    ids: list[str] = []
    for existing in planned.shown:
        if model.layout(view_id, existing) is None:
            _draw(model, view_id, existing, _box(model, view_id, anchor_id), size_of(model.element(existing).kind))
    for new in planned.elements:
        element_id = new_id(new.kind.value)
        model.add_element(ELEMENT_CLASSES[new.kind](id=element_id, kind=new.kind, name=new.name))
        near = _id(new.near, ids) if new.near is not None else anchor_id
        _draw(model, view_id, element_id, _box(model, view_id, near) or _box(model, view_id, anchor_id),
              size_of(new.kind))
        ids.append(element_id)
    for relation in planned.relations:
        _relate(model, view_id, relation, ids)
    return _id(planned.select, ids) if planned.select is not None else None


def _id(end: End, ids: list[str]) -> str:
    return ids[end] if isinstance(end, int) else end


def _box(model: Model, view_id: str, element_id: str | None) -> Bounds | None:
    layout = model.layout(view_id, element_id) if element_id else None
    return layout if isinstance(layout, Bounds) else None


def _draw(model: Model, view_id: str, element_id: str, anchor: Bounds | None, size: tuple[float, float]) -> None:
    boxes = [b for b in model.layouts(view_id).values() if isinstance(b, Bounds)]
    model.place(view_id, element_id, place(boxes, anchor, size))


def _relate(model: Model, view_id: str, relation: NewRelation, ids: list[str]) -> None:
    attributes = {name: _id(value, ids) if name == "event" and isinstance(value, int | str) else value
                  for name, value in relation.attributes.items()}
    relation_id = new_id(relation.kind.value)
    source, target = _id(relation.source, ids), _id(relation.target, ids)
    model.add_relation(RELATION_CLASSES[relation.kind](id=relation_id, kind=relation.kind, source=source,
                                                       target=target, **attributes))
    if relation.kind is not RelationKind.PUBLISHES and _box(model, view_id, source) and _box(model, view_id, target):
        model.route(view_id, relation_id, route_around(model, view_id, source, target))
