"""The read-only view of a model that rules get, which records what each evaluation reads.

Every read names a dependency key; after a change the engine re-evaluates exactly the subjects
whose recorded keys the change touched. Rules need not know any of this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from model.elements import Decision, ElementBase
from model.relations import Flow, RelationBase
from model.settings import Waiver
from model.vocabulary import DecisionStatus, ElementKind, RelationKind

if TYPE_CHECKING:
    from model.engine.indexes import Indexes
    from model.store import Model

Key = tuple[str, ...]


def waiver_key(rule_id: str, elements: tuple[str, ...] | list[str]) -> Key:
    """The dependency key of "waivers of this rule for exactly these ids"."""
    return ("w", rule_id, *sorted(set(elements)))


class Reader:
    """Read access for rules. ``deps`` is the set this evaluation's reads are recorded into."""

    __slots__ = ("_indexes", "_model", "deps")

    def __init__(self, model: Model, indexes: Indexes) -> None:
        self._model = model
        self._indexes = indexes
        self.deps: set[Key] | None = None

    def _read(self, key: Key) -> None:
        if self.deps is not None:
            self.deps.add(key)

    # --- elements and relations

    def element(self, element_id: str) -> ElementBase | None:
        self._read(("e", element_id))
        return self._model.find_element(element_id)

    def relation(self, relation_id: str) -> RelationBase | None:
        self._read(("r", relation_id))
        return self._model.find_relation(relation_id)

    def flow(self, relation_id: str) -> Flow | None:
        relation = self.relation(relation_id)
        return relation if isinstance(relation, Flow) else None

    def outgoing(self, element_id: str, kind: RelationKind) -> list[RelationBase]:
        """Relations of ``kind`` starting at the element."""
        self._read(("o", element_id, kind))
        found = self._model.outgoing(element_id, kind)
        if self.deps is not None:
            self.deps.update(("r", r.id) for r in found)
        return found

    def incoming(self, element_id: str, kind: RelationKind) -> list[RelationBase]:
        """Relations of ``kind`` ending at the element."""
        self._read(("i", element_id, kind))
        found = self._model.incoming(element_id, kind)
        if self.deps is not None:
            self.deps.update(("r", r.id) for r in found)
        return found

    def flows_referencing(self, element_id: str) -> list[Flow]:
        """Flows that name the element as their event, their topic or a fact they carry."""
        self._read(("ref", element_id))
        flows = []
        for referrer in self._model.referrers(element_id):
            relation = self.relation(referrer)
            if isinstance(relation, Flow):
                flows.append(relation)
        return flows

    # --- boundaries

    def boundary(self, element_id: str) -> str:
        """The context a service or acl belongs to; any other participant is its own boundary."""
        holders = self.incoming(element_id, RelationKind.CONTAINS)
        return holders[0].source if holders else element_id

    def crosses_boundary(self, flow: Flow) -> bool:
        return self.boundary(flow.source) != self.boundary(flow.target)

    def is_context(self, element_id: str) -> bool:
        element = self.element(element_id)
        return element is not None and element.kind == ElementKind.CONTEXT

    # --- waivers

    def waiver(self, waiver_id: str) -> Waiver | None:
        self._read(("wv", waiver_id))
        return self._indexes.waiver(waiver_id)

    def waiving_decision(self, rule_id: str, elements: tuple[str, ...]) -> str | None:
        """The accepted decision whose waiver names exactly this rule and these ids, if any."""
        key = waiver_key(rule_id, elements)
        self._read(key)
        for waiver in self._indexes.waivers_for(key):
            decision = self.element(waiver.decision)
            if isinstance(decision, Decision) and decision.status is DecisionStatus.ACCEPTED:
                return decision.id
        return None

    # --- the synchronous call graph between boundaries (maintained by the engine)

    def sync_out(self, boundary_id: str) -> list[tuple[str, str]]:
        """(flow id, target boundary) of each synchronous flow leaving this boundary for another."""
        self._read(("so", boundary_id))
        return self._indexes.sync.outgoing(boundary_id)

    def sync_in(self, boundary_id: str) -> list[tuple[str, str]]:
        """(flow id, source boundary) of each synchronous flow entering this boundary from another."""
        self._read(("si", boundary_id))
        return self._indexes.sync.incoming(boundary_id)

    def sync_cycle(self, boundary_id: str) -> frozenset[str]:
        """The boundaries that reach this one and are reached by it synchronously (empty if none)."""
        self._read(("scc", boundary_id))
        return self._indexes.sync.component(boundary_id)
