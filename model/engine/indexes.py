"""What the engine derives from a model, each part following a committed change through one method.

``follow`` returns the dependency keys a change touched; the engine re-evaluates their dependents
without knowing which index produced which key.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from model.changes import Change, ElementChange, RelationChange, WaiverChange
from model.engine import keys
from model.engine.keys import Key
from model.engine.sync_graph import Edge, SyncGraph
from model.relations import Flow, RelationBase
from model.settings import Waiver
from model.store import Model
from model.vocabulary import RelationKind


class Follower(Protocol):
    def follow(self, changes: Sequence[Change], dirty: set[Key]) -> None:
        """Bring this index up to date with ``changes`` and add the keys they touched to ``dirty``."""


class ModelReads:
    """The model's own indexes (items by id, relations at an element, referrers): keys only."""

    def follow(self, changes: Sequence[Change], dirty: set[Key]) -> None:
        for change in changes:
            if isinstance(change, ElementChange):
                dirty.add(keys.element(change.id))
            elif isinstance(change, RelationChange):
                dirty.add(keys.relation(change.id))
                for relation in (change.old, change.new):
                    if relation is not None:
                        dirty.update(_relation_keys(relation))
            elif isinstance(change, WaiverChange):
                dirty.add(keys.waiver(change.id))


def _relation_keys(relation: RelationBase) -> Iterator[Key]:
    yield keys.outgoing(relation.source, relation.kind)
    yield keys.incoming(relation.target, relation.kind)
    for target in relation.references():
        yield keys.referrers(target)


class WaiverIndex:
    """Waivers by id and by what they waive (a rule and exactly these ids)."""

    def __init__(self, model: Model) -> None:
        self._by_id: dict[str, Waiver] = {}
        self._by_key: dict[Key, dict[str, Waiver]] = {}
        for waiver in model.waivers():
            self._set(waiver.id, None, waiver, set())

    def get(self, waiver_id: str) -> Waiver | None:
        return self._by_id.get(waiver_id)

    def of(self, key: Key) -> list[Waiver]:
        """The waivers filed under a ``keys.waivers_for`` key, in id order."""
        return sorted(self._by_key.get(key, {}).values(), key=lambda w: w.id)

    def follow(self, changes: Sequence[Change], dirty: set[Key]) -> None:
        for change in changes:
            if isinstance(change, WaiverChange):
                self._set(change.id, change.old, change.new, dirty)

    def _set(self, waiver_id: str, old: Waiver | None, new: Waiver | None, dirty: set[Key]) -> None:
        """File a waiver anew; the violations it may waive or unwaive are touched."""
        if old is not None:
            key = keys.waivers_for(old.rule, old.elements)
            self._by_key[key].pop(waiver_id, None)
            self._by_id.pop(waiver_id, None)
            dirty.add(key)
        if new is not None:
            key = keys.waivers_for(new.rule, new.elements)
            self._by_key.setdefault(key, {})[waiver_id] = new
            self._by_id[waiver_id] = new
            dirty.add(key)


class SyncIndex:
    """Where each synchronous flow sits in the call graph between boundaries (contexts, or loose parts)."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.graph = SyncGraph()
        edges = ((flow.id, self._edge(flow)) for flow in model.relations(RelationKind.FLOW))
        self.graph.load((flow_id, edge) for flow_id, edge in edges if edge is not None)

    def follow(self, changes: Sequence[Change], dirty: set[Key]) -> None:
        """A flow moves when it changes, or when an end joins or leaves a context."""
        flows: dict[str, None] = {}
        contained: dict[str, None] = {}
        for change in changes:
            if isinstance(change, RelationChange):
                for relation in (change.old, change.new):
                    if relation is not None and relation.kind == RelationKind.FLOW:
                        flows[change.id] = None
                    elif relation is not None and relation.kind == RelationKind.CONTAINS:
                        contained[relation.target] = None
        for element_id in contained:
            if self.model.find_element(element_id) is not None:
                flows.update((r.id, None) for r in self.model.incident(element_id) if r.kind == RelationKind.FLOW)
        for flow_id in flows:
            flow = self.model.find_relation(flow_id)
            self.graph.set_edge(flow_id, self._edge(flow) if isinstance(flow, Flow) else None, dirty)
        self.graph.refresh_components(dirty)

    def _edge(self, flow: RelationBase) -> Edge | None:
        if not isinstance(flow, Flow) or not flow.is_synchronous:
            return None
        source, target = self._boundary(flow.source), self._boundary(flow.target)
        return (source, target) if source != target else None

    def _boundary(self, element_id: str) -> str:
        return self.model.container_of(element_id) or element_id


class Indexes:
    """Every derived structure of one model, built from it and following its changes."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.waivers = WaiverIndex(model)
        self.sync = SyncIndex(model)
        self._followers: tuple[Follower, ...] = (ModelReads(), self.waivers, self.sync)

    def follow(self, changes: Sequence[Change]) -> set[Key]:
        """Bring every index up to date with committed changes; the keys they touched."""
        dirty: set[Key] = set()
        for follower in self._followers:
            follower.follow(changes, dirty)
        return dirty
