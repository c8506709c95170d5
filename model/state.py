"""What a model holds, with the indexes over it; ``State.apply`` is the only way it changes.

Only ``model.store`` holds a State at run time: its transactions call ``apply`` for every recorded
change, forwards and (on undo or rollback) with the inverse, so editing, undo and redo all mutate
through this one method.
"""

from __future__ import annotations

from model.changes import (
    Change,
    ElementChange,
    ExchangeChange,
    LayoutChange,
    RelationChange,
    SettingsChange,
    ViewChange,
    WaiverChange,
)
from model.elements import ElementBase
from model.exchange import ExchangeArchive
from model.relations import RelationBase
from model.settings import Settings, Waiver
from model.views import Bounds, Route, ViewInfo
from model.vocabulary import ElementKind, RelationKind

Layouts = dict[str, Bounds | Route]
#: element id -> relation kind -> ids of the relations of that kind at that end (an ordered set).
Ends = dict[str, dict[RelationKind, dict[str, None]]]


class State:
    """Elements, relations, views, layouts, waivers and settings, and the indexes queries use."""

    __slots__ = (
        "by_kind", "elements", "exchange", "incoming", "layouts", "outgoing", "placements",
        "referrers", "relations", "settings", "views", "waivers",
    )

    def __init__(self, settings: Settings | None = None) -> None:
        self.elements: dict[str, ElementBase] = {}
        self.relations: dict[str, RelationBase] = {}
        self.by_kind: dict[ElementKind, dict[str, None]] = {kind: {} for kind in ElementKind}
        self.outgoing: Ends = {}
        self.incoming: Ends = {}
        self.referrers: dict[str, dict[str, None]] = {}
        self.views: dict[str, ViewInfo] = {}
        self.layouts: dict[str, Layouts] = {}
        self.placements: dict[str, dict[str, None]] = {}
        self.waivers: dict[str, Waiver] = {}
        self.settings = settings or Settings()
        self.exchange: ExchangeArchive | None = None

    def apply(self, change: Change) -> None:
        """Mutate the state for one change, keeping every index in step."""
        match change:
            case ElementChange(old=old, new=new):
                if old is not None:
                    self._drop_element(old, gone=new is None)
                if new is not None:
                    self._put_element(new)
            case RelationChange(old=old, new=new):
                if old is not None:
                    self._drop_relation(old, gone=new is None)
                if new is not None:
                    self._put_relation(new)
            case LayoutChange(new=new, view=view_id, item=item_id):
                if new is None:
                    self._drop_layout(view_id, item_id)
                else:
                    self._put_layout(view_id, item_id, new)
            case ViewChange(new=new, id=view_id):
                if new is None:
                    del self.views[view_id], self.layouts[view_id]
                else:
                    self._put_view(new)
            case WaiverChange(new=new, id=waiver_id):
                if new is None:
                    del self.waivers[waiver_id]
                else:
                    self.waivers[waiver_id] = new
            case SettingsChange(new=new):
                assert new is not None
                self.settings = new
            case ExchangeChange(new=new):
                self.exchange = new

    def _put_element(self, element: ElementBase) -> None:
        self.elements[element.id] = element
        self.by_kind[element.kind][element.id] = None
        self._index_references(element)

    def _drop_element(self, element: ElementBase, gone: bool) -> None:
        self._unindex_references(element)
        if gone:
            element_id = element.id
            del self.elements[element_id], self.by_kind[element.kind][element_id]
            self.outgoing.pop(element_id, None)
            self.incoming.pop(element_id, None)

    def _put_relation(self, relation: RelationBase) -> None:
        relation_id, kind = relation.id, relation.kind
        self.relations[relation_id] = relation
        self.outgoing.setdefault(relation.source, {}).setdefault(kind, {})[relation_id] = None
        self.incoming.setdefault(relation.target, {}).setdefault(kind, {})[relation_id] = None
        if relation.REFERENCE_FIELDS:
            self._index_references(relation)

    def _drop_relation(self, relation: RelationBase, gone: bool) -> None:
        relation_id = relation.id
        self._unindex_references(relation)
        del self.outgoing[relation.source][relation.kind][relation_id]
        del self.incoming[relation.target][relation.kind][relation_id]
        if gone:  # a replaced relation keeps its place in the id order of insertion
            del self.relations[relation_id]

    def _put_view(self, view: ViewInfo) -> None:
        self.views[view.id] = view
        self.layouts.setdefault(view.id, {})

    def _put_layout(self, view_id: str, item_id: str, layout: Bounds | Route) -> None:
        self.layouts[view_id][item_id] = layout
        self.placements.setdefault(item_id, {})[view_id] = None

    def _drop_layout(self, view_id: str, item_id: str) -> None:
        del self.layouts[view_id][item_id]
        views = self.placements[item_id]
        del views[view_id]
        if not views:
            del self.placements[item_id]

    def _index_references(self, item: ElementBase | RelationBase) -> None:
        for target in item.references():
            self.referrers.setdefault(target, {})[item.id] = None

    def _unindex_references(self, item: ElementBase | RelationBase) -> None:
        for target in item.references():
            holders = self.referrers.get(target)
            if holders is not None:
                holders.pop(item.id, None)
                if not holders:
                    del self.referrers[target]
