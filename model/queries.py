"""Every read of a model: lookups by id, the relations at an element, what views show, waivers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from model.elements import ElementBase
from model.errors import ModelError
from model.exchange import ExchangeArchive
from model.relations import RelationBase
from model.settings import Settings, Waiver
from model.views import Bounds, Route, ViewInfo
from model.vocabulary import ElementKind, RelationKind

if TYPE_CHECKING:  # only model.store makes a State: queries read it and never change it
    from model.state import Layouts, State

_NONE: dict[RelationKind, dict[str, None]] = {}


class Queries:
    """Read access to a state; the containers are the state's own, so reads are always current."""

    def __init__(self, state: State) -> None:
        self._state = state
        self._elements = state.elements
        self._relations = state.relations
        self._out = state.outgoing
        self._in = state.incoming

    @property
    def settings(self) -> Settings:
        return self._state.settings

    @property
    def exchange(self) -> ExchangeArchive | None:
        """What an ArchiMate import kept for writing back (None for a model born in Steelframe)."""
        return self._state.exchange

    @property
    def name(self) -> str:
        return self._state.settings.name

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
        return [self._elements[i] for i in self._state.by_kind[kind]]

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
            for by_kind in side.get(element_id, _NONE).values():
                ids.update(by_kind)
        return [self._relations[i] for i in ids]

    def referrers(self, element_id: str) -> list[str]:
        """Ids of elements and relations whose attributes name this element (a flow's event, ...), in id order."""
        return sorted(self._state.referrers.get(element_id, ()))

    def container_of(self, element_id: str) -> str | None:
        """The context that contains a service or acl, if any."""
        holders = self._in.get(element_id, _NONE).get(RelationKind.CONTAINS)
        if not holders:
            return None
        return self._relations[next(iter(holders))].source

    def views(self) -> list[ViewInfo]:
        return list(self._state.views.values())

    def view(self, view_id: str) -> ViewInfo:
        try:
            return self._state.views[view_id]
        except KeyError:
            raise ModelError(f"no view with id {view_id!r}") from None

    def layouts(self, view_id: str) -> Layouts:
        """A copy of what the view shows: element ids to Bounds, relation ids to Route."""
        return dict(self._state.layouts[view_id])

    def layout(self, view_id: str, item_id: str) -> Bounds | Route | None:
        return self._state.layouts.get(view_id, {}).get(item_id)

    def views_showing(self, item_id: str) -> list[str]:
        return list(self._state.placements.get(item_id, {}))

    def waivers(self) -> list[Waiver]:
        return list(self._state.waivers.values())

    def waiver(self, waiver_id: str) -> Waiver:
        try:
            return self._state.waivers[waiver_id]
        except KeyError:
            raise ModelError(f"no waiver with id {waiver_id!r}") from None

    def is_known_id(self, item_id: str) -> bool:
        return (
            item_id in self._elements or item_id in self._relations
            or item_id in self._state.views or item_id in self._state.waivers
        )
