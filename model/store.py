"""The in-memory model: one object owns the graph and every change goes through its verbs.

Verbs validate, then record typed changes inside a transaction; the transaction commits as one
unit that listeners (undo history, constraint engine, canvas) receive. ``apply`` is the single
place where state is mutated, so undo and redo are the same code as editing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

import networkx as nx
from pydantic import BaseModel, ValidationError

from model.changes import (
    Change,
    Committed,
    ConflictChange,
    ElementChange,
    ExchangeChange,
    LayoutChange,
    Origin,
    RelationChange,
    SettingsChange,
    ViewChange,
    WaiverChange,
)
from model.conflicts import Conflict
from model.elements import ElementBase
from model.errors import ModelError, describe_validation_error
from model.exchange import ExchangeArchive
from model.references import reference_problem
from model.relations import RelationBase, endpoint_problem
from model.settings import Settings, Waiver
from model.views import Bounds, Route, ViewInfo
from model.vocabulary import ElementKind, RelationKind

Listener = Callable[[Committed], None]
V = TypeVar("V", bound=BaseModel)
Layouts = dict[str, Bounds | Route]
_NONE: dict[RelationKind, dict[str, None]] = {}


class Model:
    """A Steelframe model: elements, relations, views, waivers and settings."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.graph: nx.MultiDiGraph = nx.MultiDiGraph()
        self._elements: dict[str, ElementBase] = {}
        self._relations: dict[str, RelationBase] = {}
        self._by_kind: dict[ElementKind, dict[str, None]] = {kind: {} for kind in ElementKind}
        self._out: dict[str, dict[RelationKind, dict[str, None]]] = {}
        self._in: dict[str, dict[RelationKind, dict[str, None]]] = {}
        self._referrers: dict[str, dict[str, None]] = {}
        self._views: dict[str, ViewInfo] = {}
        self._layouts: dict[str, Layouts] = {}
        self._placements: dict[str, dict[str, None]] = {}
        self._waivers: dict[str, Waiver] = {}
        self._settings = settings or Settings()
        self._exchange: ExchangeArchive | None = None
        self._conflicts: dict[str, Conflict] = {}
        self._depth = 0
        self._pending: list[Change] = []
        self._listeners: list[Listener] = []

    # ----------------------------------------------------------------- reading

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def exchange(self) -> ExchangeArchive | None:
        """What an ArchiMate import kept for writing back (None for a model born in Steelframe)."""
        return self._exchange

    @property
    def name(self) -> str:
        return self._settings.name

    @property
    def elements_by_id(self) -> Mapping[str, ElementBase]:
        """The live id-to-element mapping (read-only by contract), for readers on hot paths."""
        return self._elements

    @property
    def relations_by_id(self) -> Mapping[str, RelationBase]:
        return self._relations

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._elements or item_id in self._relations

    def element(self, element_id: str) -> ElementBase:
        try:
            return self._elements[element_id]
        except KeyError:
            raise ModelError(f"no element with id {element_id!r}") from None

    def find_element(self, element_id: str) -> ElementBase | None:
        return self._elements.get(element_id)

    def relation(self, relation_id: str) -> RelationBase:
        try:
            return self._relations[relation_id]
        except KeyError:
            raise ModelError(f"no relation with id {relation_id!r}") from None

    def find_relation(self, relation_id: str) -> RelationBase | None:
        return self._relations.get(relation_id)

    def elements(self, kind: ElementKind | None = None) -> list[ElementBase]:
        if kind is None:
            return list(self._elements.values())
        return [self._elements[i] for i in self._by_kind[kind]]

    def relations(self, kind: RelationKind | None = None) -> list[RelationBase]:
        values = self._relations.values()
        return list(values) if kind is None else [r for r in values if r.kind == kind]

    def outgoing(self, element_id: str, kind: RelationKind) -> list[RelationBase]:
        """Relations of ``kind`` that start at the element, in id order."""
        ids = self._out.get(element_id, _NONE).get(kind)
        if not ids:
            return []
        relations = self._relations
        return [relations[i] for i in (sorted(ids) if len(ids) > 1 else ids)]

    def incoming(self, element_id: str, kind: RelationKind) -> list[RelationBase]:
        """Relations of ``kind`` that end at the element, in id order."""
        ids = self._in.get(element_id, _NONE).get(kind)
        if not ids:
            return []
        relations = self._relations
        return [relations[i] for i in (sorted(ids) if len(ids) > 1 else ids)]

    def incident(self, element_id: str) -> list[RelationBase]:
        """Every relation that starts or ends at the element."""
        ids: dict[str, None] = {}
        for side in (self._out, self._in):
            for by_kind in side.get(element_id, {}).values():
                ids.update(by_kind)
        return [self._relations[i] for i in ids]

    def referrers(self, element_id: str) -> list[str]:
        """Ids of elements and relations whose attributes name this element (a flow's event, ...), in id order."""
        return sorted(self._referrers.get(element_id, ()))

    def container_of(self, element_id: str) -> str | None:
        """The context that contains a service or acl, if any."""
        holders = self._in.get(element_id, {}).get(RelationKind.CONTAINS)
        if not holders:
            return None
        return self._relations[next(iter(holders))].source

    def views(self) -> list[ViewInfo]:
        return list(self._views.values())

    def view(self, view_id: str) -> ViewInfo:
        try:
            return self._views[view_id]
        except KeyError:
            raise ModelError(f"no view with id {view_id!r}") from None

    def layouts(self, view_id: str) -> Layouts:
        """A copy of what the view shows: element ids to Bounds, relation ids to Route."""
        return dict(self._layouts[view_id])

    def layout(self, view_id: str, item_id: str) -> Bounds | Route | None:
        return self._layouts.get(view_id, {}).get(item_id)

    def views_showing(self, item_id: str) -> list[str]:
        return list(self._placements.get(item_id, {}))

    def waivers(self) -> list[Waiver]:
        return list(self._waivers.values())

    def waiver(self, waiver_id: str) -> Waiver:
        try:
            return self._waivers[waiver_id]
        except KeyError:
            raise ModelError(f"no waiver with id {waiver_id!r}") from None

    def conflicts(self) -> list[Conflict]:
        """The merge conflicts recorded in the model and not yet resolved."""
        return list(self._conflicts.values())

    def find_conflict(self, conflict_id: str) -> Conflict | None:
        return self._conflicts.get(conflict_id)

    def is_known_id(self, item_id: str) -> bool:
        return (
            item_id in self._elements or item_id in self._relations
            or item_id in self._views or item_id in self._waivers or item_id in self._conflicts
        )

    # ------------------------------------------------------------ transactions

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` after every committed transaction; returns the unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    @contextmanager
    def transaction(self, label: str, origin: Origin = Origin.EDIT) -> Iterator[None]:
        """Group changes into one undoable step; nested transactions join the outer one.

        An exception rolls back every change made inside this level and propagates.
        """
        mark = len(self._pending)
        self._depth += 1
        try:
            yield
        except BaseException:
            for change in reversed(self._pending[mark:]):
                self.apply(change.inverse())
            del self._pending[mark:]
            raise
        finally:
            self._depth -= 1
        if self._depth == 0:
            changes, self._pending = tuple(self._pending), []
            if changes:
                committed = Committed(label, changes, origin)
                for listener in list(self._listeners):
                    listener(committed)

    def replay(self, changes: Iterable[Change], label: str, origin: Origin) -> None:
        """Apply recorded changes as one transaction (undo and redo)."""
        with self.transaction(label, origin):
            for change in changes:
                self._record(change)

    def _record(self, change: Change) -> None:
        if self._depth == 0:
            raise ModelError("the model changes only inside a transaction: use `with model.transaction(...)`")
        self.apply(change)
        self._pending.append(change)

    # ------------------------------------------------------------------- verbs

    def add_element(self, element: ElementBase) -> ElementBase:
        self._require_new_id(element.id)
        self._check_references(element)
        self._record(ElementChange(None, element, element.id))
        return element

    def update_element(self, element_id: str, **changes: Any) -> ElementBase:
        """Change attributes of an element; the new value is validated as a whole."""
        old = self.element(element_id)
        new = _revalidate(old, changes, "element")
        if new.id != old.id or new.kind != old.kind:
            raise ModelError("an element's id and kind cannot change")
        self._check_references(new)
        if new != old:
            self._record(ElementChange(old, new, element_id))
        return new

    def remove_element(self, element_id: str) -> None:
        """Delete an element from the model, with its relations, its places in views and references to it."""
        element = self.element(element_id)
        for view_id in self.views_showing(element_id):
            self.unplace(view_id, element_id)
        for relation in self.incident(element_id):
            self.remove_relation(relation.id)
        for referrer in self.referrers(element_id):
            self._drop_reference(referrer, element_id)
        self._record(ElementChange(element, None, element_id))

    def add_relation(self, relation: RelationBase) -> RelationBase:
        self._require_new_id(relation.id)
        self._check_relation(relation)
        self._record(RelationChange(None, relation, relation.id))
        return relation

    def update_relation(self, relation_id: str, **changes: Any) -> RelationBase:
        old = self.relation(relation_id)
        new = _revalidate(old, changes, "relation")
        if new.id != old.id or new.kind != old.kind:
            raise ModelError("a relation's id and kind cannot change")
        self._check_relation(new, replacing=old)
        if new != old:
            self._record(RelationChange(old, new, relation_id))
        return new

    def remove_relation(self, relation_id: str) -> None:
        relation = self.relation(relation_id)
        for view_id in self.views_showing(relation_id):
            self._record(LayoutChange(self._layouts[view_id][relation_id], None, view_id, relation_id))
        self._record(RelationChange(relation, None, relation_id))

    def add_view(self, view: ViewInfo) -> ViewInfo:
        self._require_new_id(view.id)
        self._record(ViewChange(None, view, view.id))
        return view

    def update_view(self, view_id: str, **changes: Any) -> ViewInfo:
        old = self.view(view_id)
        new = _revalidate(old, changes, "view")
        if new.id != old.id:
            raise ModelError("a view's id cannot change")
        if new != old:
            self._record(ViewChange(old, new, view_id))
        return new

    def remove_view(self, view_id: str) -> None:
        view = self.view(view_id)
        for item_id, layout in list(self._layouts[view_id].items()):
            self._record(LayoutChange(layout, None, view_id, item_id))
        self._record(ViewChange(view, None, view_id))

    def place(self, view_id: str, element_id: str, bounds: Bounds) -> None:
        """Show an element in a view at ``bounds``, or move it there."""
        self.view(view_id)
        self.element(element_id)
        old = self._layouts[view_id].get(element_id)
        if old != bounds:
            self._record(LayoutChange(old, bounds, view_id, element_id))

    def route(self, view_id: str, relation_id: str, route: Route | None = None) -> None:
        """Show a relation in a view, with its bend points."""
        self.view(view_id)
        self.relation(relation_id)
        new = route or Route()
        old = self._layouts[view_id].get(relation_id)
        if old != new:
            self._record(LayoutChange(old, new, view_id, relation_id))

    def unplace(self, view_id: str, item_id: str) -> None:
        """Remove an element or relation from a view only; an element takes its drawn relations along."""
        layouts = self._layouts[self.view(view_id).id]
        if item_id not in layouts:
            raise ModelError(f"{item_id!r} is not shown in view {view_id!r}")
        if item_id in self._elements:
            for relation in self.incident(item_id):
                if relation.id in layouts:
                    self._record(LayoutChange(layouts[relation.id], None, view_id, relation.id))
        self._record(LayoutChange(layouts[item_id], None, view_id, item_id))

    def add_waiver(self, waiver: Waiver) -> Waiver:
        self._require_new_id(waiver.id)
        self._record(WaiverChange(None, waiver, waiver.id))
        return waiver

    def update_waiver(self, waiver_id: str, **changes: Any) -> Waiver:
        old = self.waiver(waiver_id)
        new = _revalidate(old, changes, "waiver")
        if new.id != old.id:
            raise ModelError("a waiver's id cannot change")
        if new != old:
            self._record(WaiverChange(old, new, waiver_id))
        return new

    def remove_waiver(self, waiver_id: str) -> None:
        self._record(WaiverChange(self.waiver(waiver_id), None, waiver_id))

    def update_settings(self, **changes: Any) -> Settings:
        new = _revalidate(self._settings, changes, "settings")
        if new != self._settings:
            self._record(SettingsChange(self._settings, new))
        return new

    def add_checked(
        self,
        elements: Iterable[ElementBase],
        relations: Iterable[RelationBase],
        views: Iterable[tuple[ViewInfo, Layouts]],
        waivers: Iterable[Waiver],
    ) -> None:
        """Add a whole model whose ids, endpoints and references the caller has already checked.

        The file loader checks everything itself, naming JSON paths, and must not pay for the
        same checks twice on a model of tens of thousands of items. Still one recorded change
        per item, so listeners and undo see a load like any other transaction.
        """
        for element in elements:
            self._record(ElementChange(None, element, element.id))
        for relation in relations:
            self._record(RelationChange(None, relation, relation.id))
        for view, layouts in views:
            self._record(ViewChange(None, view, view.id))
            for item_id, layout in layouts.items():
                self._record(LayoutChange(None, layout, view.id, item_id))
        for waiver in waivers:
            self._record(WaiverChange(None, waiver, waiver.id))

    def add_conflict(self, conflict: Conflict) -> Conflict:
        self._require_new_id(conflict.id)
        self._record(ConflictChange(None, conflict, conflict.id))
        return conflict

    def remove_conflict(self, conflict_id: str) -> None:
        """Mark a conflict resolved (the resolution itself is whatever else the transaction changed)."""
        conflict = self._conflicts.get(conflict_id)
        if conflict is None:
            raise ModelError(f"no merge conflict with id {conflict_id!r}")
        self._record(ConflictChange(conflict, None, conflict_id))

    def set_exchange(self, archive: ExchangeArchive | None) -> None:
        if archive != self._exchange:
            self._record(ExchangeChange(self._exchange, archive))

    # --------------------------------------------------------------- checking

    def _require_new_id(self, item_id: str) -> None:
        if self.is_known_id(item_id):
            raise ModelError(f"the id {item_id!r} is already used")

    def _check_references(self, item: ElementBase | RelationBase) -> None:
        for field in item.REFERENCE_FIELDS:
            value = getattr(item, field)
            for target in [value] if isinstance(value, str) else value or []:
                problem = reference_problem(item, field, self._elements.get(target), target)
                if problem:
                    raise ModelError(problem)

    def _check_relation(self, relation: RelationBase, replacing: RelationBase | None = None) -> None:
        source = self._elements.get(relation.source)
        target = self._elements.get(relation.target)
        if source is None or target is None:
            missing = relation.source if source is None else relation.target
            raise ModelError(f"relation {relation.id!r} refers to {missing!r}, which is not in the model")
        if relation.source == relation.target:
            raise ModelError(f"a {relation.kind} relation joins two different elements")
        problem = endpoint_problem(relation.kind, source.kind, target.kind)
        if problem:
            raise ModelError(problem[0].upper() + problem[1:])
        if relation.kind == RelationKind.CONTAINS:
            holder = self.container_of(relation.target)
            moving = replacing is not None and replacing.target == relation.target
            if holder is not None and not moving:
                raise ModelError(f"{target.name or target.id} already belongs to another context")
        self._check_references(relation)

    def _drop_reference(self, referrer_id: str, target: str) -> None:
        if referrer_id in self._elements:
            old_element = self._elements[referrer_id]
            self._record(ElementChange(old_element, old_element.without_reference(target), referrer_id))  # type: ignore[arg-type]
        else:
            old_relation = self._relations[referrer_id]
            self._record(RelationChange(old_relation, old_relation.without_reference(target), referrer_id))  # type: ignore[arg-type]

    # ------------------------------------------------------------- mutation

    def apply(self, change: Change) -> None:
        """Mutate state for one change, keeping every index in step. Only transactions call this."""
        match change:
            case ElementChange():
                self._apply_element(change)
            case RelationChange():
                self._apply_relation(change)
            case LayoutChange():
                self._apply_layout(change)
            case ViewChange(new=new, id=view_id):
                if new is None:
                    del self._views[view_id], self._layouts[view_id]
                else:
                    self._views[view_id] = new
                    self._layouts.setdefault(view_id, {})
            case WaiverChange(new=new, id=waiver_id):
                if new is None:
                    del self._waivers[waiver_id]
                else:
                    self._waivers[waiver_id] = new
            case SettingsChange(new=new):
                assert new is not None
                self._settings = new
            case ExchangeChange(new=new):
                self._exchange = new
            case ConflictChange(new=new, id=conflict_id):
                if new is None:
                    del self._conflicts[conflict_id]
                else:
                    self._conflicts[conflict_id] = new

    def _apply_element(self, change: ElementChange) -> None:
        old, new, element_id = change.old, change.new, change.id
        if old is not None:
            self._unindex_references(old)
        if new is None:
            assert old is not None
            del self._elements[element_id]
            del self._by_kind[old.kind][element_id]
            self.graph.remove_node(element_id)
            self._out.pop(element_id, None)
            self._in.pop(element_id, None)
            return
        self._elements[element_id] = new
        self._by_kind[new.kind][element_id] = None
        if old is None:
            self.graph.add_node(element_id, element=new)
        else:
            self.graph.nodes[element_id]["element"] = new
        self._index_references(new)

    def _apply_relation(self, change: RelationChange) -> None:
        old, new, relation_id = change.old, change.new, change.id
        if old is not None:
            self._unindex_references(old)
            self.graph.remove_edge(old.source, old.target, key=relation_id)
            del self._out[old.source][old.kind][relation_id]
            del self._in[old.target][old.kind][relation_id]
            if new is None:
                del self._relations[relation_id]
                return
        assert new is not None
        self._relations[relation_id] = new
        self.graph.add_edge(new.source, new.target, key=relation_id, relation=new)
        self._out.setdefault(new.source, {}).setdefault(new.kind, {})[relation_id] = None
        self._in.setdefault(new.target, {}).setdefault(new.kind, {})[relation_id] = None
        self._index_references(new)

    def _apply_layout(self, change: LayoutChange) -> None:
        layouts = self._layouts[change.view]
        if change.new is None:
            del layouts[change.item]
            del self._placements[change.item][change.view]
            if not self._placements[change.item]:
                del self._placements[change.item]
        else:
            layouts[change.item] = change.new
            self._placements.setdefault(change.item, {})[change.view] = None

    def _index_references(self, item: ElementBase | RelationBase) -> None:
        for target in item.references():
            self._referrers.setdefault(target, {})[item.id] = None

    def _unindex_references(self, item: ElementBase | RelationBase) -> None:
        for target in item.references():
            holders = self._referrers.get(target)
            if holders is not None:
                holders.pop(item.id, None)
                if not holders:
                    del self._referrers[target]


def _revalidate(old: V, changes: dict[str, Any], what: str) -> V:
    """Validate ``old`` with ``changes`` applied as a whole new value, naming the first problem."""
    data = old.model_dump()
    data.update(changes)
    try:
        return type(old).model_validate(data)
    except ValidationError as error:
        raise ModelError(f"cannot change the {what}: {describe_validation_error(error)}") from None
