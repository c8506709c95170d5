"""The ArchiMate mapping of DESIGN.md as data: element kinds to ArchiMate types, relations to
relationships, and every Steelframe attribute to a ``steelframe.<attribute>`` property.

Export reads the tables forwards, import backwards; both use the same property codec, so that
export then import gives back the same model.
"""

from __future__ import annotations

import datetime
import json
from enum import Enum
from functools import cache
from typing import Any, NamedTuple

from model.elements import ELEMENT_CLASSES, ElementBase
from model.relations import RELATION_CLASSES, RelationBase
from model.vocabulary import ElementKind, FlowStyle, RelationKind

NAMESPACE = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_NS = "http://www.w3.org/XML/1998/namespace"
SCHEMA_LOCATION = f"{NAMESPACE} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"
PREFIX = "steelframe."
#: The identifier of the Grouping an export of a model without ArchiMate elements holds: the schema
#: allows no empty ``<elements>`` and Archi refuses a file without one. Import leaves it out.
EMPTY_MODEL_GROUPING = "id-steelframe-empty-model"

#: Steelframe element kind -> ArchiMate element type. Decisions and notes are not ArchiMate concepts.
ELEMENT_TYPES: dict[ElementKind, str] = {
    ElementKind.CONTEXT: "ApplicationComponent",
    ElementKind.SERVICE: "ApplicationComponent",
    ElementKind.SYSTEM: "ApplicationComponent",
    ElementKind.ACL: "ApplicationComponent",
    ElementKind.TEAM: "BusinessActor",
    ElementKind.FACT: "DataObject",
    ElementKind.DATASTORE: "SystemSoftware",
    ElementKind.EVENT: "ApplicationEvent",
    ElementKind.TOPIC: "TechnologyService",
    ElementKind.SAGA: "ApplicationProcess",
    ElementKind.INVARIANT: "Constraint",
    ElementKind.RECONCILIATION: "ApplicationProcess",
}


class RelationshipMapping(NamedTuple):
    type: str
    #: Written from the Steelframe target to the source (``uses`` is Serving datastore -> user).
    reversed: bool = False
    access_type: str | None = None
    #: Whether the relationship carries ``steelframe.relation`` (where the type alone is ambiguous).
    marked: bool = False


RELATION_TYPES: dict[RelationKind, RelationshipMapping] = {
    RelationKind.OWNS: RelationshipMapping("Access", access_type="Write", marked=True),
    RelationKind.REPLICATES: RelationshipMapping("Access", access_type="Read", marked=True),
    RelationKind.WRITES: RelationshipMapping("Access", access_type="Write", marked=True),
    RelationKind.FLOW: RelationshipMapping("Flow"),
    RelationKind.PUBLISHES: RelationshipMapping("Triggering"),
    RelationKind.USES: RelationshipMapping("Serving", reversed=True),
    RelationKind.TEAM_OWNS: RelationshipMapping("Association", marked=True),
    RelationKind.CONTAINS: RelationshipMapping("Composition"),
    RelationKind.COORDINATES: RelationshipMapping("Association", marked=True),
    RelationKind.GUARDS: RelationshipMapping("Realization"),
    RelationKind.SPANS: RelationshipMapping("Association", marked=True),
    RelationKind.COVERS: RelationshipMapping("Association", marked=True),
}

#: Attribute names whose property name is not simply the attribute in camelCase.
_PROPERTY_NAMES = {"usage": "datastore"}
#: List attributes holding element ids, written space-separated (DESIGN.md: steelframe.carries).
_ID_LISTS = {"carries", "supersedes"}
#: Attributes that travel as the element's own <name> and <documentation>, or not at all.
_NOT_PROPERTIES = {"id", "kind", "name", "description", "properties", "source", "target"}


def property_name(attribute: str) -> str:
    """``event_class`` -> ``steelframe.eventClass``; ``usage`` -> ``steelframe.datastore``."""
    attribute = _PROPERTY_NAMES.get(attribute, attribute)
    head, *rest = attribute.split("_")
    return PREFIX + head + "".join(part.capitalize() for part in rest)


