"""Migration by strangler: contexts being built reach legacy systems only through their own ACLs."""

from __future__ import annotations

from collections.abc import Iterator

from model.elements import Acl, Context, ElementBase, System
from model.engine.reader import Reader
from model.engine.rule import Finding, Params, Rule
from model.relations import Flow
from model.rules._text import label
from model.vocabulary import Lifecycle, RelationKind, Severity

_MIGRATING = frozenset({Lifecycle.TARGET, Lifecycle.COEXISTING})


def _migrating_context(reader: Reader, element_id: str) -> Context | None:
    """The target or coexisting context the element belongs to, if it belongs to one."""
    context = reader.element(reader.boundary(element_id))
    return context if isinstance(context, Context) and context.lifecycle in _MIGRATING else None


def _who(reader: Reader, element_id: str, context: Context) -> str:
    """``Policy (target)`` for the context itself, ``Issuing in Policy (target)`` for one of its elements."""
    where = f"{context.name or context.id} ({context.lifecycle})"
    return where if element_id == context.id else f"{label(reader, element_id)} in {where}"


def _own_acl(reader: Reader, element: ElementBase, context: Context) -> bool:
    return isinstance(element, Acl) and reader.boundary(element.id) == context.id


def _legacy_systems_behind(reader: Reader, acl_id: str, except_flow: str) -> list[str]:
    """Legacy systems the ACL exchanges flows with (either direction), in reader order."""
    found: dict[str, None] = {}
    for relation in (*reader.outgoing(acl_id, RelationKind.FLOW), *reader.incoming(acl_id, RelationKind.FLOW)):
        if relation.id == except_flow:
            continue
        other = relation.target if relation.source == acl_id else relation.source
        system = reader.element(other)
        if isinstance(system, System) and system.legacy:
            found[other] = None
    return list(found)


def reached_through_own_acl(reader: Reader, flow_id: str, params: Params) -> Iterator[Finding]:
    flow = reader.flow(flow_id)
    if flow is None:
        return
    source, target = reader.element(flow.source), reader.element(flow.target)
    if source is None or target is None:
        return
    if isinstance(source, System) or isinstance(target, System):
        yield from _direct(reader, flow, source, target)
    elif isinstance(source, Acl) or isinstance(target, Acl):
        yield from _through_foreign_acl(reader, flow, source, target)


def _direct(reader: Reader, flow: Flow, source: ElementBase, target: ElementBase) -> Iterator[Finding]:
    """A flow between a legacy system and an element of a target or coexisting context."""
    if isinstance(source, System) and isinstance(target, System):
        return
    system, other = (source, target) if isinstance(source, System) else (target, source)
    if not isinstance(system, System) or not system.legacy:
        return
    context = _migrating_context(reader, other.id)
    if context is None or _own_acl(reader, other, context):
        return
    name, legacy = context.name or context.id, system.name or system.id
    yield Finding(
        f"{_who(reader, other.id, context)} is connected directly to the legacy system {legacy}, "
        "without an anti-corruption layer",
        (context.id, system.id, *((other.id,) if other.id != context.id else ()), flow.id),
        f"Route the flow through an anti-corruption layer contained in {name} that translates the model of {legacy}.",
    )


def _through_foreign_acl(reader: Reader, flow: Flow, source: ElementBase, target: ElementBase) -> Iterator[Finding]:
    """A flow between an element of a target or coexisting context and another context's ACL to a legacy system."""
    acl, other = (source, target) if isinstance(source, Acl) else (target, source)
    if isinstance(other, Acl):
        return  # between two ACLs: each is judged on its own flows to the legacy system
    holder = reader.boundary(acl.id)
    if holder == acl.id:
        return
    context = _migrating_context(reader, other.id)
    if context is None or context.id == holder:
        return
    systems = _legacy_systems_behind(reader, acl.id, flow.id)
    if not systems:
        return
    name, acl_name, holder_name = context.name or context.id, acl.name or acl.id, label(reader, holder)
    who = _who(reader, other.id, context)
    for system_id in systems:
        legacy = label(reader, system_id)
        yield Finding(
            f"{who} reaches the legacy system {legacy} through {acl_name}, "
            f"the anti-corruption layer of {holder_name}, not through one of its own",
            (context.id, system_id, *((other.id,) if other.id != context.id else ()), acl.id, flow.id),
            f"Give {name} its own anti-corruption layer for {legacy}, "
            f"or ask {holder_name} through its published interface instead of its anti-corruption layer.",
        )


RULES = (
    Rule(
        "SF010",
        "Target and coexisting contexts reach legacy systems only through their own anti-corruption layers",
        Severity.ERROR,
        (str(RelationKind.FLOW),),
        reached_through_own_acl,
        rationale="Without its own anti-corruption layer a new context absorbs the legacy model it should replace.",
        remedy="Give the target or coexisting context its own anti-corruption layer and route its flows to the legacy"
        " system through it.",
    ),
)
