"""Editing commands shared by the canvas tools, the keyboard and the window's menus.

Each command is one user action, so one ``document.edit`` step (one undo step). A command that
cannot be done raises ``Refused`` with a reason a workshop participant understands; the model is
then left exactly as it was (the transaction rolls back).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Any

from app.document.controller import Document
from app.document.placement import bounds_in_view, container_at, fresh_name, placed_in_view
from app.document.selection import Selection
from model.elements import ELEMENT_CLASSES, ElementBase, Note
from model.errors import ModelError
from model.ids import new_id
from model.relations import ENDPOINTS, RELATION_CLASSES, endpoint_problem, relations_between
from model.store import Model
from model.views import Bounds
from model.vocabulary import ElementKind, FlowStyle, RelationKind

K = ElementKind
PREFIXES = {
    K.CONTEXT: "ctx", K.SERVICE: "svc", K.SYSTEM: "sys", K.ACL: "acl", K.TEAM: "team", K.FACT: "fact",
    K.DATASTORE: "ds", K.EVENT: "evt", K.TOPIC: "topic", K.SAGA: "saga", K.INVARIANT: "inv",
    K.RECONCILIATION: "rec", K.DECISION: "dec", K.NOTE: "note",
}


class Refused(ModelError):
    """An editing command that was not done; ``str()`` is the line the status bar shows."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return f"Refused: {self.reason}"


