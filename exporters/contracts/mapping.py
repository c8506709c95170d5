"""The estate in model terms: which element and relation each application, channel, message, call and
store becomes, with readable ids (``ctx-comments-service``, ``topic-comment-liked``).

Import builds the model from this plan; drift findings name these ids for what the model lacks, and
the app adds them from it. An application with an explicit marker keeps the marker as its id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from exporters.contracts.estate import Application, Estate, MessageFlow, normalise
from model.elements import ELEMENT_CLASSES, ElementBase
from model.ids import is_identifier
from model.relations import RELATION_CLASSES, RelationBase
from model.vocabulary import Compatibility, DatastoreUsage, ElementKind, EventClass, FlowStyle, RelationKind

K, R = ElementKind, RelationKind
_NOT_ID = re.compile(r"[^a-z0-9]+")
_STYLES = {"event": FlowStyle.EVENT, "command": FlowStyle.COMMAND, "query": FlowStyle.QUERY}


def slug(text: str) -> str:
    return _NOT_ID.sub("-", text.casefold()).strip("-") or "x"


def prefixed(prefix: str, name: str) -> str:
    """``team-`` + the name's slug, without saying ``team-team-a``."""
    text = slug(name)
    return text if text.startswith(f"{prefix}-") else f"{prefix}-{text}"


def short(element_id: str) -> str:
    return element_id.split("-", 1)[1] if "-" in element_id else element_id


@dataclass
class Plan:
    elements: dict[str, ElementBase] = field(default_factory=dict)
    relations: dict[str, RelationBase] = field(default_factory=dict)
    applications: dict[str, str] = field(default_factory=dict)  # application key -> element id
    contexts: dict[str, str] = field(default_factory=dict)  # application key -> its context's id
    topics: dict[str, str] = field(default_factory=dict)  # channel address -> topic id
    events: dict[str, str] = field(default_factory=dict)  # message name -> event id
    teams: dict[str, str] = field(default_factory=dict)  # normalised team name -> team id
    stores: dict[str, str] = field(default_factory=dict)  # store name -> datastore id
    flows: dict[tuple[str, str, str, str], str] = field(default_factory=dict)  # MessageFlow key -> flow id

    def fresh(self, wanted: str) -> str:
        candidate, number = wanted, 2
        while candidate in self.elements or candidate in self.relations:
            candidate, number = f"{wanted}-{number}", number + 1
        return candidate

    def add(self, kind: ElementKind, wanted: str, name: str, **attributes: Any) -> str:
        element_id = self.fresh(wanted)
        self.elements[element_id] = ELEMENT_CLASSES[kind](id=element_id, name=name, **attributes)
        return element_id

    def relate(self, kind: RelationKind, source: str, target: str, wanted: str | None = None, **attributes: Any) -> str:
        relation_id = self.fresh(wanted or f"{kind.value}-{short(source)}-{short(target)}")
        self.relations[relation_id] = RELATION_CLASSES[kind](id=relation_id, source=source, target=target, **attributes)
        return relation_id


def flow_key(flow: MessageFlow) -> tuple[str, str, str, str]:
    return flow.source, flow.target, flow.channel, flow.message


def plan_estate(estate: Estate) -> Plan:
    """Every element and relation the estate stands for."""
    plan = Plan()
    for key, name in sorted(estate.teams.items()):
        plan.teams[key] = plan.add(K.TEAM, prefixed("team", name), name)
    _applications(plan, estate)
    _messages(plan, estate)
    for flow in estate.flows():
        _flow(plan, flow)
    for name, store in sorted(estate.stores.items()):
        usage = DatastoreUsage(store.usage)
        plan.stores[name] = plan.add(K.DATASTORE, f"store-{slug(name)}", name, usage=usage)
        for user in store.users:
            if user in plan.applications:
                plan.relate(R.USES, plan.applications[user], plan.stores[name])
    return plan


