"""Drift in what flows travel on and who owns what: owners (SF103), topics and events (SF104,
SF105), versions (SF106) and datastores the catalog shows shared (SF107)."""

from __future__ import annotations

from exporters.contracts.estate import normalise
from exporters.contracts.scope import Item, Scope
from model.elements import Datastore, Event
from model.relations import TeamOwns
from model.vocabulary import DatastoreUsage, ElementKind, RelationKind


def check_owners(scope: Scope) -> None:
    """An owner in the catalog against the team owning the context it matched."""
    for key, element_id in sorted(scope.match.applications.items()):
        application = scope.estate.applications[key]
        element = scope.model.element(element_id)
        if application.owner is None or element.kind is not ElementKind.CONTEXT:
            continue
        teams = [r.source for r in scope.model.incoming(element_id, RelationKind.TEAM_OWNS)]
        if normalise(application.owner) in {normalise(scope.name(t)) for t in teams}:
            continue
        wanted = normalise(application.owner)
        known = scope.match.teams.get(wanted)
        team = known or scope.planned(scope.plan.teams[wanted]).id
        additions: tuple[Item, ...] = () if known else (scope.planned(scope.plan.teams[wanted]),)
        additions += (TeamOwns(id=f"team-owns-{team}-{element_id}", source=team, target=element_id),)
        said = ", ".join(scope.name(t) for t in teams) if teams else "no team"
        scope.report(
            "SF103",
            f"The catalog says {application.owner} owns {application.name} ({application.source}); "
            f"the model says {said}",
            (element_id, team),
            f"Agree on one owner: change spec.owner in the catalog, or the team owning {scope.name(element_id)}.",
            additions,
        )


def _touches_contracts(scope: Scope, item_id: str, field: str) -> bool:
    """Whether a flow across contexts on this topic (or with this event) has an end AsyncAPI describes.

    What travels only inside one context is no contract's business.
    """
    for flow in scope.carrying.get(item_id, ()):
        ends = scope.ends(flow)
        if getattr(flow, field) == item_id and ends[0] != ends[1] and any(
            "asyncapi" in scope.described.get(end, set()) for end in ends
        ):
            return True
    return False


def check_topics_and_events(scope: Scope) -> None:
    estate, match, plan = scope.estate, scope.match, scope.plan
    for address in sorted(estate.channels):
        if address not in match.topics:
            topic = scope.planned(plan.topics[address])
            scope.report("SF104", f"The contracts use the channel {address} ({estate.channels[address]}); "
                         "the model has no such topic", (topic.id,), f"Add the topic {address} to the model.",
                         (topic,))
    for name in sorted(plan.events):
        if name not in match.events:
            event = scope.planned(plan.events[name])
            scope.report("SF105", f"The contracts exchange the message {name}; the model has no such event",
                         (event.id,), f"Add the event {name} to the model.", (event,))
    known_topics, known_events = set(match.topics.values()), set(match.events.values())
    for element in scope.model.elements(ElementKind.TOPIC):
        if element.id not in known_topics and _touches_contracts(scope, element.id, "topic"):
            scope.report("SF104", f"The model's topic {element.name or element.id} is in no AsyncAPI channel",
                         (element.id,), "Add the channel to the documents of its producers and consumers, "
                         "or remove the topic.")
    for element in scope.model.elements(ElementKind.EVENT):
        if element.id not in known_events and _touches_contracts(scope, element.id, "event"):
            scope.report("SF105", f"The model's event {element.name or element.id} is in no AsyncAPI message",
                         (element.id,), "Add the message to the documents of its producers and consumers, "
                         "or remove the event.")
    _versions(scope)


def _versions(scope: Scope) -> None:
    for name, event_id in sorted(scope.match.events.items()):
        event = scope.model.element(event_id)
        contract = scope.estate.messages[name].version
        if isinstance(event, Event) and contract and event.schema_version and contract != event.schema_version:
            scope.report(
                "SF106",
                f"The contracts carry {name} at version {contract}; the model says {event.schema_version}",
                (event_id,), "Bring the model's schema version and the contract's x-steelframe-schema-version "
                "together.",
            )


def check_stores(scope: Scope) -> None:
    """A database the catalog shows used by components of two contexts, not shared in the model."""
    for name, store in sorted(scope.estate.stores.items()):
        users = {scope.match.applications[u] for u in store.users if u in scope.match.applications}
        contexts = sorted({scope.boundary(u) for u in users})
        if len(contexts) < 2 or store.usage == DatastoreUsage.ANALYTICAL.value:
            continue
        store_id = scope.match.stores.get(name)
        element = scope.model.find_element(store_id) if store_id else None
        if isinstance(element, Datastore):
            if element.usage is DatastoreUsage.ANALYTICAL:
                continue
            modelled = {scope.boundary(r.source) for r in scope.model.incoming(element.id, RelationKind.USES)}
            if len(modelled) > 1:
                continue  # the model says it is shared: SF003 already speaks
        store_id = store_id or scope.planned(scope.plan.stores[name]).id
        names = ", ".join(scope.name(c) for c in contexts)
        scope.report(
            "SF107",
            f"The catalog shows {name} ({store.source}) used by {names}, which the model keeps apart: "
            "a shared operational database",
            (store_id, *contexts),
            f"Give {name} to one context and let the others ask it, or model the sharing and decide on it.",
        )
