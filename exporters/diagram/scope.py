"""What a diagram shows: the whole model, or exactly the elements and relations of one view."""

from __future__ import annotations

from dataclasses import dataclass, field

from model.elements import ElementBase
from model.errors import ModelError
from model.relations import RelationBase
from model.store import Model
from model.views import Bounds, Route, ViewInfo
from model.vocabulary import ElementKind, RelationKind

#: Kinds a diagram leaves out: workshop notes and decision records are not architecture.
LEFT_OUT = frozenset({ElementKind.NOTE, ElementKind.DECISION})
#: Kinds drawn inside their context's cluster.
MEMBER_KINDS = frozenset({ElementKind.SERVICE, ElementKind.ACL})


@dataclass
class Scope:
    """The elements and relations to draw, with each context's members (services, acls) shown."""

    title: str
    elements: dict[str, ElementBase]
    relations: list[RelationBase]
    members: dict[str, list[str]] = field(default_factory=dict)
    container: dict[str, str] = field(default_factory=dict)

    def nested(self, relation: RelationBase) -> bool:
        """A relation between an element and the context holding it (formats that nest refuse those)."""
        return self.container.get(relation.source) == relation.target or \
            self.container.get(relation.target) == relation.source

    def holder(self, element_id: str) -> str | None:
        """The context whose cluster holds ``element_id`` (itself for a context)."""
        if element_id in self.members:
            return element_id
        return self.container.get(element_id)


def find_view(model: Model, view: str) -> ViewInfo:
    """The view with this id, else the one with this name; a ModelError names the views there are."""
    views = model.views()
    for info in views:
        if info.id == view:
            return info
    named = [info for info in views if info.name == view]
    if len(named) == 1:
        return named[0]
    if named:
        ids = ", ".join(info.id for info in named)
        raise ModelError(f"{len(named)} views are named {view!r}: give one of their ids ({ids})")
    names = ", ".join(repr(info.name) for info in views) or "none"
    raise ModelError(f"no view named {view!r}: the views are {names}")


def scope_of(model: Model, view: str | None) -> Scope:
    """The whole model (``view`` None) or one view, by name or id."""
    if view is None:
        elements = [e for e in model.elements() if e.kind not in LEFT_OUT]
        return _scope(model, model.name or "Steelframe model", elements, model.relations())
    info = find_view(model, view)
    layouts = model.layouts(info.id)
    shown = [model.element(i) for i, layout in layouts.items() if isinstance(layout, Bounds)]
    relations = [model.relation(i) for i, layout in layouts.items() if isinstance(layout, Route)]
    title = f"{model.name} — {info.name}" if model.name else info.name
    return _scope(model, title, [e for e in shown if e.kind not in LEFT_OUT], relations)


def _scope(model: Model, title: str, elements: list[ElementBase], relations: list[RelationBase]) -> Scope:
    by_id = {element.id: element for element in sorted(elements, key=lambda e: (e.kind, e.id))}
    scope = Scope(title, by_id, [])
    for element in by_id.values():
        if element.kind is ElementKind.CONTEXT:
            scope.members[element.id] = []
    for element in by_id.values():
        holder = model.container_of(element.id) if element.kind in MEMBER_KINDS else None
        if holder is not None and holder in scope.members:
            scope.members[holder].append(element.id)
            scope.container[element.id] = holder
    scope.relations = sorted(
        (r for r in relations
         if r.source in by_id and r.target in by_id and r.kind is not RelationKind.CONTAINS),
        key=lambda r: r.id,
    )
    return scope
