"""What each attribute of an element, relation or the settings is, read from its pydantic field,
so that the property editor shows a new attribute without code. No Qt here."""

from __future__ import annotations

import datetime
import types
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from model.duration import Duration
from model.references import REFERENCE_TARGETS
from model.relations import ENDPOINTS, RelationBase
from model.vocabulary import ElementKind, RelationKind

#: Text attributes that hold prose rather than a label: edited in several lines.
MULTILINE = frozenset({"description", "statement", "problem", "outcome", "consequences", "text"})
#: Shown first, in this order; the commonly long or generic ones last.
FIRST = ("id", "kind", "name", "source", "target")
LAST = ("description", "tags", "properties")
READ_ONLY = frozenset({"id", "kind"})
#: Labels that read better than the attribute name.
LABELS = {("decision", "name"): "title", ("flow", "synchronous"): "synchronous"}


@dataclass(frozen=True)
class FieldType:
    """One attribute as the form needs it: its base type and the facts that pick a widget."""

    name: str
    label: str
    base: Any  # str, int, bool, datetime.date, an Enum class, dict, or anything else
    optional: bool = False
    many: bool = False
    duration: bool = False
    targets: frozenset[ElementKind] = frozenset()  # non-empty: the field names elements of these kinds
    minimum: int | None = None
    read_only: bool = False
    multiline: bool = False

    @property
    def is_enum(self) -> bool:
        return isinstance(self.base, type) and issubclass(self.base, Enum)


def fields_of(model_class: type[BaseModel], kind: str | None = None, only: tuple[str, ...] = ()) -> list[FieldType]:
    """Every attribute of ``model_class`` in form order (or just ``only``, in that order)."""
    names = list(model_class.model_fields)
    ordered = list(only) or [
        *(n for n in FIRST if n in names),
        *(n for n in names if n not in FIRST and n not in LAST),
        *(n for n in LAST if n in names),
    ]
    return [describe(model_class, kind, name) for name in ordered]


def describe(model_class: type[BaseModel], kind: str | None, name: str) -> FieldType:
    info = model_class.model_fields[name]
    annotation, optional = _strip_optional(info.annotation)
    many = get_origin(annotation) is list
    if many:
        annotation = get_args(annotation)[0]
    duration = annotation == Duration
    metadata = list(info.metadata)
    base = annotation
    if get_origin(annotation) is Annotated:
        base = get_args(annotation)[0]
        metadata += _flatten(annotation.__metadata__)
    if get_origin(base) is dict:
        base = dict
    return FieldType(
        name=name,
        label=LABELS.get((kind or "", name), name.replace("_", " ")),
        base=base,
        optional=optional,
        many=many,
        duration=duration,
        targets=_targets(model_class, kind, name),
        minimum=next((m.ge for m in metadata if isinstance(m, annotated_types.Ge) and isinstance(m.ge, int)), None),
        read_only=name in READ_ONLY,
        multiline=name in MULTILINE and base is str,
    )


def _strip_optional(annotation: Any) -> tuple[Any, bool]:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1 and len(get_args(annotation)) == 2:
            return args[0], True
    return annotation, False


def _flatten(metadata: tuple[Any, ...]) -> list[Any]:
    found: list[Any] = []
    for item in metadata:
        found.extend(item.metadata if isinstance(item, FieldInfo) else [item])
    return found


def _targets(model_class: type[BaseModel], kind: str | None, name: str) -> frozenset[ElementKind]:
    if kind is None:
        return frozenset()
    if (kind, name) in REFERENCE_TARGETS:
        return frozenset({REFERENCE_TARGETS[(kind, name)]})
    if issubclass(model_class, RelationBase) and name in ("source", "target"):
        sources, targets = ENDPOINTS[RelationKind(kind)]
        return sources if name == "source" else targets
    return frozenset()


def is_date(field: FieldType) -> bool:
    return field.base is datetime.date
