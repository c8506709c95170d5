"""The synchronous call graph between boundaries and its strongly connected components (SF006's cycles).

Kept incrementally, it lets a rule ask "which flows call this context synchronously" in constant
time on a model of thousands of contexts; built in one pass, networkx finds every cycle at once.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from model.engine import keys
from model.engine.keys import Key

Edge = tuple[str, str]
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
        self._added: set[Edge] = set()
        self._removed: set[Edge] = set()

    def outgoing(self, boundary: str) -> list[tuple[str, str]]:
        """(flow id, target boundary) in flow id order."""
        return sorted(self._out.get(boundary, {}).items())

    def incoming(self, boundary: str) -> list[tuple[str, str]]:
        """(flow id, source boundary) in flow id order."""
        return sorted(self._in.get(boundary, {}).items())

    def component(self, boundary: str) -> frozenset[str]:
        return self._component.get(boundary, _EMPTY)

    def set_edge(self, flow_id: str, edge: Edge | None, dirty: set[Key]) -> None:
        """Record where a flow now sits in the graph (None: not a cross-boundary sync flow)."""
        old = self._edge_of.get(flow_id)
        if old == edge:
            return
        if old is not None:
            source, target = old
            del self._edge_of[flow_id], self._out[source][flow_id], self._in[target][flow_id]
            dirty.update((keys.sync_out(source), keys.sync_in(target)))
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
            dirty.update((keys.sync_out(source), keys.sync_in(target)))
            if self._pairs.has_edge(source, target):
                self._pairs[source][target]["count"] += 1
            else:
                self._pairs.add_edge(source, target, count=1)
                self._added.add(edge)

    def load(self, edges: Iterable[tuple[str, Edge]]) -> None:
        """Fill an empty graph from (flow id, edge) pairs in one pass and find every cycle at once."""
        counts: dict[Edge, int] = {}
        for flow_id, edge in edges:
            source, target = edge
            self._edge_of[flow_id] = edge
            self._out.setdefault(source, {})[flow_id] = target
            self._in.setdefault(target, {})[flow_id] = source
            counts[edge] = counts.get(edge, 0) + 1
        self._pairs.add_edges_from((source, target, {"count": n}) for (source, target), n in counts.items())
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
        dirty.add(keys.sync_cycle(boundary))
        if component is None:
            del self._component[boundary]
        else:
            self._component[boundary] = component
