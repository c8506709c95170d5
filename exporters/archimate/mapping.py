"""The ArchiMate mapping of DESIGN.md as data: element kinds to ArchiMate types, relations to
relationships, and every Steelframe attribute to a ``steelframe.<attribute>`` property.

Export reads the tables forwards, import backwards; both use the same property codec, so that
export then import gives back the same model.
"""

from __future__ import annotations

import datetime
import json
from enum import Enum
from typing import Any, NamedTuple

from model.elements import ELEMENT_CLASSES, ElementBase
from model.relations import RELATION_CLASSES, RelationBase
from model.vocabulary import ElementKind, FlowStyle, RelationKind

NAMESPACE = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_NS = "http://www.w3.org/XML/1998/namespace"
SCHEMA_LOCATION = f"{NAMESPACE} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"
PREFIX = "steelframe."

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
    for attribute in type(item).model_fields:
        if attribute in _NOT_PROPERTIES:
            continue
        value = getattr(item, attribute)
        if value is None or value == [] or value == "" or value is FlowStyle.UNDECLARED:
            continue  # an undeclared style is the absence of steelframe.style
        properties.append((property_name(attribute), _encode(attribute, value)))
    return properties


def _decode(item_class: type[ElementBase] | type[RelationBase], values: dict[str, str]) -> dict[str, Any]:
    """Property values back to attribute values pydantic can validate (it parses "true", "3", enums)."""
    by_property = {property_name(a): a for a in item_class.model_fields if a not in _NOT_PROPERTIES}
    data: dict[str, Any] = {}
    for name, text in values.items():
        attribute = by_property.get(name)
        if attribute is None:
            continue
        if attribute in _ID_LISTS:
            data[attribute] = text.split()
        elif _is_list(item_class, attribute):
            data[attribute] = json.loads(text)
        else:
            data[attribute] = text
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
