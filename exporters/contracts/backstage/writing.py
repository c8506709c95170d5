"""The model as a Backstage catalog: ``catalog-info.yaml`` entities the catalog reader reads back.

A Group per team; a Domain and a System per ``domain:`` and ``system:`` tag of the contexts; a
Component per context (and per standalone system), and per service or acl as ``subcomponentOf``
its context's Component, with ``spec.owner`` the owning team; an API per provider and style of
the synchronous flows, which its consumers consume; a Resource of type ``database`` per datastore,
which its users depend on. Every entity carries its element's id in ``steelframe.dev/element``.
An element no team owns names the placeholder owner ``unowned``, marked ``steelframe.dev/unowned``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from exporters.contracts.backstage.entities import MARKER
from exporters.contracts.backstage.reading import UNOWNED
from exporters.contracts.mapping import slug
from exporters.contracts.writing import boundary, write_folder, yaml_text
from exporters.files import write_atomically
from exporters.registry import ExportOptions
from model.elements import Datastore, ElementBase
from model.errors import ModelError
from model.relations import Flow
from model.store import Model
from model.vocabulary import DatastoreUsage, ElementKind, RelationKind

API_VERSION = "backstage.io/v1alpha1"
PLACEHOLDER_OWNER = "unowned"
_COMPONENT_KINDS = (ElementKind.CONTEXT, ElementKind.SYSTEM, ElementKind.SERVICE, ElementKind.ACL)
_SUFFIX = re.compile(r"\.ya?ml$", re.IGNORECASE)


def _entity(kind: str, name: str, element: ElementBase | None, spec: dict[str, Any], *,
            annotations: dict[str, str] | None = None, title: str = "") -> dict[str, Any]:
    metadata: dict[str, Any] = {"name": name}
    if title or (element is not None and element.name and element.name != name):
        metadata["title"] = title or (element.name if element else "")
    if element is not None and element.description:
        metadata["description"] = element.description
    marked = ({MARKER: element.id} if element is not None else {}) | (annotations or {})
    if marked:
        metadata["annotations"] = marked
    return {"apiVersion": API_VERSION, "kind": kind, "metadata": metadata, "spec": spec}


class _Names:
    """Entity names: the element's name as a catalog name (at most 63 characters), unique per kind."""

    def __init__(self) -> None:
        self.taken: dict[str, set[str]] = defaultdict(set)
        self.given: dict[tuple[str, str], str] = {}

    def __call__(self, kind: str, key: str, text: str) -> str:
        if (kind, key) not in self.given:
            base = slug(text)[:56].strip("-") or "x"
            name, number = base, 2
            while name in self.taken[kind]:
                name, number = f"{base}-{number}", number + 1
            self.taken[kind].add(name)
            self.given[(kind, key)] = name
        return self.given[(kind, key)]