def _element_id(plan: Plan, application: Application, prefix: str) -> str:
    if application.marker and is_identifier(application.marker) and application.marker not in plan.elements:
        return application.marker
    return plan.fresh(f"{prefix}-{slug(application.name)}")


def _applications(plan: Plan, estate: Estate) -> None:
    """Contexts first, then the services inside the context of the application they are part of."""
    ordered = sorted(estate.applications.items(), key=lambda item: item[1].name.casefold())
    holders = {key: holder_of(estate, key) for key, _ in ordered}
    for key, application in ordered:
        if holders[key] == key:
            _context(plan, key, application)
    for key, application in ordered:
        if holders[key] != key:
            context_id = plan.contexts[holders[key]]
            service_id = plan.add(K.SERVICE, _element_id(plan, application, "svc"), application.name)
            plan.relate(R.CONTAINS, context_id, service_id)
            plan.applications[key] = service_id
            plan.contexts[key] = context_id


def holder_of(estate: Estate, key: str) -> str:
    """The application whose context holds ``key`` (itself for a context): up the subcomponentOf chain.

    A chain that comes back on itself holds nothing: each of its applications is a context.
    """
    seen, current = [key], key
    while (parent := estate.applications[current].parent) is not None and parent in estate.applications:
        if parent in seen:
            return key
        seen.append(parent)
        current = parent
    return current


def _context(plan: Plan, key: str, application: Application) -> None:
    tags = [f"{kind}:{value}" for kind, value in (("domain", application.domain), ("system", application.system))
            if value]
    context_id = plan.add(K.CONTEXT, _element_id(plan, application, "ctx"), application.name, tags=tags)
    plan.applications[key] = plan.contexts[key] = context_id
    if application.owner:
        plan.relate(R.TEAM_OWNS, plan.teams[normalise(application.owner)], context_id)


def _messages(plan: Plan, estate: Estate) -> None:
    for address in sorted(estate.channels):
        plan.topics[address] = plan.add(K.TOPIC, f"topic-{slug(address)}", address)
    for call in estate.calls:
        if call.style == "event" and call.api not in plan.topics:
            plan.topics[call.api] = plan.add(K.TOPIC, f"topic-{slug(call.api)}", call.api)
    events = sorted({e.message for e in estate.endpoints if not e.reply})
    for name in events:
        message = estate.messages[name]
        attributes: dict[str, Any] = {"schema_version": message.version}
        if message.event_class in {c.value for c in EventClass}:
            attributes["event_class"] = EventClass(message.event_class)
        if message.compatibility in {c.value for c in Compatibility}:
            attributes["compatibility"] = Compatibility(message.compatibility)
        plan.events[name] = plan.add(K.EVENT, f"event-{slug(name)}", name, **attributes)
    published = {
        (plan.contexts[e.application], e.message) for e in estate.endpoints if e.action == "send" and not e.reply
    }
    for context_id, name in sorted(published):
        plan.relate(R.PUBLISHES, context_id, plan.events[name])


def flow_attributes(plan: Plan, flow: MessageFlow) -> dict[str, Any]:
    """The attributes of the model flow a contract flow stands for."""
    attributes: dict[str, Any] = {"style": _STYLES[flow.style], "name": flow.message or flow.channel}
    if flow.channel in plan.topics:
        attributes["topic"] = plan.topics[flow.channel]
    if flow.style == "event" and flow.message in plan.events:
        attributes["event"] = plan.events[flow.message]
    return attributes


def _flow(plan: Plan, flow: MessageFlow) -> None:
    source, target = plan.applications.get(flow.source), plan.applications.get(flow.target)
    if source is None or target is None or source == target:
        return
    wanted = f"flow-{short(source)}-{short(target)}-{slug(flow.message or flow.channel)}"
    plan.flows[flow_key(flow)] = plan.relate(R.FLOW, source, target, wanted, **flow_attributes(plan, flow))
