"""The model: queries, and verbs that change it only by recording typed changes in a transaction.

Verbs check, then record changes; the transaction commits them as one unit that listeners (undo
history, constraint engine, canvas) receive, and rolls them back on an exception. Recording is the
only caller of ``State.apply``, the one place state is mutated, so undo and redo are the same code
as editing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from model.changes import (
    Change,
    Committed,
    ElementChange,
    ExchangeChange,
    LayoutChange,
    Origin,
    RelationChange,
    SettingsChange,
    ViewChange,
    WaiverChange,
)
from model.checking import check_references, check_relation, require_new_id, revalidate
from model.elements import ElementBase
from model.errors import ModelError
from model.exchange import ExchangeArchive
from model.queries import Queries
from model.relations import RelationBase
from model.settings import Settings, Waiver
from model.state import Layouts, State
from model.views import Bounds, Route, ViewInfo

__all__ = ["Layouts", "Listener", "Model"]

Listener = Callable[[Committed], None]


class Model(Queries):
    """A Steelframe model: elements, relations, views, waivers and settings."""

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__(State(settings))
        self._depth = 0
        self._pending: list[Change] = []
        self._listeners: list[Listener] = []

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
                self._state.apply(change.inverse())
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
        self._state.apply(change)
        self._pending.append(change)

    # ------------------------------------------------------------------- verbs

    def add_element(self, element: ElementBase) -> ElementBase:
        require_new_id(self, element.id)
        check_references(self, element)
        self._record(ElementChange(None, element, element.id))
        return element

    def update_element(self, element_id: str, **changes: Any) -> ElementBase:
        """Change attributes of an element; the new value is validated as a whole."""
        old = self.element(element_id)
        new = revalidate(old, changes, "element")
        if new.id != old.id or new.kind != old.kind:
            raise ModelError("an element's id and kind cannot change")
        check_references(self, new)
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
        require_new_id(self, relation.id)
        check_relation(self, relation)
        self._record(RelationChange(None, relation, relation.id))
        return relation

    def update_relation(self, relation_id: str, **changes: Any) -> RelationBase:
        old = self.relation(relation_id)
        new = revalidate(old, changes, "relation")
        if new.id != old.id or new.kind != old.kind:
            raise ModelError("a relation's id and kind cannot change")
        check_relation(self, new, replacing=old)
        if new != old:
            self._record(RelationChange(old, new, relation_id))
        return new

    def remove_relation(self, relation_id: str) -> None:
        relation = self.relation(relation_id)
        for view_id in self.views_showing(relation_id):
            self._record(LayoutChange(self.layout(view_id, relation_id), None, view_id, relation_id))
        self._record(RelationChange(relation, None, relation_id))

    def add_view(self, view: ViewInfo) -> ViewInfo:
        require_new_id(self, view.id)
        self._record(ViewChange(None, view, view.id))
        return view

    def update_view(self, view_id: str, **changes: Any) -> ViewInfo:
        old = self.view(view_id)
        new = revalidate(old, changes, "view")
        if new.id != old.id:
            raise ModelError("a view's id cannot change")
        if new != old:
            self._record(ViewChange(old, new, view_id))
        return new

    def remove_view(self, view_id: str) -> None:
        view = self.view(view_id)
        for item_id, layout in self.layouts(view_id).items():
            self._record(LayoutChange(layout, None, view_id, item_id))
        self._record(ViewChange(view, None, view_id))

    def place(self, view_id: str, element_id: str, bounds: Bounds) -> None:
        """Show an element in a view at ``bounds``, or move it there."""
        self.view(view_id)
        self.element(element_id)
        old = self.layout(view_id, element_id)
        if old != bounds:
            self._record(LayoutChange(old, bounds, view_id, element_id))

    def route(self, view_id: str, relation_id: str, route: Route | None = None) -> None:
        """Show a relation in a view, with its bend points."""
        self.view(view_id)
        self.relation(relation_id)
        new = route or Route()
        old = self.layout(view_id, relation_id)
        if old != new:
            self._record(LayoutChange(old, new, view_id, relation_id))

    def unplace(self, view_id: str, item_id: str) -> None:
        """Remove an element or relation from a view only; an element takes its drawn relations along."""
        layouts = self.layouts(self.view(view_id).id)
        if item_id not in layouts:
            raise ModelError(f"{item_id!r} is not shown in view {view_id!r}")
        if item_id in self.elements_by_id:
            for relation in self.incident(item_id):
                if relation.id in layouts:
                    self._record(LayoutChange(layouts[relation.id], None, view_id, relation.id))
        self._record(LayoutChange(layouts[item_id], None, view_id, item_id))

    def add_waiver(self, waiver: Waiver) -> Waiver:
        require_new_id(self, waiver.id)
        self._record(WaiverChange(None, waiver, waiver.id))
        return waiver

    def update_waiver(self, waiver_id: str, **changes: Any) -> Waiver:
        old = self.waiver(waiver_id)
        new = revalidate(old, changes, "waiver")
        if new.id != old.id:
            raise ModelError("a waiver's id cannot change")
        if new != old:
            self._record(WaiverChange(old, new, waiver_id))
        return new

    def remove_waiver(self, waiver_id: str) -> None:
        self._record(WaiverChange(self.waiver(waiver_id), None, waiver_id))

    def update_settings(self, **changes: Any) -> Settings:
        new = revalidate(self.settings, changes, "settings")
        if new != self.settings:
            self._record(SettingsChange(self.settings, new))
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

    def set_exchange(self, archive: ExchangeArchive | None) -> None:
        if archive != self.exchange:
            self._record(ExchangeChange(self.exchange, archive))

    def _drop_reference(self, referrer_id: str, target: str) -> None:
        old_element = self.find_element(referrer_id)
        if old_element is not None:
            self._record(ElementChange(old_element, old_element.without_reference(target), referrer_id))  # type: ignore[arg-type]
        else:
            old_relation = self.relation(referrer_id)
            self._record(RelationChange(old_relation, old_relation.without_reference(target), referrer_id))  # type: ignore[arg-type]
