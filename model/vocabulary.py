"""The closed vocabularies of DESIGN.md: element kinds, relation kinds and every enumerated attribute."""

from __future__ import annotations

from enum import StrEnum


class ElementKind(StrEnum):
    CONTEXT = "context"
    SERVICE = "service"
    SYSTEM = "system"
    ACL = "acl"
    TEAM = "team"
    FACT = "fact"
    DATASTORE = "datastore"
    EVENT = "event"
    TOPIC = "topic"
    SAGA = "saga"
    INVARIANT = "invariant"
    RECONCILIATION = "reconciliation"
    DECISION = "decision"
    NOTE = "note"


class RelationKind(StrEnum):
    OWNS = "owns"
    REPLICATES = "replicates"
    WRITES = "writes"
    FLOW = "flow"
    PUBLISHES = "publishes"
    USES = "uses"
    TEAM_OWNS = "team-owns"
    CONTAINS = "contains"
    COORDINATES = "coordinates"
    GUARDS = "guards"
    SPANS = "spans"
    COVERS = "covers"


class DomainClass(StrEnum):
    CORE = "core"
    SUPPORTING = "supporting"
    GENERIC = "generic"


class Lifecycle(StrEnum):
    TARGET = "target"
    COEXISTING = "coexisting"
    LEGACY = "legacy"


class DatastoreUsage(StrEnum):
    OPERATIONAL = "operational"
    ANALYTICAL = "analytical"


class EventClass(StrEnum):
    DOMAIN = "domain"
    INTEGRATION = "integration"
    TECHNICAL = "technical"


class Compatibility(StrEnum):
    BACKWARD = "backward"
    FORWARD = "forward"
    FULL = "full"
    NONE = "none"


class Coordination(StrEnum):
    ORCHESTRATION = "orchestration"
    CHOREOGRAPHY = "choreography"


class Consistency(StrEnum):
    STRONG = "strong"
    EVENTUAL = "eventual"


class DecisionStatus(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"


class FlowStyle(StrEnum):
    QUERY = "query"
    COMMAND = "command"
    EVENT = "event"
    UNDECLARED = "undeclared"


class DeadLetterPolicy(StrEnum):
    NONE = "none"
    REPLAY = "replay"
    REPAIR = "repair"
    ESCALATE = "escalate"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is worse; used for --fail-on thresholds and worst-severity badges."""
        return {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}[self]
