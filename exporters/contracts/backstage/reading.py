"""The Backstage catalog into the estate.

Mapping: a Group is a team; ``spec.owner`` names the owning team; a System is an application that
holds the Components that name it (a context with services); a Domain tags its Systems; a
Component is an application (a service of its System, or a context of its own); an API provided
by one Component and consumed by another is a synchronous flow from consumer to provider, a query
unless the annotation ``steelframe.dev/style`` says ``command`` (an API of type ``asyncapi`` is an
event flow from provider to consumer); a Resource of type ``database`` is a datastore, used by the
Components that ``dependsOn`` it. Users, Locations and other kinds carry nothing the model holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exporters.contracts.backstage.entities import MARKER, Ref, annotation, check_entity, parse_ref
from exporters.contracts.estate import Application, Call, Estate, Source, Store
from exporters.contracts.yamlfile import line_of


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


class _Mapper:
    def __init__(self, estate: Estate, entities: list[tuple[dict[str, Any], Path]]) -> None:
        self.estate = estate
        self.entities = entities
        self.keys: dict[Ref, str] = {}  # Component / System -> application key
        self.domains: dict[str, str] = {}  # System name -> Domain name

    def of_kind(self, kind: str) -> list[tuple[dict[str, Any], Path]]:
        return [(e, p) for e, p in self.entities if str(e["kind"]).casefold() == kind]

    def run(self) -> None:
        for entity, _ in self.of_kind("group"):
            self.estate.add_team(_name(entity))
        for entity, path in self.of_kind("system"):
            self.application(entity, path, is_system=True)
        for entity, path in self.of_kind("component"):
            self.application(entity, path, is_system=False)
        self.apis()
        self.resources()

    def owner(self, entity: dict[str, Any]) -> str | None:
        owner = entity.get("spec", {}).get("owner")
        if not isinstance(owner, str) or not owner:
            return None
        name = parse_ref(owner, "group").name
        self.estate.add_team(name)
        return name

    def application(self, entity: dict[str, Any], path: Path, *, is_system: bool) -> None:
        spec = entity.get("spec", {})
        system = spec.get("system") if not is_system else None
        domain = spec.get("domain") if is_system else None
        application = Application(
            name=_name(entity), source=_source(entity, path), marker=annotation(entity, MARKER),
            owner=self.owner(entity), system=parse_ref(system, "system").name if isinstance(system, str) else None,
            domain=parse_ref(domain, "domain").name if isinstance(domain, str) else None, is_system=is_system,
            described={"backstage"},
        )
        key = self.estate.add_application(application)
        self.keys[_ref(entity)] = key
        if is_system:
            self.estate.groups[application.key] = self.estate.applications[key]

    def apis(self) -> None:
        providers: dict[Ref, list[str]] = {}
        consumers: dict[Ref, list[str]] = {}
        for entity, _ in self.of_kind("component"):
            key, spec, space = self.keys[_ref(entity)], entity.get("spec", {}), _namespace(entity)
            for text in spec.get("providesApis", []):
                providers.setdefault(parse_ref(text, "api", space), []).append(key)
            for text in spec.get("consumesApis", []):
                consumers.setdefault(parse_ref(text, "api", space), []).append(key)
        for entity, path in self.of_kind("api"):
            ref = _ref(entity)
            style = annotation(entity, "steelframe.dev/style") or "query"
            if str(entity.get("spec", {}).get("type", "")).casefold() == "asyncapi":
                style = "event"
            for consumer in consumers.get(ref, []):
                for provider in providers.get(ref, []):
                    if consumer != provider:
                        call = Call(consumer, provider, _name(entity), style, _source(entity, path))
                        self.estate.calls.append(call)

    def resources(self) -> None:
        users: dict[Ref, list[str]] = {}
        for entity, _ in self.of_kind("component"):
            for text in entity.get("spec", {}).get("dependsOn", []):
                users.setdefault(parse_ref(text, "component", _namespace(entity)), []).append(self.keys[_ref(entity)])
        for entity, path in self.of_kind("resource"):
            spec = entity.get("spec", {})
            if str(spec.get("type", "")).casefold() != "database":
                continue
            usage = annotation(entity, "steelframe.dev/usage") or "operational"
            store = Store(_name(entity), _source(entity, path), usage if usage == "analytical" else "operational")
            store.users = sorted(set(users.get(_ref(entity), [])))
            for text in spec.get("dependencyOf", []):
                ref = parse_ref(text, "component", _namespace(entity))
                if ref in self.keys and self.keys[ref] not in store.users:
                    store.users.append(self.keys[ref])
            self.estate.stores[_name(entity)] = store
