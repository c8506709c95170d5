"""What a verb checks before it records a change: new ids, references, relation ends, whole values."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from model.elements import ElementBase
from model.errors import ModelError, describe_validation_error
from model.queries import Queries
from model.references import reference_problem
from model.relations import RelationBase, endpoint_problem
from model.vocabulary import RelationKind

V = TypeVar("V", bound=BaseModel)


def require_new_id(model: Queries, item_id: str) -> None:
    if model.is_known_id(item_id):
        raise ModelError(f"the id {item_id!r} is already used")


def check_references(model: Queries, item: ElementBase | RelationBase) -> None:
    """Every id an attribute names is an element of a kind that attribute accepts."""
    for field in item.REFERENCE_FIELDS:
        value = getattr(item, field)
        for target in [value] if isinstance(value, str) else value or []:
            problem = reference_problem(item, field, model.find_element(target), target)
            if problem:
                raise ModelError(problem)


def check_relation(model: Queries, relation: RelationBase, replacing: RelationBase | None = None) -> None:
    """Both ends exist, differ and are of kinds the relation joins; a part belongs to one context."""
    source = model.find_element(relation.source)
    target = model.find_element(relation.target)
    if source is None or target is None:
        missing = relation.source if source is None else relation.target
        raise ModelError(f"relation {relation.id!r} refers to {missing!r}, which is not in the model")
    if relation.source == relation.target:
        raise ModelError(f"a {relation.kind} relation joins two different elements")
    problem = endpoint_problem(relation.kind, source.kind, target.kind)
    if problem:
        raise ModelError(problem[0].upper() + problem[1:])
    if relation.kind == RelationKind.CONTAINS:
        holder = model.container_of(relation.target)
        moving = replacing is not None and replacing.target == relation.target
        if holder is not None and not moving:
            raise ModelError(f"{target.name or target.id} already belongs to another context")
    check_references(model, relation)


def revalidate(old: V, changes: dict[str, Any], what: str) -> V:
    """Validate ``old`` with ``changes`` applied as a whole new value, naming the first problem."""
    data = old.model_dump()
    data.update(changes)
    try:
        return type(old).model_validate(data)
    except ValidationError as error:
        raise ModelError(f"cannot change the {what}: {describe_validation_error(error)}") from None
