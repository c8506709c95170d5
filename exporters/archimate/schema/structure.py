"""The structure the Open Group exchange schema (archimate3_Diagram.xsd, 3.1) enforces, as tables.

The official XSDs are not shipped with Steelframe, so the import checks this transcription instead:
each element's children in their order and number, its attributes and their datatypes, and the
xsi:type of abstract elements. Children from other namespaces (extensions, Dublin Core metadata) are
allowed where the schema has its ``xs:any`` wildcard and are not looked into, as Archi does.
"""

from __future__ import annotations

from typing import NamedTuple

UNBOUNDED = 1 << 30
#: The tag of a slot that takes elements of any other namespace (the schema's ``grp.any``).
ANY = "*"

ELEMENT_TYPES = frozenset({
    "BusinessActor", "BusinessRole", "BusinessCollaboration", "BusinessInterface", "BusinessProcess",
    "BusinessFunction", "BusinessInteraction", "BusinessEvent", "BusinessService", "BusinessObject", "Contract",
    "Representation", "Product",
    "ApplicationComponent", "ApplicationCollaboration", "ApplicationInterface", "ApplicationFunction",
    "ApplicationInteraction", "ApplicationProcess", "ApplicationEvent", "ApplicationService", "DataObject",
    "Node", "Device", "SystemSoftware", "TechnologyCollaboration", "TechnologyInterface", "Path",
    "CommunicationNetwork", "TechnologyFunction", "TechnologyProcess", "TechnologyInteraction", "TechnologyEvent",
    "TechnologyService", "Artifact",
    "Equipment", "Facility", "DistributionNetwork", "Material",
    "Stakeholder", "Driver", "Assessment", "Goal", "Outcome", "Principle", "Requirement", "Constraint", "Meaning",
    "Value",
    "Resource", "Capability", "CourseOfAction", "ValueStream",
    "WorkPackage", "Deliverable", "ImplementationEvent", "Plateau", "Gap",
    "Grouping", "Location", "AndJunction", "OrJunction",
})
#: Element types that are not "real" elements in the schema: their <name> is optional.
UNNAMED_ELEMENT_TYPES = frozenset({"Grouping", "Location", "AndJunction", "OrJunction"})
RELATIONSHIP_TYPES = frozenset({
    "Composition", "Aggregation", "Assignment", "Realization", "Serving", "Access", "Influence", "Triggering", "Flow",
    "Specialization", "Association",
})
NODE_TYPES = frozenset({"Label", "Container", "Element"})
CONNECTION_TYPES = frozenset({"Line", "Relationship", "NestingRelationship"})


class Slot(NamedTuple):
    tag: str
    low: int = 0
    high: int = UNBOUNDED


class Spec(NamedTuple):
    """One element's content: its children (a sequence, or any order when ``unordered``) and attributes."""

    slots: tuple[Slot, ...] = ()
    #: attribute name -> (datatype, required)
    attributes: dict[str, tuple[str, bool]] = {}
    text: bool = False
    #: Whether attributes of other namespaces are allowed (the schema's ``anyAttribute ##other``).
    open: bool = False
    unordered: bool = False
    #: The names of the required attributes (filled in from ``attributes``).
    required: tuple[str, ...] = ()
    #: The element's name (``node`` for the content models ``node:Label`` ...), filled in from the key.
    family: str = ""


def _many(tag: str, low: int = 0) -> Slot:
    return Slot(tag, low, UNBOUNDED)


def _one(tag: str, low: int = 0) -> Slot:
    return Slot(tag, low, 1)


_LANG = {"xml:lang": ("lang", False)}
_ID = {"identifier": ("id", True)}
_LOCATION = {"x": ("nonneg", True), "y": ("nonneg", True)}
_NODE = {**_ID, **_LOCATION, "w": ("positive", True), "h": ("positive", True)}
_COLOUR = {"r": ("byte", True), "g": ("byte", True), "b": ("byte", True), "a": ("alpha", False)}
_HEAD = (_many("name", 1), _many("documentation"), _many(ANY))
_CONCEPT_HEAD = (_many("name"), _many("documentation"), _many(ANY), _one("properties"))
_VIEW_CONCEPT = (_many("label"), _many("documentation"), _one("style"), _many("viewRef"))
_ENDS = (_one("sourceAttachment"), _many("bendpoint"), _one("targetAttachment"))
_CONNECTION = {**_ID, "source": ("idref", True), "target": ("idref", True), "relationshipRef": ("idref", True)}

