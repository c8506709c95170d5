"""Relation kinds of DESIGN.md, and which element kinds each may join."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal, Union

from pydantic import Field, model_validator

from model.duration import Duration
from model.elements import PARTICIPANT_KINDS, Item
from model.ids import Identifier
from model.vocabulary import DeadLetterPolicy, ElementKind, FlowStyle, RelationKind

K = ElementKind


class RelationBase(Item):
    kind: RelationKind
    source: Identifier
    target: Identifier


class Owns(RelationBase):
    kind: Literal[RelationKind.OWNS] = RelationKind.OWNS


class Replicates(RelationBase):
    kind: Literal[RelationKind.REPLICATES] = RelationKind.REPLICATES
    max_staleness: Duration | None = None


class Writes(RelationBase):
    kind: Literal[RelationKind.WRITES] = RelationKind.WRITES


class Flow(RelationBase):
    """An interaction from its initiator (caller, command sender, publisher) to its receiver."""

    REFERENCE_FIELDS: ClassVar[tuple[str, ...]] = ("event", "topic", "carries")

    kind: Literal[RelationKind.FLOW] = RelationKind.FLOW
    style: FlowStyle = FlowStyle.UNDECLARED
    synchronous: bool | None = None
    event: Identifier | None = None
    topic: Identifier | None = None
    carries: list[Identifier] = Field(default_factory=list)
    idempotent: bool = False
    dead_letter: DeadLetterPolicy = DeadLetterPolicy.NONE

    @model_validator(mode="after")
    def _style_fits_synchrony(self) -> Flow:
        if self.style is FlowStyle.QUERY and self.synchronous is False:
            raise ValueError("a query is always synchronous")
        if self.style is FlowStyle.EVENT and self.synchronous is True:
            raise ValueError("an event flow is never synchronous")
        if self.style is FlowStyle.UNDECLARED and self.synchronous is not None:
            raise ValueError("declare the flow's style before its synchrony")
        return self

    @property
    def is_synchronous(self) -> bool:
        """Queries always, commands unless declared asynchronous, events and undeclared flows never."""
        if self.style is FlowStyle.QUERY:
            return True
        if self.style is FlowStyle.COMMAND:
            return self.synchronous is not False
        return False

    @property
    def is_asynchronous(self) -> bool:
        """Events always, commands declared asynchronous; undeclared flows are neither."""
        if self.style is FlowStyle.EVENT:
            return True
        return self.style is FlowStyle.COMMAND and self.synchronous is False


class Publishes(RelationBase):
    kind: Literal[RelationKind.PUBLISHES] = RelationKind.PUBLISHES


class Uses(RelationBase):
    kind: Literal[RelationKind.USES] = RelationKind.USES


class TeamOwns(RelationBase):
    kind: Literal[RelationKind.TEAM_OWNS] = RelationKind.TEAM_OWNS


class Contains(RelationBase):
    kind: Literal[RelationKind.CONTAINS] = RelationKind.CONTAINS


class Coordinates(RelationBase):
    kind: Literal[RelationKind.COORDINATES] = RelationKind.COORDINATES


class Guards(RelationBase):
    kind: Literal[RelationKind.GUARDS] = RelationKind.GUARDS


class Spans(RelationBase):
    kind: Literal[RelationKind.SPANS] = RelationKind.SPANS


class Covers(RelationBase):
    kind: Literal[RelationKind.COVERS] = RelationKind.COVERS


Relation = Annotated[
    Union[
        Owns, Replicates, Writes, Flow, Publishes, Uses, TeamOwns, Contains, Coordinates, Guards,
        Spans, Covers,
    ],
    Field(discriminator="kind"),
]

RELATION_CLASSES: dict[RelationKind, type[RelationBase]] = {
    RelationKind.OWNS: Owns,
    RelationKind.REPLICATES: Replicates,
    RelationKind.WRITES: Writes,
    RelationKind.FLOW: Flow,
    RelationKind.PUBLISHES: Publishes,
    RelationKind.USES: Uses,
    RelationKind.TEAM_OWNS: TeamOwns,
    RelationKind.CONTAINS: Contains,
    RelationKind.COORDINATES: Coordinates,
    RelationKind.GUARDS: Guards,
    RelationKind.SPANS: Spans,
    RelationKind.COVERS: Covers,
}

#: relation kind -> (allowed source kinds, allowed target kinds), as in DESIGN.md.
ENDPOINTS: dict[RelationKind, tuple[frozenset[ElementKind], frozenset[ElementKind]]] = {
    RelationKind.OWNS: (frozenset({K.CONTEXT}), frozenset({K.FACT})),
    RelationKind.REPLICATES: (frozenset({K.CONTEXT}), frozenset({K.FACT})),
    RelationKind.WRITES: (frozenset({K.CONTEXT, K.SERVICE}), frozenset({K.FACT})),
    RelationKind.FLOW: (PARTICIPANT_KINDS, PARTICIPANT_KINDS),
    RelationKind.PUBLISHES: (frozenset({K.CONTEXT}), frozenset({K.EVENT})),
    RelationKind.USES: (frozenset({K.CONTEXT, K.SERVICE}), frozenset({K.DATASTORE})),
    RelationKind.TEAM_OWNS: (frozenset({K.TEAM}), frozenset({K.CONTEXT})),
    RelationKind.CONTAINS: (frozenset({K.CONTEXT}), frozenset({K.SERVICE, K.ACL})),
    RelationKind.COORDINATES: (frozenset({K.SAGA}), frozenset({K.CONTEXT})),
    RelationKind.GUARDS: (frozenset({K.SAGA}), frozenset({K.INVARIANT})),
    RelationKind.SPANS: (frozenset({K.INVARIANT}), frozenset({K.CONTEXT})),
    RelationKind.COVERS: (frozenset({K.RECONCILIATION}), frozenset({K.FACT, K.SAGA, K.CONTEXT})),
}

#: Attribute references a flow may hold, and the element kind each must point at.
FLOW_REFERENCE_KINDS: dict[str, ElementKind] = {"event": K.EVENT, "topic": K.TOPIC, "carries": K.FACT}


def endpoint_problem(kind: RelationKind, source: ElementKind, target: ElementKind) -> str | None:
    """Why a relation of ``kind`` cannot join these element kinds, or None when it can."""
    sources, targets = ENDPOINTS[kind]
    if source not in sources:
        return f"{_a(kind)} {kind} relation starts at {_any_of(sources)}, not at {_a(source)} {source}"
    if target not in targets:
        return f"{_a(kind)} {kind} relation ends at {_any_of(targets)}, not at {_a(target)} {target}"
    return None


def _a(word: str) -> str:
    """The indefinite article of a kind's name: "an acl", "an event", "a context"."""
    return "an" if word[:1] in "aeiou" else "a"


def _any_of(kinds: frozenset[ElementKind]) -> str:
    """"a context", "a context or a service", "an acl, a context or a service"."""
    named = [f"{_a(k)} {k}" for k in sorted(kinds)]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1]


def relations_between(source: ElementKind, target: ElementKind) -> list[RelationKind]:
    """The relation kinds that may join ``source`` to ``target``, in catalogue order."""
    return [kind for kind, (s, t) in ENDPOINTS.items() if source in s and target in t]
