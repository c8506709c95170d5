"""Which boundary (context, or a system on its own) an element or relation belongs to, for grouping."""

from __future__ import annotations

from model.relations import RelationBase
from model.store import Model
from model.vocabulary import ElementKind, RelationKind


def boundary_of(model: Model, element_id: str) -> str:
    """A service or acl lifts to the context that contains it; everything else stands for itself."""
    element = model.find_element(element_id)
    if element is not None and element.kind in (ElementKind.SERVICE, ElementKind.ACL):
        return model.container_of(element_id) or element_id
    return element_id


def contexts_of(model: Model, item_id: str) -> set[str]:
    """The contexts an item of a violation concerns (none for facts, systems, decisions, waivers...)."""
    element = model.find_element(item_id)
    if element is not None:
        if element.kind is ElementKind.EVENT:
            return {r.source for r in model.incoming(item_id, RelationKind.PUBLISHES)}
        lifted = boundary_of(model, item_id)
        found = model.find_element(lifted)
        return {lifted} if found is not None and found.kind is ElementKind.CONTEXT else set()
    relation: RelationBase | None = model.find_relation(item_id)
    if relation is None:
        return set()
    return contexts_of(model, relation.source) | contexts_of(model, relation.target)
