"""Derived structures the engine keeps up to date from change events: the synchronous call graph
between boundaries and its strongly connected components (the cycles of SF006).

Keeping them incrementally is what lets a rule ask "which flows call this context synchronously"
in constant time on a model of thousands of contexts.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from model.engine.reader import waiver_key
from model.relations import Flow
from model.settings import Waiver
from model.store import Model
from model.vocabulary import RelationKind

Key = tuple[str, ...]
_EMPTY: frozenset[str] = frozenset()


class SyncGraph:
    """Synchronous flows that cross a boundary, as a graph between boundaries, with its cycles.

    Cycles are strongly connected components, kept current without recomputing the whole graph:
    a removed edge can only split the component it lay in, so only that component is recomputed;
    an added edge can only merge components, into exactly the boundaries it now reaches both ways.
    """

    def __init__(self) -> None:
        self._edge_of: dict[str, tuple[str, str]] = {}
        self._out: dict[str, dict[str, str]] = {}
        self._in: dict[str, dict[str, str]] = {}
        self._pairs: nx.DiGraph = nx.DiGraph()
        self._component: dict[str, frozenset[str]] = {}
        self._added: set[tuple[str, str]] = set()
        self._removed: set[tuple[str, str]] = set()

    def outgoing(self, boundary: str) -> list[tuple[str, str]]:
        """(flow id, target boundary) in flow id order."""
        return sorted(self._out.get(boundary, {}).items())

    def incoming(self, boundary: str) -> list[tuple[str, str]]:
        """(flow id, source boundary) in flow id order."""
        return sorted(self._in.get(boundary, {}).items())

    def component(self, boundary: str) -> frozenset[str]:
        return self._component.get(boundary, _EMPTY)

    def set_edge(self, flow_id: str, edge: tuple[str, str] | None, dirty: set[Key]) -> None:
        """Record where a flow now sits in the graph (None: not a cross-boundary sync flow)."""
        old = self._edge_of.get(flow_id)
        if old == edge:
            return
        if old is not None:
            source, target = old
            del self._edge_of[flow_id], self._out[source][flow_id], self._in[target][flow_id]
            dirty.update((("so", source), ("si", target)))
            pair = self._pairs[source][target]
            pair["count"] -= 1
            if pair["count"] == 0:
                self._pairs.remove_edge(source, target)
                self._removed.add(old)
        if edge is not None:
            source, target = edge
            self._edge_of[flow_id] = edge
            self._out.setdefault(source, {})[flow_id] = target
            self._in.setdefault(target, {})[flow_id] = source
            dirty.update((("so", source), ("si", target)))
            if self._pairs.has_edge(source, target):
                self._pairs[source][target]["count"] += 1
            else:
                self._pairs.add_edge(source, target, count=1)
                self._added.add(edge)

    def rebuild_components(self) -> None:
        """Compute every cycle from scratch (when the index is first built)."""
        self._added.clear()
        self._removed.clear()
        self._component = {}
        for members in nx.strongly_connected_components(self._pairs):
            if len(members) > 1:
                frozen = frozenset(members)
                for member in frozen:
                    self._component[member] = frozen

    def refresh_components(self, dirty: set[Key]) -> None:
        """Bring the cycles up to date with the edges changed since the last refresh."""
        removed, added = self._removed, self._added
        self._removed, self._added = set(), set()
        split: set[frozenset[str]] = set()
        for source, target in removed:
            component = self._component.get(source)
            if component is not None and target in component:
                split.add(component)
        for component in split:
            subgraph = self._pairs.subgraph(component)
            parts = [frozenset(p) for p in nx.strongly_connected_components(subgraph)]
            for part in parts:
                for member in part:
                    self._assign(member, part if len(part) > 1 else None, dirty)
        for source, target in added:
            if not self._pairs.has_edge(source, target):
                continue
            component = self._component.get(source)
            if component is not None and target in component:
                continue
            reached = nx.descendants(self._pairs, target)
            if source not in reached:
                continue
            merged = frozenset((reached | {target}) & (nx.ancestors(self._pairs, source) | {source}))
            for member in merged:
                self._assign(member, merged, dirty)

    def _assign(self, boundary: str, component: frozenset[str] | None, dirty: set[Key]) -> None:
        if self._component.get(boundary) == component:
            return
        dirty.add(("scc", boundary))
        if component is None:
            del self._component[boundary]
        else:
            self._component[boundary] = component


class Indexes:
    """Every derived structure, built from a model and updated from its changes."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.sync = SyncGraph()
        self._waivers: dict[str, Waiver] = {}
        self._waivers_by_key: dict[Key, dict[str, Waiver]] = {}
        for waiver in model.waivers():
            self.set_waiver(waiver.id, None, waiver)
        ignored: set[Key] = set()
        for relation in model.relations(RelationKind.FLOW):
            self.sync.set_edge(relation.id, self.sync_edge(relation.id), ignored)
        self.sync.rebuild_components()

    def waiver(self, waiver_id: str) -> Waiver | None:
        return self._waivers.get(waiver_id)

    def waivers_for(self, key: Key) -> list[Waiver]:
        return sorted(self._waivers_by_key.get(key, {}).values(), key=lambda w: w.id)

    def set_waiver(self, waiver_id: str, old: Waiver | None, new: Waiver | None) -> list[Key]:
        """Follow a waiver change; returns the keys of the violations it may waive or unwaive."""
        touched = []
        if old is not None:
            key = waiver_key(old.rule, old.elements)
            self._waivers_by_key[key].pop(waiver_id, None)
            self._waivers.pop(waiver_id, None)
            touched.append(key)
        if new is not None:
            key = waiver_key(new.rule, new.elements)
            self._waivers_by_key.setdefault(key, {})[waiver_id] = new
            self._waivers[waiver_id] = new
            touched.append(key)
        return touched

    def boundary(self, element_id: str) -> str:
        return self.model.container_of(element_id) or element_id

    def sync_edge(self, flow_id: str) -> tuple[str, str] | None:
        flow = self.model.find_relation(flow_id)
        if not isinstance(flow, Flow) or not flow.is_synchronous:
            return None
        source, target = self.boundary(flow.source), self.boundary(flow.target)
        return (source, target) if source != target else None

    def refresh_flows(self, flow_ids: Iterable[str], dirty: set[Key]) -> None:
        for flow_id in flow_ids:
            self.sync.set_edge(flow_id, self.sync_edge(flow_id), dirty)