def _encode(attribute: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return " ".join(value) if attribute in _ID_LISTS else json.dumps(value, ensure_ascii=False)
    return str(value)


def steelframe_properties(item: ElementBase | RelationBase) -> list[tuple[str, str]]:
    """``(property name, value)`` for the kind marker and every attribute that is set, in field order."""
    properties = [(PREFIX + "kind", str(item.kind))] if isinstance(item, ElementBase) else []
    if isinstance(item, RelationBase) and RELATION_TYPES[item.kind].marked:
        properties.append((PREFIX + "relation", str(item.kind)))
    for attribute, name in _property_fields(type(item)):
        value = getattr(item, attribute)
        if value is None or value is FlowStyle.UNDECLARED or value in ([], ""):
            continue  # an undeclared style is the absence of steelframe.style
        properties.append((name, _encode(attribute, value)))
    return properties


@cache
def _property_fields(item_class: type[ElementBase] | type[RelationBase]) -> tuple[tuple[str, str], ...]:
    """(attribute, property name) of every attribute that travels as a property, in field order."""
    return tuple((a, property_name(a)) for a in item_class.model_fields if a not in _NOT_PROPERTIES)


@cache
def _decoders(item_class: type[ElementBase] | type[RelationBase]) -> dict[str, tuple[str, int]]:
    """Property name -> (attribute, how its text is read: 0 as is, 1 space-separated ids, 2 JSON list)."""
    return {name: (attribute, 1 if attribute in _ID_LISTS else 2 if _is_list(item_class, attribute) else 0)
            for attribute, name in _property_fields(item_class)}


def _decode(item_class: type[ElementBase] | type[RelationBase], values: dict[str, str]) -> dict[str, Any]:
    """Property values back to attribute values pydantic can validate (it parses "true", "3", enums)."""
    decoders = _decoders(item_class)
    data: dict[str, Any] = {}
    for name, text in values.items():
        found = decoders.get(name)
        if found is None:
            continue
        attribute, how = found
        data[attribute] = text if how == 0 else text.split() if how == 1 else json.loads(text)
    return data


def _is_list(item_class: type[ElementBase] | type[RelationBase], attribute: str) -> bool:
    annotation = item_class.model_fields[attribute].annotation
    return getattr(annotation, "__origin__", None) is list


def element_attributes(kind: ElementKind, values: dict[str, str]) -> dict[str, Any]:
    """Attributes of a ``kind`` element from its ``steelframe.*`` property values."""
    return _decode(ELEMENT_CLASSES[kind], values)


def relation_attributes(kind: RelationKind, values: dict[str, str]) -> dict[str, Any]:
    """Attributes of a ``kind`` relation from its ``steelframe.*`` property values."""
    return _decode(RELATION_CLASSES[kind], values)


# ------------------------------------------------------------------ export details

#: Folder of the organizations per element kind, named as a model tree names it.
FOLDER_LABELS: dict[ElementKind, str] = {
    ElementKind.CONTEXT: "Contexts",
    ElementKind.SERVICE: "Services",
    ElementKind.SYSTEM: "Systems",
    ElementKind.ACL: "ACLs",
    ElementKind.TEAM: "Teams",
    ElementKind.FACT: "Facts",
    ElementKind.DATASTORE: "Datastores",
    ElementKind.EVENT: "Events",
    ElementKind.TOPIC: "Topics",
    ElementKind.SAGA: "Sagas",
    ElementKind.INVARIANT: "Invariants",
    ElementKind.RECONCILIATION: "Reconciliations",
}
RELATIONS_FOLDER = "Relations"
VIEWS_FOLDER = "Views"
#: Top folder added to an imported file's own organizations for what Steelframe added.
STEELFRAME_FOLDER = "Steelframe"

#: Relationship types an imported relation keeps on export besides its mapped one (DESIGN.md: a
#: Serving or Triggering between components imports as a flow of undeclared style). Every pair is
#: allowed between the ArchiMate types the relation's ends are written as.
KEPT_TYPES: dict[RelationKind, frozenset[str]] = {
    RelationKind.FLOW: frozenset({"Flow", "Serving", "Triggering"}),
    RelationKind.CONTAINS: frozenset({"Composition", "Aggregation"}),
}
#: Access types an imported access keeps on export besides its mapped one.
KEPT_ACCESS_TYPES: dict[RelationKind, frozenset[str]] = {
    RelationKind.OWNS: frozenset({"Write", "ReadWrite"}),
    RelationKind.WRITES: frozenset({"Write", "ReadWrite"}),
    RelationKind.REPLICATES: frozenset({"Read", "Access"}),  # "Access" (unspecified) is the schema's default
}


def keeps_type(relation: RelationBase, original_type: str | None) -> bool:
    """Whether ``relation`` may be written with the type of the relationship it was imported from.

    A flow keeps a Serving or Triggering only while its style is undeclared: declaring a style
    makes it a Steelframe flow, written as Flow.
    """
    mapped = RELATION_TYPES[relation.kind].type
    if original_type == mapped:
        return True
    if relation.kind == RelationKind.FLOW and getattr(relation, "style", None) is not FlowStyle.UNDECLARED:
        return False
    return original_type in KEPT_TYPES.get(relation.kind, frozenset())


# ------------------------------------------------------------- the tables read backwards (import)


def marked_element_kind(archimate_type: str, marker: str) -> ElementKind | None:
    """The kind a ``steelframe.kind`` marker names, when an element of that ArchiMate type can carry it."""
    try:
        kind = ElementKind(marker.strip())
    except ValueError:
        return None
    return kind if ELEMENT_TYPES.get(kind) == archimate_type else None


def marked_relation_kind(archimate_type: str, marker: str) -> RelationKind | None:
    """The kind a ``steelframe.relation`` marker names, when a relationship of that type can carry it."""
    try:
        kind = RelationKind(marker.strip())
    except ValueError:
        return None
    return kind if RELATION_TYPES[kind].type == archimate_type else None
