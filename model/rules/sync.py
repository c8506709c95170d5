"""Synchronous coupling between boundaries: long call chains, cycles, and fan-out.

All three rules read the synchronous call graph the engine keeps between boundaries
(``reader.sync_in``, ``reader.sync_out``, ``reader.sync_cycle``): one node per context (its services
and acls lifted into it) or system, one edge per synchronous flow that crosses a boundary.

The reader gives adjacency lists in flow id order, so a live engine and a fresh check agree
whatever the edit history.
"""

from __future__ import annotations

from collections.abc import Iterator

from model.engine.reader import Reader
from model.engine.rule import Finding, Params, Rule
from model.rules._text import label, listing
from model.vocabulary import ElementKind, RelationKind, Severity

#: A chain found backwards: (calling boundary, flow id) pairs in call order.
Chain = list[tuple[str, str]]


def short_sync_chains(reader: Reader, flow_id: str, params: Params) -> Iterator[Finding]:
    """SF005: report at ``flow_id`` when a synchronous chain of max_depth + 1 flows ends with it."""
    flow = reader.flow(flow_id)
    if flow is None or not flow.is_synchronous:
        return
    max_depth = int(params["max_depth"])
    source, target = reader.boundary(flow.source), reader.boundary(flow.target)
    if source == target:
        return
    search = _ChainSearch(reader)
    before = search.find(source, max_depth, {source, target})
    if before is None:
        return
    chain = [*before, (source, flow_id)]
    boundaries = [caller for caller, _ in chain] + [target]
    flows = [flow_id for _, flow_id in chain]
    names = [label(reader, b) for b in boundaries]
    calls = len(flows)
    yield Finding(
        f"Synchronous chain {' → '.join(names)} is {calls} {'call' if calls == 1 else 'calls'} deep (max {max_depth})",
        (*boundaries, *flows),
        f"Shorten the chain: make one of these calls asynchronous (an event or an asynchronous command), "
        f"or let {names[-2]} keep a replica of what it needs from {names[-1]}, "
        f"so that no request waits on {calls} calls in a row.",
    )


class _ChainSearch:
    """Depth-limited search, backwards through ``sync_in``, for a simple chain of exactly ``need`` flows.

    Only chains that never visit a boundary twice count. ``_dead[b] = n`` remembers that no backward
    walk of ``n`` flows (simple or not) leaves ``b`` at all, which then holds for every longer walk and
    whatever the current path; that keeps dense graphs from being explored again and again.
    """

    __slots__ = ("_dead", "_reader")

    def __init__(self, reader: Reader) -> None:
        self._reader = reader
        self._dead: dict[str, int] = {}

    def find(self, boundary: str, need: int, on_path: set[str]) -> Chain | None:
        return self._search(boundary, need, on_path)[0]

    def _search(self, boundary: str, need: int, on_path: set[str]) -> tuple[Chain | None, bool]:
        """(the chain ending at ``boundary``, or None; whether the path ever blocked a step)."""
        if need <= 0:
            return [], False
        dead = self._dead
        blocked = False
        tried: set[str] = set()
        for flow_id, caller in sorted(self._reader.sync_in(boundary)):
            if caller in tried:  # a parallel flow from a caller already explored: same outcome
                continue
            tried.add(caller)
            if caller in on_path:
                blocked = True
                continue
            if need == 1:
                return [(caller, flow_id)], True
            known = dead.get(caller)
            if known is not None and known <= need - 1:
                continue
            on_path.add(caller)
            found, caller_blocked = self._search(caller, need - 1, on_path)
            on_path.discard(caller)
            if found is not None:
                found.append((caller, flow_id))
                return found, True
            blocked = blocked or caller_blocked
        if not blocked:
            known = dead.get(boundary)
            dead[boundary] = need if known is None else min(known, need)
        return None, blocked


def no_sync_cycles(reader: Reader, context_id: str, params: Params) -> Iterator[Finding]:
    """SF006: a strongly connected component of the sync graph, reported at its smallest context."""
    members = reader.sync_cycle(context_id)
    if not members:
        return
    # Only the representative (the smallest context id of the component) does the work; any other
    # member stops at the first smaller context it meets, which is usually the first one it looks at.
    for member in members:
        if member < context_id and reader.is_context(member):
            return
    ordered = sorted(members)
    flows = sorted(
        flow_id
        for member in ordered
        for flow_id, target in reader.sync_out(member)
        if target in members
    )
    names = listing(label(reader, m) for m in ordered)
    yield Finding(
        f"{names} call each other synchronously in a cycle ({len(flows)} flows): a distributed monolith",
        (*ordered, *flows),
        "Break the cycle: make at least one of these calls asynchronous (publish an event instead), "
        "or move the behaviour that needs both sides into one context.",
    )


def limited_sync_fan_out(reader: Reader, context_id: str, params: Params) -> Iterator[Finding]:
    """SF015: at most max_fan_out synchronous flows from a context to other contexts."""
    outgoing = reader.sync_out(context_id)
    max_fan_out = int(params["max_fan_out"])
    if len(outgoing) <= max_fan_out:
        return
    calls = sorted((flow_id, target) for flow_id, target in outgoing if reader.is_context(target))
    if len(calls) <= max_fan_out:
        return
    name = label(reader, context_id)
    callees = listing(label(reader, t) for t in sorted({target for _, target in calls}))
    yield Finding(
        f"{name} makes {len(calls)} synchronous calls to other contexts ({callees}); at most {max_fan_out} "
        f"are allowed",
        (context_id, *(flow_id for flow_id, _ in calls)),
        f"Let {name} depend on fewer contexts at request time: replace some calls with events and local "
        f"replicas, or split {name}'s responsibilities.",
    )


RULES = (
    Rule(
        "SF005",
        "Synchronous call chains stay short",
        Severity.WARNING,
        (str(RelationKind.FLOW),),
        short_sync_chains,
        params={"max_depth": 3},
        rationale="Every synchronous hop multiplies latency and the chance of failure: a long chain is only as "
        "available as all its contexts together.",
        remedy="Shorten the chain: replace a synchronous hop with an event and a local replica, or let the caller ask"
        " the last context directly. The parameter max_depth sets the limit.",
    ),
    Rule(
        "SF006",
        "No cycle of synchronous flows between contexts",
        Severity.ERROR,
        (str(ElementKind.CONTEXT),),
        no_sync_cycles,
        rationale="Contexts that call each other synchronously in a cycle cannot be deployed, scaled or fail "
        "independently: they are one distributed monolith.",
        remedy="Break the cycle: turn one of its synchronous flows into an event, or move the responsibility that "
        "makes the contexts call each other into one of them.",
    ),
    Rule(
        "SF015",
        "A context has few synchronous downstream flows to other contexts",
        Severity.WARNING,
        (str(ElementKind.CONTEXT),),
        limited_sync_fan_out,
        params={"max_fan_out": 3},
        rationale="A context that needs many others to answer before it can answer is down whenever any of "
        "them is.",
        remedy="Depend on fewer contexts synchronously: replicate what the context needs from their events, or ask "
        "one context that aggregates. The parameter max_fan_out sets the limit.",
    ),
)
