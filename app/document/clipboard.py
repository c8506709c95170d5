"""Copy, paste and duplicate: elements with what is drawn inside them, their relations and layout.

The clipboard holds JSON (``CLIPBOARD_FORMAT``), so a copy can go to another window or model. A
paste makes new elements (new ids, same names), each one ``document.edit`` step like every edit.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from pydantic import TypeAdapter, ValidationError

from app.document.controller import Document
from app.document.editing import PREFIXES, Refused, bounds_in_view, contain_in, container_at, placed_in_view, step
from app.document.selection import Selection
from model.elements import Element, ElementBase
from model.ids import new_id
from model.relations import Relation, RelationBase
from model.safe_text import lone_surrogate_escape
from model.store import Model
from model.views import Bounds, Point, Route
from model.vocabulary import ElementKind, RelationKind

PASTE_OFFSET = (40.0, 40.0)
CLIPBOARD_FORMAT = "steelframe-clipboard/1"
_ELEMENTS: TypeAdapter[ElementBase] = TypeAdapter(Element)
_RELATIONS: TypeAdapter[RelationBase] = TypeAdapter(Relation)


def copy(document: Document, view_id: str, ids: Iterable[str]) -> str:
    """JSON text of the elements (with what is drawn inside them), their relations and their layout."""
    model = document.model
    chosen = list(placed_in_view(model, view_id, ids))
    for element_id in chosen:  # grows while iterating: boxes inside boxes come along
        chosen.extend(r.target for r in model.outgoing(element_id, RelationKind.CONTAINS)
                      if r.target not in chosen and bounds_in_view(model, view_id, r.target))
    if not chosen:
        raise Refused("select elements shown in this view to copy them")
    members = set(chosen)
    relations = sorted({r.id: r for e in chosen for r in model.incident(e)
                        if r.source in members and r.target in members}.items())
    routes = {rid: layout.model_dump(mode="json") for rid, _ in relations
              if isinstance(layout := model.layout(view_id, rid), Route)}
    return json.dumps({
        "format": CLIPBOARD_FORMAT,
        "elements": [model.element(e).model_dump(mode="json") for e in chosen],
        "relations": [r.model_dump(mode="json") for _, r in relations],
        "bounds": {e: model.layout(view_id, e).model_dump(mode="json") for e in chosen},  # type: ignore[union-attr]
        "routes": routes,
    }, indent=1)


def _parse(text: str) -> dict[str, Any]:
    if lone_surrogate_escape(text) is not None:
        raise Refused("the clipboard holds text that is not valid Unicode (half a surrogate pair)")
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if not isinstance(data, dict) or data.get("format") != CLIPBOARD_FORMAT:
        raise Refused("the clipboard holds no Steelframe elements")
    return data


def _remap(item: ElementBase | RelationBase, ids: dict[str, str], model: Model) -> dict[str, Any]:
    """Reference fields pointing at pasted copies, or kept when the original exists, else dropped."""
    update: dict[str, Any] = {}
    for field in item.REFERENCE_FIELDS:
        value = getattr(item, field)
        if isinstance(value, list):
            update[field] = [ids.get(v, v) for v in value if v in ids or v in model]
        elif isinstance(value, str):
            update[field] = ids.get(value) or (value if value in model else None)
    return update


def _paste_into(model: Model, view_id: str, data: dict[str, Any], dx: float, dy: float) -> list[str]:
    try:
        elements = [_ELEMENTS.validate_python(e) for e in data["elements"]]
        relations = [_RELATIONS.validate_python(r) for r in data["relations"]]
        bounds = {k: Bounds.model_validate(v) for k, v in data["bounds"].items()}
        routes = {k: Route.model_validate(v) for k, v in data.get("routes", {}).items()}
    except (KeyError, TypeError, AttributeError, ValidationError) as error:
        raise Refused("the clipboard holds damaged Steelframe elements") from error
    ids = {e.id: new_id(PREFIXES[e.kind]) for e in elements}
    ids |= {r.id: new_id(r.kind.value) for r in relations if r.source in ids and r.target in ids}
    for element in elements:  # references to other pasted copies are set once they all exist
        model.add_element(_bare(element).model_copy(update={"id": ids[element.id]}))
        old = bounds.get(element.id, Bounds(x=0, y=0))
        model.place(view_id, ids[element.id], old.model_copy(update={"x": old.x + dx, "y": old.y + dy}))
    for element in elements:
        update = _remap(element, ids, model)
        if update:
            model.update_element(ids[element.id], **update)
    for relation in relations:
        if relation.id not in ids:
            continue
        model.add_relation(relation.model_copy(update={
            "id": ids[relation.id], "source": ids[relation.source], "target": ids[relation.target],
            **_remap(relation, ids, model)}))
        bends = [Point(x=p.x + dx, y=p.y + dy) for p in routes.get(relation.id, Route()).bends]
        model.route(view_id, ids[relation.id], Route(bends=bends))
    for element in elements:
        _contain(model, view_id, ids[element.id])
    return [ids[e.id] for e in elements] + [ids[r.id] for r in relations if r.id in ids]


def _bare(element: ElementBase) -> ElementBase:
    """The element without its references (added again by ``_remap`` once every copy exists)."""
    update: dict[str, Any] = {}
    for field in element.REFERENCE_FIELDS:
        update[field] = [] if isinstance(getattr(element, field), list) else None
    return element.model_copy(update=update)


def _contain(model: Model, view_id: str, element_id: str) -> None:
    """A pasted service or acl without a pasted context belongs to the context it lands in."""
    element = model.element(element_id)
    bounds = bounds_in_view(model, view_id, element_id)
    inside_nothing = model.container_of(element_id) is None
    if element.kind in (ElementKind.SERVICE, ElementKind.ACL) and inside_nothing and bounds is not None:
        holder = container_at(model, view_id, bounds)
        if holder is not None:
            contain_in(model, holder, element_id)


def paste(document: Document, view_id: str, text: str, offset: tuple[float, float] = PASTE_OFFSET,  # noqa: PLR0917
          selection: Selection | None = None, label: str | None = None) -> list[str]:
    """Paste copied elements as new ones (new ids, same names) next to the originals; returns the new
    element ids, then the new relation ids."""
    data = _parse(text)
    count = len(data.get("elements", ()))
    with step(document, label or f"Paste {count} item{'s' if count != 1 else ''}") as model:
        new_ids = _paste_into(model, view_id, data, *offset)
    if selection is not None:
        selection.set(new_ids)
    return new_ids


def duplicate(document: Document, view_id: str, ids: Iterable[str], offset: tuple[float, float] = PASTE_OFFSET,
              selection: Selection | None = None) -> list[str]:
    """Copy and paste in one step."""
    return paste(document, view_id, copy(document, view_id, ids), offset, selection=selection, label="Duplicate")
