"""Adding what a drift finding shows the model lacks: the found element or flow, with what it needs."""

from __future__ import annotations

from exporters.contracts.scope import Drift
from model.elements import ElementBase
from model.store import Model


def add_found(model: Model, drift: Drift) -> list[str]:
    """Add the finding's elements and relations (the caller holds the transaction); the ids added.

    An element whose id the model already has is taken as the same element (an earlier addition
    brought it); a relation whose id is taken gets a fresh one.
    """
    added: list[str] = []
    for item in drift.additions:
        if isinstance(item, ElementBase):
            if model.find_element(item.id) is None:
                added.append(model.add_element(item).id)
            continue
        relation_id, number = item.id, 2
        while model.is_known_id(relation_id):
            relation_id, number = f"{item.id}-{number}", number + 1
        added.append(model.add_relation(item.model_copy(update={"id": relation_id})).id)
    return added
