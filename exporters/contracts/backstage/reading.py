"""The Backstage catalog into the estate.

Mapping: a Group is a team; ``spec.owner`` names the owning team; a System and its Domain group
contexts (tags ``system:NAME`` and ``domain:NAME``); a Component is an application: a context, or a
service of the Component it is ``subcomponentOf``; an API provided by one Component and consumed
by another is a synchronous flow from consumer to provider, a query unless the annotation
``steelframe.dev/style`` says ``command`` (an API of type ``asyncapi`` is an event flow from
provider to consumer); a Resource of type ``database`` is a datastore, used by the Components that
``dependsOn`` it. Users, Locations and other kinds carry nothing the model holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exporters.contracts.backstage.entities import MARKER, Ref, annotation, check_entity, parse_ref
from exporters.contracts.estate import Application, Call, Estate, Source, Store
from exporters.contracts.yamlfile import line_of

#: The annotation of an entity whose owner is a placeholder (our export of an element no team owns).
UNOWNED = "steelframe.dev/unowned"


@dataclass
class Catalog:
    """Entities gathered from every file first: references may point forward or into another file."""

    entities: list[tuple[dict[str, Any], Path]] = field(default_factory=list)

    def add(self, entity: Any, path: Path) -> None:
        check_entity(entity, path)
        self.entities.append((entity, path))

    def read_into(self, estate: Estate) -> None:
        _Mapper(estate, self.entities).run()


def _source(entity: dict[str, Any], path: Path) -> Source:
    return Source(str(path), line_of(entity))


def _name(entity: dict[str, Any]) -> str:
    return str(entity["metadata"]["name"])


def _namespace(entity: dict[str, Any]) -> str:
    return str(entity["metadata"].get("namespace") or "default").casefold()


def _ref(entity: dict[str, Any]) -> Ref:
    return Ref(str(entity["kind"]).casefold(), _namespace(entity), _name(entity))


def _spec(entity: dict[str, Any]) -> dict[str, Any]:
    spec = entity.get("spec", {})
    return spec if isinstance(spec, dict) else {}


class _Mapper:
    def __init__(self, estate: Estate, entities: list[tuple[dict[str, Any], Path]]) -> None:
        self.estate = estate
        self.entities = entities
        self.keys: dict[Ref, str] = {}  # Component -> application key

    def of_kind(self, kind: str) -> list[tuple[dict[str, Any], Path]]:
        return [(e, p) for e, p in self.entities if str(e["kind"]).casefold() == kind]

    def run(self) -> None:
        for entity, _ in self.of_kind("group"):
            self.estate.add_team(_name(entity))
        for entity, _ in self.of_kind("system"):
            domain = _spec(entity).get("domain")
            self.estate.systems[_name(entity)] = parse_ref(domain, "domain").name if isinstance(domain, str) else None
        components = self.of_kind("component")
        for entity, path in components:
            self.keys[_ref(entity)] = self.application(entity, path)
        for entity, _ in components:
            parent = _spec(entity).get("subcomponentOf")
            key = self.keys.get(parse_ref(parent, "component", _namespace(entity))) if isinstance(parent, str) else None
            if key is not None and key != self.keys[_ref(entity)]:
                self.estate.applications[self.keys[_ref(entity)]].parent = key
        self.apis()
        self.resources()

    def owner(self, entity: dict[str, Any]) -> str | None:
        owner = _spec(entity).get("owner")
        if not isinstance(owner, str) or not owner or annotation(entity, UNOWNED) == "true":
            return None
        name = parse_ref(owner, "group").name
        self.estate.add_team(name)
        return name

    def application(self, entity: dict[str, Any], path: Path) -> str:
        system = _spec(entity).get("system")
        system_name = parse_ref(system, "system").name if isinstance(system, str) else None
        application = Application(
            name=_name(entity), source=_source(entity, path), marker=annotation(entity, MARKER),
            owner=self.owner(entity), system=system_name,
            domain=self.estate.systems.get(system_name) if system_name else None, described={"backstage"},
        )
        return self.estate.add_application(application)

    def apis(self) -> None:
        providers: dict[Ref, list[str]] = {}
        consumers: dict[Ref, list[str]] = {}
        for entity, _ in self.of_kind("component"):
            key, spec, space = self.keys[_ref(entity)], _spec(entity), _namespace(entity)
            for text in spec.get("providesApis", []):
                providers.setdefault(parse_ref(text, "api", space), []).append(key)
            for text in spec.get("consumesApis", []):
                consumers.setdefault(parse_ref(text, "api", space), []).append(key)
        for entity, path in self.of_kind("api"):
            ref = _ref(entity)
            style = annotation(entity, "steelframe.dev/style") or "query"
            if str(_spec(entity).get("type", "")).casefold() == "asyncapi":
                style = "event"
            for consumer in consumers.get(ref, []):
                for provider in providers.get(ref, []):
                    if consumer != provider:
                        call = Call(consumer, provider, _name(entity), style, _source(entity, path))
                        self.estate.calls.append(call)

    def resources(self) -> None:
        users: dict[Ref, list[str]] = {}
        for entity, _ in self.of_kind("component"):
            for text in _spec(entity).get("dependsOn", []):
                users.setdefault(parse_ref(text, "component", _namespace(entity)), []).append(self.keys[_ref(entity)])
        for entity, path in self.of_kind("resource"):
            if str(_spec(entity).get("type", "")).casefold() != "database":
                continue
            usage = "analytical" if annotation(entity, "steelframe.dev/usage") == "analytical" else "operational"
            store = Store(_name(entity), _source(entity, path), usage)
            store.users = sorted(set(users.get(_ref(entity), [])))
            self.estate.stores[_name(entity)] = store
