"""How panels name an id to a person: an element by its name, a relation by its ends."""

from __future__ import annotations

from model.elements import ElementBase
from model.errors import ModelError
from model.relations import RelationBase
from model.store import Model
from model.vocabulary import ElementKind, RelationKind

_PLURALS = {ElementKind.ACL: "ACLs"}


def group_title(kind: ElementKind | RelationKind) -> str:
    """``context`` -> ``Contexts``; relation kinds keep their verb (``team-owns``)."""
    if isinstance(kind, RelationKind):
        return str(kind)
    return _PLURALS.get(kind, str(kind).capitalize() + "s")


def element_label(element: ElementBase) -> str:
    return element.name or element.id


def relation_label(model: Model, relation: RelationBase) -> str:
    """``Ordering → Pricing`` (or the relation's own name when it has one)."""
    if relation.name:
        return relation.name
    ends = [model.find_element(end) for end in (relation.source, relation.target)]
    names = [element_label(e) if e is not None else "?" for e in ends]
    return f"{names[0]} → {names[1]}"


def item_label(model: Model, item_id: str) -> str:
    """The name a person knows an element, relation or waiver by; the id when there is nothing better."""
    element = model.find_element(item_id)
    if element is not None:
        return element_label(element)
    relation = model.find_relation(item_id)
    if relation is not None:
        return f"{relation.kind} {relation_label(model, relation)}"
    try:
        waiver = model.waiver(item_id)
    except ModelError:
        return item_id
    return f"waiver of {waiver.rule}"
