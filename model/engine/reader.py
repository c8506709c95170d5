"""The read-only view of a model that rules get.

In the live engine every read also names a dependency key; after a change the engine
re-evaluates exactly the subjects whose recorded keys the change touched. Rules need not know
any of this: they get a Reader, tracking or not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from model.elements import Decision, ElementBase
from model.engine import keys
from model.engine.keys import Key
from model.relations import Flow, RelationBase
from model.settings import Waiver
from model.vocabulary import DecisionStatus, ElementKind, RelationKind

if TYPE_CHECKING:
    from model.engine.indexes import Indexes
    from model.store import Model

class Reader:
    """Read access for rules. Lists come in id order, so results never depend on edit history."""

    __slots__ = ("_elements", "_indexes", "_model", "_relations")

    def __init__(self, model: Model, indexes: Indexes) -> None:
        self._model = model
        self._indexes = indexes
        self._elements = model.elements_by_id
        self._relations = model.relations_by_id

    # --- elements and relations

    def element(self, element_id: str) -> ElementBase | None:
        return self._elements.get(element_id)

    def relation(self, relation_id: str) -> RelationBase | None:
        return self._relations.get(relation_id)

    def flow(self, relation_id: str) -> Flow | None:
        relation = self.relation(relation_id)
        return relation if isinstance(relation, Flow) else None

    def outgoing(self, element_id: str, kind: RelationKind) -> list[RelationBase]:
        """Relations of ``kind`` starting at the element."""
        return self._model.outgoing(element_id, kind)

    def incoming(self, element_id: str, kind: RelationKind) -> list[RelationBase]:
        """Relations of ``kind`` ending at the element."""
        return self._model.incoming(element_id, kind)

    def flows_referencing(self, element_id: str) -> list[Flow]:
        """Flows that name the element as their event, their topic or a fact they carry."""
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
        return self._indexes.waivers.get(waiver_id)

    def waiving_decision(self, rule_id: str, elements: tuple[str, ...]) -> str | None:
        """The accepted decision whose waiver names exactly this rule and these ids, if any."""
        for waiver in self._indexes.waivers.of(keys.waivers_for(rule_id, elements)):
            decision = self.element(waiver.decision)
            if isinstance(decision, Decision) and decision.status is DecisionStatus.ACCEPTED:
                return decision.id
        return None

    # --- the synchronous call graph between boundaries (maintained by the engine)

    def sync_out(self, boundary_id: str) -> list[tuple[str, str]]:
        """(flow id, target boundary) of each synchronous flow leaving this boundary for another."""
        return self._indexes.sync.graph.outgoing(boundary_id)

    def sync_in(self, boundary_id: str) -> list[tuple[str, str]]:
        """(flow id, source boundary) of each synchronous flow entering this boundary from another."""
        return self._indexes.sync.graph.incoming(boundary_id)

    def sync_cycle(self, boundary_id: str) -> frozenset[str]:
        """The boundaries that reach this one and are reached by it synchronously (empty if none)."""
        return self._indexes.sync.graph.component(boundary_id)


class TrackingReader(Reader):
    """A reader that records the key of every read into ``deps``: what the engine re-evaluates by."""

    __slots__ = ("deps",)

    def __init__(self, model: Model, indexes: Indexes) -> None:
        super().__init__(model, indexes)
        self.deps: set[Key] = set()

    def element(self, element_id: str) -> ElementBase | None:
        self.deps.add(keys.element(element_id))
        return self._elements.get(element_id)

    def relation(self, relation_id: str) -> RelationBase | None:
        self.deps.add(keys.relation(relation_id))
        return self._relations.get(relation_id)

    def outgoing(self, element_id: str, kind: RelationKind) -> list[RelationBase]:
        found = self._model.outgoing(element_id, kind)
        self.deps.add(keys.outgoing(element_id, kind))
        self.deps.update(keys.relation(r.id) for r in found)
        return found

    def incoming(self, element_id: str, kind: RelationKind) -> list[RelationBase]:
        found = self._model.incoming(element_id, kind)
        self.deps.add(keys.incoming(element_id, kind))
        self.deps.update(keys.relation(r.id) for r in found)
        return found

    def flows_referencing(self, element_id: str) -> list[Flow]:
        self.deps.add(keys.referrers(element_id))
        return super().flows_referencing(element_id)

    def waiver(self, waiver_id: str) -> Waiver | None:
        self.deps.add(keys.waiver(waiver_id))
        return super().waiver(waiver_id)

    def waiving_decision(self, rule_id: str, elements: tuple[str, ...]) -> str | None:
        self.deps.add(keys.waivers_for(rule_id, elements))
        return super().waiving_decision(rule_id, elements)

    def sync_out(self, boundary_id: str) -> list[tuple[str, str]]:
        self.deps.add(keys.sync_out(boundary_id))
        return super().sync_out(boundary_id)

    def sync_in(self, boundary_id: str) -> list[tuple[str, str]]:
        self.deps.add(keys.sync_in(boundary_id))
        return super().sync_in(boundary_id)

    def sync_cycle(self, boundary_id: str) -> frozenset[str]:
        self.deps.add(keys.sync_cycle(boundary_id))
        return super().sync_cycle(boundary_id)
