"""Giving an exchange file's concepts their Steelframe meaning: DESIGN.md's mapping table read backwards.

Rules, in order:

* An element with a ``steelframe.kind`` property (Steelframe's own export) becomes exactly that kind
  with every ``steelframe.*`` attribute, provided its ArchiMate type is the one the table gives the
  kind. A relationship with ``steelframe.relation`` likewise.
* A foreign element becomes: ApplicationComponent -> context (or service, below), DataObject ->
  fact, SystemSoftware -> datastore (operational), ApplicationEvent -> event, Constraint ->
  invariant. TechnologyService (topic), BusinessActor (team) and ApplicationProcess (saga or
  reconciliation) mean something to Steelframe only with a marker; everything else stays foreign.
* Services: a foreign ApplicationComponent composed into exactly one other foreign component, and
  composing none itself, is a service of that component (the Composition becomes ``contains``).
  One level of nesting: a component that has parts of its own stays a context of its own, so a
  deeper tree becomes contexts with services at its leaves, and a component shared by two
  compositions stays a context.
* A foreign relationship between two Steelframe elements: Access component -> fact becomes
  ``writes`` (Write, ReadWrite) or ``replicates`` (Read, Access) -- never ``owns``: who owns a fact is
  a decision the workshop takes in Steelframe, which SF001 then asks for. Serving datastore ->
  component becomes ``uses``; Triggering context -> event ``publishes``; Composition ``contains``;
  Flow, Serving or Triggering between two components a flow of undeclared style, in the file's
  direction.
* Whatever meaning an item gets must pass the model's own validation (attribute values, endpoint
  kinds, references, one container per service); an item that would not stays foreign, kept as it
  was, instead of failing the import.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import ValidationError

from exporters.archimate.mapping import (
    ELEMENT_TYPES,
    PREFIX,
    RELATION_TYPES,
    element_attributes,
    marked_element_kind,
    marked_relation_kind,
    relation_attributes,
)
from exporters.archimate.reading.concepts import Concept, ConceptReader, Section
from model.elements import ELEMENT_CLASSES, PARTICIPANT_KINDS, ElementBase
from model.references import reference_problem
from model.relations import RELATION_CLASSES, RelationBase, endpoint_problem
from model.vocabulary import ElementKind, RelationKind

K = ElementKind
R = RelationKind
KIND = PREFIX + "kind"
RELATION = PREFIX + "relation"
COMPONENT = "ApplicationComponent"
#: Foreign element types that mean a Steelframe kind without a marker.
FOREIGN_KINDS: dict[str, ElementKind] = {
    COMPONENT: K.CONTEXT,
    "DataObject": K.FACT,
    "SystemSoftware": K.DATASTORE,
    "ApplicationEvent": K.EVENT,
    "Constraint": K.INVARIANT,
}
#: ArchiMate types an element may have to mean a Steelframe kind (marked, or by the table); others are not read.
_MEANINGFUL = frozenset({*ELEMENT_TYPES.values(), *FOREIGN_KINDS})
_WRITING_ACCESS = frozenset({"Write", "ReadWrite"})
_FLOW_TYPES = frozenset({"Flow", "Serving", "Triggering"})


@dataclass
class Meaning:
    """The Steelframe items of a file, by id in document order."""

    elements: dict[str, ElementBase] = field(default_factory=dict)
    relations: dict[str, RelationBase] = field(default_factory=dict)
    #: Relations written from their Steelframe target to their source (``uses``).
    flipped: set[str] = field(default_factory=set)


def give_meaning(elements: Section, relationships: Section, reader: ConceptReader) -> Meaning:
    """The Steelframe items of the file; only concepts that may get a meaning are read beyond their columns."""
    meaning = Meaning()
    candidates = [reader.concept(element) for element, kind in zip(elements.elements, elements.types, strict=True)
                  if kind in _MEANINGFUL]
    services = _services(candidates, relationships, reader)
    for concept in candidates:
        element = _element(concept, services)
        if element is not None:
            meaning.elements[element.id] = element
    for element in list(meaning.elements.values()):
        if any(_reference_problem(element, name, meaning.elements) for name in element.REFERENCE_FIELDS):
            del meaning.elements[element.id]  # a reconciliation whose authoritative source is not a context
    contained: set[str] = set()
    known = meaning.elements
    for index, (source, target) in enumerate(zip(relationships.sources, relationships.targets, strict=True)):
        if source not in known or target not in known:
            continue  # only a relationship between two Steelframe elements may mean something
        relation = _relation(reader.concept(relationships.elements[index]), meaning, contained)
        if relation is not None:
            meaning.relations[relation.id] = relation
            if relation.kind is R.CONTAINS:
                contained.add(relation.target)
    return meaning


def _services(elements: list[Concept], relationships: Section, reader: ConceptReader) -> set[str]:
    """Foreign components composed into exactly one foreign component and composing none themselves."""
    foreign = {c.id for c in elements if c.type == COMPONENT and KIND not in c.steelframe}
    parents: dict[str, set[str]] = {}
    if foreign:
        for index, kind in enumerate(relationships.types):
            source, target = relationships.sources[index], relationships.targets[index]
            if kind != "Composition" or source == target or source not in foreign or target not in foreign:
                continue
            if RELATION not in reader.concept(relationships.elements[index]).steelframe:
                parents.setdefault(target, set()).add(source)
    composers = {parent for held in parents.values() for parent in held}
    return {child for child, held in parents.items() if len(held) == 1 and child not in composers}


def _element_kind(concept: Concept, services: set[str]) -> ElementKind | None:
    marker = concept.steelframe.get(KIND)
    if marker is not None:
        return marked_element_kind(concept.type, marker)
    if concept.id in services:
        return K.SERVICE
    return FOREIGN_KINDS.get(concept.type)


def _element(concept: Concept, services: set[str]) -> ElementBase | None:
    kind = _element_kind(concept, services)
    if kind is None:
        return None
    try:
        data = element_attributes(kind, concept.steelframe)
        data.update(id=concept.id, name=concept.name, description=concept.description, properties=concept.foreign)
        return ELEMENT_CLASSES[kind].model_validate(data)
    except (ValidationError, ValueError, TypeError):
        return None


def _relation_kind(concept: Concept, source: ElementKind, target: ElementKind) -> RelationKind | None:
    marker = concept.steelframe.get(RELATION)
    if marker is not None:
        return marked_relation_kind(concept.type, marker)
    match concept.type:
        case "Access":
            return R.WRITES if concept.access_type in _WRITING_ACCESS else R.REPLICATES
        case "Serving" if source is K.DATASTORE:
            return R.USES
        case "Triggering" if target is K.EVENT:
            return R.PUBLISHES
        case "Composition":
            return R.CONTAINS
        case "Realization":
            return R.GUARDS
    if concept.type in _FLOW_TYPES and source in PARTICIPANT_KINDS and target in PARTICIPANT_KINDS:
        return R.FLOW
    return None


def _relation(concept: Concept, meaning: Meaning, contained: set[str]) -> RelationBase | None:
    source = meaning.elements.get(concept.source)
    target = meaning.elements.get(concept.target)
    if source is None or target is None or source.id == target.id:
        return None
    kind = _relation_kind(concept, source.kind, target.kind)
    if kind is None:
        return None
    mapping = RELATION_TYPES[kind]
    flipped = mapping.reversed and mapping.type == concept.type
    if flipped:
        source, target = target, source
    if endpoint_problem(kind, source.kind, target.kind) or (kind is R.CONTAINS and target.id in contained):
        return None
    try:
        data = relation_attributes(kind, concept.steelframe)
        data.update(id=concept.id, source=source.id, target=target.id, name=concept.name,
                    description=concept.description, properties=concept.foreign)
        relation = RELATION_CLASSES[kind].model_validate(data)
    except (ValidationError, ValueError, TypeError):
        return None
    if any(_reference_problem(relation, name, meaning.elements) for name in relation.REFERENCE_FIELDS):
        return None
    if flipped:
        meaning.flipped.add(relation.id)
    return relation


def _reference_problem(item: ElementBase | RelationBase, name: str, elements: dict[str, ElementBase]) -> bool:
    value = getattr(item, name)
    targets = [value] if isinstance(value, str) else list(value or [])
    return any(reference_problem(item, name, elements.get(target), target) for target in targets)
