"""Element kinds of DESIGN.md as immutable pydantic models.

Elements are frozen: a change replaces the whole value, which is what the change events, undo and
the constraint engine's snapshots rely on.
"""

from __future__ import annotations

import datetime
from typing import Annotated, ClassVar, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from model.duration import Duration
from model.ids import Identifier
from model.vocabulary import (
    Compatibility,
    Consistency,
    Coordination,
    DatastoreUsage,
    DecisionStatus,
    DomainClass,
    ElementKind,
    EventClass,
    Lifecycle,
)


class Item(BaseModel):
    """Common shape of every element and relation: a stable id and free properties."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)

    #: Names of fields holding ids of other elements (a single id or a list of ids).
    REFERENCE_FIELDS: ClassVar[tuple[str, ...]] = ()

    id: Identifier
    name: str = ""
    description: str = ""
    properties: dict[str, str] = Field(default_factory=dict)

    def references(self) -> set[str]:
        """Ids of the other elements this item refers to through its attributes."""
        found: set[str] = set()
        for field in self.REFERENCE_FIELDS:
            value = getattr(self, field)
            if isinstance(value, str):
                found.add(value)
            elif isinstance(value, list):
                found.update(value)
        return found

    def without_reference(self, target: str) -> Item:
        """A copy with every reference to ``target`` dropped (used when ``target`` is deleted)."""
        update: dict[str, object] = {}
        for field in self.REFERENCE_FIELDS:
            value = getattr(self, field)
            if value == target:
                update[field] = None
            elif isinstance(value, list) and target in value:
                update[field] = [v for v in value if v != target]
        return self.model_copy(update=update) if update else self


class ElementBase(Item):
    kind: ElementKind
    tags: list[str] = Field(default_factory=list)


class Context(ElementBase):
    kind: Literal[ElementKind.CONTEXT] = ElementKind.CONTEXT
    domain: DomainClass | None = None
    lifecycle: Lifecycle = Lifecycle.TARGET


class Service(ElementBase):
    kind: Literal[ElementKind.SERVICE] = ElementKind.SERVICE


class System(ElementBase):
    kind: Literal[ElementKind.SYSTEM] = ElementKind.SYSTEM
    legacy: bool = False


class Acl(ElementBase):
    kind: Literal[ElementKind.ACL] = ElementKind.ACL


class Team(ElementBase):
    kind: Literal[ElementKind.TEAM] = ElementKind.TEAM


class Fact(ElementBase):
    kind: Literal[ElementKind.FACT] = ElementKind.FACT
    personal_data: bool = False


class Datastore(ElementBase):
    kind: Literal[ElementKind.DATASTORE] = ElementKind.DATASTORE
    usage: DatastoreUsage = DatastoreUsage.OPERATIONAL


class Event(ElementBase):
    kind: Literal[ElementKind.EVENT] = ElementKind.EVENT
    event_class: EventClass = EventClass.DOMAIN
    schema_version: str | None = None
    compatibility: Compatibility | None = None
    personal_data: bool = False
    retention: Duration | None = None


class Topic(ElementBase):
    kind: Literal[ElementKind.TOPIC] = ElementKind.TOPIC
    retention: Duration | None = None
    partitions: Annotated[int, Field(ge=1)] | None = None


class Saga(ElementBase):
    kind: Literal[ElementKind.SAGA] = ElementKind.SAGA
    coordination: Coordination = Coordination.ORCHESTRATION
    compensation: bool = False


class Invariant(ElementBase):
    kind: Literal[ElementKind.INVARIANT] = ElementKind.INVARIANT
    statement: str = ""
    consistency: Consistency = Consistency.EVENTUAL


class Reconciliation(ElementBase):
    REFERENCE_FIELDS: ClassVar[tuple[str, ...]] = ("authoritative_source",)

    kind: Literal[ElementKind.RECONCILIATION] = ElementKind.RECONCILIATION
    schedule: str = ""
    authoritative_source: Identifier | None = None


class Decision(ElementBase):
    """An architecture decision record; ``name`` is its title."""

    REFERENCE_FIELDS: ClassVar[tuple[str, ...]] = ("supersedes",)

    kind: Literal[ElementKind.DECISION] = ElementKind.DECISION
    status: DecisionStatus = DecisionStatus.PROPOSED
    date: datetime.date | None = None
    decision_makers: list[str] = Field(default_factory=list)
    problem: str = ""
    drivers: list[str] = Field(default_factory=list)
    options: list[str] = Field(default_factory=list)
    outcome: str = ""
    consequences: str = ""
    supersedes: list[Identifier] = Field(default_factory=list)

    @model_validator(mode="after")
    def _not_self_superseding(self) -> Decision:
        if self.id in self.supersedes:
            raise ValueError("a decision cannot supersede itself")
        return self


class Note(ElementBase):
    kind: Literal[ElementKind.NOTE] = ElementKind.NOTE
    text: str = ""


Element = Annotated[
    Union[
        Context, Service, System, Acl, Team, Fact, Datastore, Event, Topic, Saga, Invariant,
        Reconciliation, Decision, Note,
    ],
    Field(discriminator="kind"),
]

ELEMENT_CLASSES: dict[ElementKind, type[ElementBase]] = {
    ElementKind.CONTEXT: Context,
    ElementKind.SERVICE: Service,
    ElementKind.SYSTEM: System,
    ElementKind.ACL: Acl,
    ElementKind.TEAM: Team,
    ElementKind.FACT: Fact,
    ElementKind.DATASTORE: Datastore,
    ElementKind.EVENT: Event,
    ElementKind.TOPIC: Topic,
    ElementKind.SAGA: Saga,
    ElementKind.INVARIANT: Invariant,
    ElementKind.RECONCILIATION: Reconciliation,
    ElementKind.DECISION: Decision,
    ElementKind.NOTE: Note,
}

#: Element kinds that take part in flows, and that a flow can cross the boundary of.
PARTICIPANT_KINDS = frozenset({ElementKind.CONTEXT, ElementKind.SERVICE, ElementKind.SYSTEM, ElementKind.ACL})