class Edge(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    TOP = "top"
    BOTTOM = "bottom"
    CENTRE_HORIZONTAL = "centre-horizontal"  # same horizontal centre (x): boxes line up in a column
    CENTRE_VERTICAL = "centre-vertical"  # same vertical centre (y): boxes line up in a row


@contextmanager
def step(document: Document, label: str) -> Iterator[Model]:
    """One undo step; a verb's refusal becomes ``Refused`` after the transaction rolled back."""
    try:
        with document.edit(label) as model:
            yield model
    except Refused:
        raise
    except ModelError as error:
        raise Refused(str(error)) from error


def _element(model: Model, element_id: str) -> ElementBase:
    element = model.find_element(element_id)
    if element is None:
        raise Refused(f"there is no element {element_id!r}")
    return element


def _describe(model: Model, ids: list[str]) -> str:
    if len(ids) == 1:
        item = model.find_element(ids[0]) or model.find_relation(ids[0])
        return (item.name if item is not None else "") or ids[0]
    return f"{len(ids)} items"


# ----------------------------------------------------------------- creating

def _add(model: Model, view_id: str, kind: ElementKind, bounds: Bounds, name: str | None) -> str:
    element_id = new_id(PREFIXES[kind])
    name = fresh_name(model, kind) if name is None else name
    dated = {"date": datetime.date.today()} if kind is K.DECISION else {}  # a record says when it was decided
    model.add_element(ELEMENT_CLASSES[kind](id=element_id, kind=kind, name=name, **dated))
    model.place(view_id, element_id, bounds)
    if kind in (K.SERVICE, K.ACL):
        holder = container_at(model, view_id, bounds)
        if holder is not None:
            contain_in(model, holder, element_id)
    return element_id


def contain_in(model: Model, holder: str, element_id: str) -> None:
    contains = RELATION_CLASSES[RelationKind.CONTAINS]
    model.add_relation(contains(id=new_id("contains"), kind=RelationKind.CONTAINS, source=holder, target=element_id))


def create_element(document: Document, view_id: str, kind: ElementKind, bounds: Bounds, name: str | None = None,  # noqa: PLR0917
                   selection: Selection | None = None) -> str:
    """Add an element and show it at ``bounds``; a service or acl drawn inside a context belongs to it."""
    with step(document, f"Add {kind}") as model:
        element_id = _add(model, view_id, kind, bounds, name)
    if selection is not None:
        selection.set([element_id])
    return element_id


# --------------------------------------------------------------- connecting

def relation_choices(model: Model, source_id: str, target_id: str) -> list[RelationKind]:
    """The relation kinds that may join the two elements, the most likely first.

    A context drawn to a fact owns it when nobody does yet, writes it when it already owns it,
    and otherwise replicates it.
    """
    source, target = _element(model, source_id), _element(model, target_id)
    choices = relations_between(source.kind, target.kind)
    if RelationKind.OWNS in choices:
        owners = {r.source for r in model.incoming(target_id, RelationKind.OWNS)}
        first = (RelationKind.WRITES if source_id in owners else RelationKind.REPLICATES) if owners else None
        if first is not None:
            choices.remove(first)
            choices.insert(0, first)
    return choices


def connection_problem(source: ElementKind, target: ElementKind) -> str:
    """Why no relation joins the two kinds, worded by ``endpoint_problem`` for the nearest relation."""
    starting = [k for k, (sources, _) in ENDPOINTS.items() if source in sources]
    ending = [k for k, (_, targets) in ENDPOINTS.items() if target in targets]
    if not starting and not ending:
        return f"a {source} and a {target} take part in no relation"
    return endpoint_problem((starting or ending)[0], source, target) or f"nothing joins a {source} to a {target}"


def connect(document: Document, view_id: str, source_id: str, target_id: str, kind: RelationKind | None = None,  # noqa: PLR0917
            style: FlowStyle = FlowStyle.QUERY, selection: Selection | None = None) -> str:
    """Add the relation the two ends allow (``kind`` or the most likely one) and draw it in the view."""
    model = document.model
    source, target = _element(model, source_id), _element(model, target_id)
    if source_id == target_id:
        raise Refused("a relation joins two different elements")
    if kind is None:
        choices = relation_choices(model, source_id, target_id)
        if not choices:
            raise Refused(connection_problem(source.kind, target.kind))
        kind = choices[0]
    problem = endpoint_problem(kind, source.kind, target.kind)
    if problem:
        raise Refused(problem)
    attributes: dict[str, Any] = {"style": style} if kind is RelationKind.FLOW else {}
    relation_id = new_id(kind.value)
    label = f"Add {style} flow" if kind is RelationKind.FLOW else f"Add {kind}"
    with step(document, label) as edit:
        relation = RELATION_CLASSES[kind](id=relation_id, kind=kind, source=source_id, target=target_id, **attributes)
        edit.add_relation(relation)
        if bounds_in_view(edit, view_id, source_id) and bounds_in_view(edit, view_id, target_id):
            edit.route(view_id, relation_id)
    if selection is not None:
        selection.set([relation_id])
    return relation_id


def link_selected(document: Document, view_id: str, ids: Iterable[str], style: FlowStyle = FlowStyle.QUERY,
                  selection: Selection | None = None) -> str:
    """Link the two selected elements, first selected to second, with a flow of ``style``."""
    ends = [i for i in dict.fromkeys(ids) if document.model.find_element(i) is not None]
    if len(ends) != 2:
        raise Refused("select exactly two elements to link them with a flow")
    return connect(document, view_id, ends[0], ends[1], RelationKind.FLOW, style=style, selection=selection)


# ----------------------------------------------------------------- changing

def editable_text(model: Model, item_id: str) -> str:
    """What in-place editing shows: a note's text, otherwise the name."""
    item = model.find_element(item_id) or model.find_relation(item_id)
    if item is None:
        raise Refused(f"there is no element {item_id!r}")
    return item.text if isinstance(item, Note) and item.text else item.name


def rename(document: Document, item_id: str, name: str) -> None:
    """Rename an element or relation (a note's text is what it shows); no step when nothing changes."""
    model = document.model
    with step(document, "Rename") as edit:
        element = model.find_element(item_id)
        if isinstance(element, Note) and element.text:
            edit.update_element(item_id, text=name)
        elif element is not None:
            edit.update_element(item_id, name=name.strip())
        elif model.find_relation(item_id) is not None:
            edit.update_relation(item_id, name=name.strip())
        else:
            raise Refused(f"there is no element {item_id!r}")


def delete_from_model(document: Document, ids: Iterable[str]) -> None:
    """Delete elements and relations from the model, and so from every view."""
    model = document.model
    wanted = [i for i in dict.fromkeys(ids) if i in model]
    wanted += nested_in(model, wanted)  # a context's services and acls go with it, never left behind
    if not wanted:
        raise Refused("select something to delete")
    with step(document, f"Delete {_describe(model, wanted)}") as edit:
        for item_id in wanted:
            if edit.find_relation(item_id) is not None:
                edit.remove_relation(item_id)
            elif edit.find_element(item_id) is not None:
                edit.remove_element(item_id)


def nested_in(model: Model, ids: list[str]) -> list[str]:
    """The elements the given ones contain, at any depth, that are not among them."""
    found: dict[str, None] = {}
    todo = list(ids)
    while todo:
        for relation in model.outgoing(todo.pop(), RelationKind.CONTAINS):
            if relation.target not in found and relation.target not in ids:
                found[relation.target] = None
                todo.append(relation.target)
    return list(found)


def remove_from_view(document: Document, view_id: str, ids: Iterable[str]) -> None:
    """Take elements and relations off this view only; the model keeps them."""
    model = document.model
    wanted = [i for i in dict.fromkeys(ids) if model.layout(view_id, i) is not None]
    if not wanted:
        raise Refused("select something shown in this view to remove it from the view")
    with step(document, f"Remove {_describe(model, wanted)} from view") as edit:
        for item_id in wanted:
            if edit.layout(view_id, item_id) is not None:
                edit.unplace(view_id, item_id)


def _move(model: Model, view_id: str, element_id: str, delta: tuple[float, float], moving: set[str]) -> None:
    """Move a box and what is drawn inside it (bounds are absolute, so children move explicitly),
    except the children in ``moving``, which move on their own."""
    bounds = bounds_in_view(model, view_id, element_id)
    if bounds is None:
        return
    model.place(view_id, element_id, bounds.model_copy(update={"x": bounds.x + delta[0], "y": bounds.y + delta[1]}))
    for relation in model.outgoing(element_id, RelationKind.CONTAINS):
        if relation.target not in moving:
            _move(model, view_id, relation.target, delta, moving)


def move(document: Document, view_id: str, moved: dict[str, Bounds]) -> None:
    """Put boxes where they were dragged to: one step however many moved."""
    with step(document, f"Move {_describe(document.model, list(moved))}") as model:
        for element_id, bounds in moved.items():
            model.place(view_id, element_id, bounds)


def align(document: Document, view_id: str, ids: Iterable[str], edge: Edge | str) -> None:
    """Line boxes up on an edge or a centre of the box around all of them."""
    edge = Edge(edge)
    boxes = placed_in_view(document.model, view_id, ids)
    if len(boxes) < 2:
        raise Refused("select two or more boxes to align them")
    left, top = min(b.x for b in boxes.values()), min(b.y for b in boxes.values())
    right, bottom = max(b.x + b.w for b in boxes.values()), max(b.y + b.h for b in boxes.values())
    around = Bounds(x=left, y=top, w=right - left, h=bottom - top)
    with step(document, f"Align {edge}") as model:
        for element_id, bounds in boxes.items():
            x, y = _aligned(edge, bounds, around)
            _move(model, view_id, element_id, (x - bounds.x, y - bounds.y), set(boxes))


def _aligned(edge: Edge, box: Bounds, around: Bounds) -> tuple[float, float]:
    """Where ``box`` goes when aligned on ``edge`` of the box ``around`` the selection."""
    return {
        Edge.LEFT: (around.x, box.y),
        Edge.RIGHT: (around.x + around.w - box.w, box.y),
        Edge.TOP: (box.x, around.y),
        Edge.BOTTOM: (box.x, around.y + around.h - box.h),
        Edge.CENTRE_HORIZONTAL: (around.x + (around.w - box.w) / 2, box.y),
        Edge.CENTRE_VERTICAL: (box.x, around.y + (around.h - box.h) / 2),
    }[edge]