SPECS: dict[str, Spec] = {
    "model": Spec(
        (*_HEAD, _one("properties"), _one("metadata"), _one("elements"), _one("relationships"),
         _many("organizations"), _one("propertyDefinitions"), _one("views")),
        {**_ID, "version": ("string", False)}, open=True,
    ),
    "name": Spec(attributes=_LANG, text=True),
    "documentation": Spec(attributes=_LANG, text=True),
    "label": Spec(attributes=_LANG, text=True),
    "value": Spec(attributes=_LANG, text=True),
    "properties": Spec((_many("property", 1),)),
    "property": Spec((_many("value", 1),), {"propertyDefinitionRef": ("idref", True)}),
    "metadata": Spec((_one("schema"), _one("schemaversion"), _many("schemaInfo"), _many(ANY))),
    "schemaInfo": Spec((_one("schema"), _one("schemaversion"), _many(ANY))),
    "schema": Spec(text=True),
    "schemaversion": Spec(text=True),
    "elements": Spec((_many("element", 1),)),
    "element": Spec((_many("name", 1), _many("documentation"), _many(ANY), _one("properties")), _ID, open=True),
    "element:unnamed": Spec(_CONCEPT_HEAD, _ID, open=True),
    "relationships": Spec((_many("relationship", 1),)),
    "relationship": Spec(_CONCEPT_HEAD, {**_ID, "source": ("idref", True), "target": ("idref", True)}, open=True),
    "organizations": Spec((_many("item", 1),)),
    "item": Spec(
        (_many("label"), _many("documentation"), _many("item"), _many(ANY)),
        {"identifier": ("id", False), "identifierRef": ("idref", False)}, open=True,
    ),
    "propertyDefinitions": Spec((_many("propertyDefinition", 1),)),
    "propertyDefinition": Spec(_HEAD, {**_ID, "type": ("datatype", True)}, open=True),
    "views": Spec((_one("viewpoints"), _one("diagrams"))),
    "viewpoints": Spec((_many("viewpoint", 1),)),
    "viewpoint": Spec(
        (*_HEAD, _one("properties"), _many("concern"), _one("viewpointPurpose"), _one("viewpointContent"),
         _many("allowedElementType"), _many("allowedRelationshipType"), _many("modelingNote")),
        _ID, open=True,
    ),
    "concern": Spec((_many("label", 1), _many("documentation"), _one("stakeholders"))),
    "stakeholders": Spec((_many("stakeholder", 1),)),
    "stakeholder": Spec((_many("label", 1),)),
    "viewpointPurpose": Spec(text=True),
    "viewpointContent": Spec(text=True),
    "allowedElementType": Spec(attributes={"type": ("element-type", True)}),
    "allowedRelationshipType": Spec(attributes={"type": ("relationship-type", True)}),
    "modelingNote": Spec((_many("documentation", 1),), {"type": ("string", False)}),
    "diagrams": Spec((_many("view", 1),)),
    "view": Spec(
        (*_HEAD, _one("properties"), _many("node"), _many("connection")),
        {**_ID, "viewpoint": ("string", False), "viewpointRef": ("idref", False)}, open=True,
    ),
    "node:Label": Spec(
        _VIEW_CONCEPT, {**_NODE, "conceptRef": ("idref", False), "xpathPart": ("token", False)}, open=True,
    ),
    "node:Container": Spec((*_VIEW_CONCEPT, _many("node")), _NODE, open=True),
    "node:Element": Spec((*_VIEW_CONCEPT, _many("node")), {**_NODE, "elementRef": ("idref", True)}, open=True),
    "connection:Line": Spec(
        (*_VIEW_CONCEPT, *_ENDS), {**_ID, "source": ("idref", False), "target": ("idref", False)}, open=True,
    ),
    "connection:Relationship": Spec((*_VIEW_CONCEPT, *_ENDS), _CONNECTION, open=True),
    "style": Spec(
        (_one("lineColor"), _one("fillColor"), _one("font")), {"lineWidth": ("positive", False)}, unordered=True,
    ),
    "lineColor": Spec(attributes=_COLOUR),
    "fillColor": Spec(attributes=_COLOUR),
    "color": Spec(attributes=_COLOUR),
    "font": Spec(
        (_one("color"),), {"name": ("string", False), "size": ("font-size", False), "style": ("font-style", False)},
    ),
    "viewRef": Spec(attributes={"ref": ("idref", True)}),
    "sourceAttachment": Spec(attributes=_LOCATION),
    "bendpoint": Spec(attributes=_LOCATION),
    "targetAttachment": Spec(attributes=_LOCATION),
}
SPECS["connection:NestingRelationship"] = SPECS["connection:Relationship"]

#: Extra attributes of some relationship types.
RELATIONSHIP_ATTRIBUTES: dict[str, dict[str, tuple[str, bool]]] = {
    "Access": {"accessType": ("access-type", False)},
    "Influence": {"modifier": ("string", False)},
    "Association": {"isDirected": ("boolean", False)},
}
for _type, _extra in RELATIONSHIP_ATTRIBUTES.items():
    _base = SPECS["relationship"]
    SPECS[f"relationship:{_type}"] = _base._replace(attributes={**_base.attributes, **_extra})
for _key, _spec in SPECS.items():
    SPECS[_key] = _spec._replace(
        required=tuple(n for n, (_, needed) in _spec.attributes.items() if needed), family=_key.partition(":")[0]
    )

#: Which identifiers each reference attribute must name: (element, attribute) -> kinds of the named item.
#: None: any identifier of the file (a plain xs:IDREF without a key).
REFERENCE_TARGETS: dict[tuple[str, str], frozenset[str] | None] = {
    ("relationship", "source"): frozenset({"element", "relationship"}),
    ("relationship", "target"): frozenset({"element", "relationship"}),
    ("property", "propertyDefinitionRef"): frozenset({"propertyDefinition"}),
    ("node", "elementRef"): frozenset({"element"}),
    ("node", "conceptRef"): frozenset({"element", "relationship"}),
    ("connection", "relationshipRef"): frozenset({"relationship"}),
    ("connection", "source"): frozenset({"node", "connection"}),
    ("connection", "target"): frozenset({"node", "connection"}),
    ("view", "viewpointRef"): frozenset({"viewpoint"}),
    ("viewRef", "ref"): frozenset({"view"}),
    ("item", "identifierRef"): None,
}
