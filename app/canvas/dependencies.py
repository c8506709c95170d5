"""What each drawn item shows of the model, and so which items a committed change alters. Qt-free.

A box shows its element, under a fact the names of its owners, and sits inside the context that
contains it; a line shows its relation and, for a flow that delivers an event, the event's name.
``shows`` says that for one item; ``affected`` reads the same dependencies the other way round,
from the changes of one transaction to the boxes and lines to refresh.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from model.changes import Change, ElementChange, RelationChange
from model.relations import Flow
from model.store import Model
from model.vocabulary import ElementKind, RelationKind

#: A box depends on these relations into it: a fact shows its owners, a service sits in its context.
_INTO_BOX = (RelationKind.OWNS, RelationKind.CONTAINS)


@dataclass
class Affected:
    """Ids of the boxes and lines whose drawing a transaction changed (shown in a view or not)."""

    elements: set[str] = field(default_factory=set)
    relations: set[str] = field(default_factory=set)


def shows(model: Model, item_id: str) -> set[str]:
    """The ids of the elements and relations whose values an item's drawing reads (its own included)."""
    relation = model.find_relation(item_id)
    if relation is not None:
        event = relation.event if isinstance(relation, Flow) else None
        return {item_id, *([event] if event else [])}
    found = {item_id}
    for kind in _INTO_BOX:
        for into in model.incoming(item_id, kind):
            found.add(into.id)
            if kind is RelationKind.OWNS and model.element(item_id).kind is ElementKind.FACT:
                found.add(into.source)
    return found


def affected(model: Model, changes: Iterable[Change]) -> Affected:
    """The boxes and lines that show something these changes altered (``model`` as after them)."""
    found = Affected()
    for change in changes:
        if isinstance(change, ElementChange) and change.new is not None:
            found.elements.add(change.id)
            found.elements.update(r.target for r in model.outgoing(change.id, RelationKind.OWNS))  # owner's name
            found.relations.update(i for i in model.referrers(change.id) if model.find_relation(i) is not None)
        elif isinstance(change, RelationChange):
            found.relations.add(change.id)
            for relation in (change.old, change.new):
                if relation is not None and relation.kind in _INTO_BOX:
                    found.elements.add(relation.target)
    return found