class _Catalog:
    def __init__(self, model: Model) -> None:
        self.model = model
        self.names = _Names()
        self.entities: list[dict[str, Any]] = []
        self.components: dict[str, dict[str, Any]] = {}

    def owner(self, element_id: str) -> tuple[str, dict[str, str]]:
        teams = sorted(r.source for r in self.model.incoming(boundary(self.model, element_id), RelationKind.TEAM_OWNS))
        if not teams:
            return PLACEHOLDER_OWNER, {UNOWNED: "true"}
        team = self.model.element(teams[0])
        return f"group:{self.names('Group', team.id, team.name or team.id)}", {}

    def groups(self) -> None:
        for team in self.model.elements(ElementKind.TEAM):
            name = self.names("Group", team.id, team.name or team.id)
            self.entities.append(_entity("Group", name, team, {"type": "team", "children": []}))

    def grouping(self) -> None:
        domains: dict[str, str] = {}
        systems: dict[str, str | None] = {}
        for context in self.model.elements(ElementKind.CONTEXT):
            domain = next((t.split(":", 1)[1] for t in context.tags if t.startswith("domain:")), None)
            for tag in context.tags:
                if tag.startswith("system:"):
                    systems.setdefault(tag.split(":", 1)[1], domain)
            if domain:
                domains.setdefault(domain, context.id)
        for domain, context_id in sorted(domains.items()):
            owner, marks = self.owner(context_id)
            self.entities.append(_entity("Domain", self.names("Domain", domain, domain), None, {"owner": owner},
                                         annotations=marks, title=domain))
        for system, domain in sorted(systems.items()):
            spec: dict[str, Any] = {"owner": PLACEHOLDER_OWNER}
            if domain:
                spec["domain"] = self.names("Domain", domain, domain)
            self.entities.append(_entity("System", self.names("System", system, system), None, spec,
                                         annotations={UNOWNED: "true"}, title=system))

    def component(self, element: ElementBase) -> None:
        owner, marks = self.owner(element.id)
        spec: dict[str, Any] = {"type": "service", "lifecycle": "production", "owner": owner}
        system = next((t.split(":", 1)[1] for t in element.tags if t.startswith("system:")), None)
        if system and element.kind is ElementKind.CONTEXT:
            spec["system"] = self.names("System", system, system)
        holder = self.model.container_of(element.id)
        if holder is not None:
            spec["subcomponentOf"] = f"component:{self.name_of(holder)}"
        entity = _entity("Component", self.name_of(element.id), element, spec, annotations=marks)
        self.components[element.id] = spec
        self.entities.append(entity)

    def name_of(self, element_id: str) -> str:
        element = self.model.element(element_id)
        return self.names("Component", element.id, element.name or element.id)

    def apis(self) -> None:
        consumed: dict[tuple[str, str], set[str]] = defaultdict(set)
        for flow in self.model.relations(RelationKind.FLOW):
            if isinstance(flow, Flow) and flow.is_synchronous:
                consumed[(flow.target, str(flow.style))].add(flow.source)
        for (provider, style), consumers in sorted(consumed.items()):
            element = self.model.element(provider)
            name = self.names("API", f"{provider}/{style}", f"{element.name or element.id} {style}")
            owner, marks = self.owner(provider)
            definition = f"The {style} flows Steelframe's model declares into {element.name or element.id}."
            spec = {"type": "steelframe", "lifecycle": "production", "owner": owner, "definition": definition}
            self.entities.append(_entity("API", name, None, spec, annotations=marks | {"steelframe.dev/style": style},
                                         title=f"{element.name or element.id} {style}"))
            self.components[provider].setdefault("providesApis", []).append(name)
            for consumer in sorted(consumers):
                self.components[consumer].setdefault("consumesApis", []).append(name)

    def resources(self) -> None:
        for store in self.model.elements(ElementKind.DATASTORE):
            users = sorted(r.source for r in self.model.incoming(store.id, RelationKind.USES))
            owner, marks = self.owner(users[0]) if users else (PLACEHOLDER_OWNER, {UNOWNED: "true"})
            if isinstance(store, Datastore) and store.usage is DatastoreUsage.ANALYTICAL:
                marks = marks | {"steelframe.dev/usage": "analytical"}
            name = self.names("Resource", store.id, store.name or store.id)
            self.entities.append(_entity("Resource", name, store, {"type": "database", "owner": owner},
                                         annotations=marks))
            for user in users:
                self.components[user].setdefault("dependsOn", []).append(f"resource:{name}")


def catalog_entities(model: Model) -> list[dict[str, Any]]:
    catalog = _Catalog(model)
    catalog.groups()
    catalog.grouping()
    for element in sorted(model.elements(), key=lambda e: (e.kind is not ElementKind.CONTEXT, e.id)):
        if element.kind in _COMPONENT_KINDS:
            catalog.component(element)
    catalog.apis()
    catalog.resources()
    return catalog.entities


def export(model: Model, output: Path, options: ExportOptions) -> None:
    """``steelframe export --to backstage -o FILE.yaml`` (one file) or ``-o FOLDER`` (its catalog-info.yaml)."""
    if options.view is not None:
        raise ModelError("--view applies to diagram formats; the Backstage export covers the whole model")
    text = yaml_text(catalog_entities(model))
    if _SUFFIX.search(output.name):
        write_atomically(output, text.encode("utf-8"))
    else:
        write_folder(output, {"catalog-info.yaml": text})
