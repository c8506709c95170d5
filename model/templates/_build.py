"""A thin layer over the model verbs that lets a template be written as data tables.

Templates are read by people learning the tool, so their ids must be readable
(``ctx-ordering``, ``flow-ordering-pricing-quote``); this module derives relation ids from the ids of
their ends and turns the short style words of the tables into flow attributes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from model.elements import ELEMENT_CLASSES
from model.relations import RELATION_CLASSES
from model.store import Model
from model.vocabulary import DeadLetterPolicy, ElementKind, FlowStyle, RelationKind

#: A flow row of a template table: id, source, target, name, style word, extra attributes.
FlowRow = tuple[str, str, str, str, str, dict[str, Any]]

#: Style words of the tables. An asynchronous command is a command declared not synchronous.
_STYLES: dict[str, tuple[FlowStyle, bool | None]] = {
    "query": (FlowStyle.QUERY, None),
    "command": (FlowStyle.COMMAND, None),
    "async-command": (FlowStyle.COMMAND, False),
    "event": (FlowStyle.EVENT, None),
    "undeclared": (FlowStyle.UNDECLARED, None),
}


def short(element_id: str) -> str:
    """``ctx-ordering`` -> ``ordering``: the part of an id after its kind prefix."""
    return element_id.split("-", 1)[1] if "-" in element_id else element_id


class Draft:
    """Adds elements and relations to a model through its verbs (the caller holds the transaction)."""

    def __init__(self, model: Model) -> None:
        self.model = model

    def add(self, kind: ElementKind, element_id: str, name: str, **attributes: Any) -> str:
        self.model.add_element(ELEMENT_CLASSES[kind](id=element_id, name=name, **attributes))
        return element_id

    def relate(self, kind: RelationKind, source: str, target: str, relation_id: str | None = None,
               **attributes: Any) -> str:
        """Add a relation; its id defaults to ``<kind>-<source>-<target>`` without the kind prefixes."""
        relation_id = relation_id or f"{kind.value}-{short(source)}-{short(target)}"
        self.model.add_relation(RELATION_CLASSES[kind](id=relation_id, source=source, target=target, **attributes))
        return relation_id

    def relate_all(self, kind: RelationKind, pairs: Iterable[tuple[str, str]]) -> None:
        for source, target in pairs:
            self.relate(kind, source, target)

    def teams(self, rows: Iterable[tuple[str, str]]) -> None:
        for team_id, name in rows:
            self.add(ElementKind.TEAM, team_id, name)

    def services(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """(service id, name, context id): each service added inside its context."""
        for service_id, name, context_id in rows:
            self.add(ElementKind.SERVICE, service_id, name)
            self.relate(RelationKind.CONTAINS, context_id, service_id)

    def datastores(self, rows: Iterable[tuple[str, str, Any, Iterable[str]]]) -> None:
        """(store id, name, usage, users): each store with a ``uses`` from every user."""
        for store_id, name, usage, users in rows:
            self.add(ElementKind.DATASTORE, store_id, name, usage=usage)
            self.relate_all(RelationKind.USES, ((user, store_id) for user in users))

    def replicas(self, rows: Iterable[tuple[str, str, str | None]]) -> None:
        """(context id, fact id, max staleness) for each read copy."""
        for context_id, fact_id, staleness in rows:
            self.relate(RelationKind.REPLICATES, context_id, fact_id, max_staleness=staleness)

    def flows(self, rows: Iterable[FlowRow]) -> None:
        """Add flows from table rows.

        Asynchronous flows default to the good practice a template teaches (an idempotent consumer,
        failed messages replayed), so that a row only spells out what deviates from it.
        """
        for flow_id, source, target, name, style_word, extra in rows:
            style, synchronous = _STYLES[style_word]
            attributes: dict[str, Any] = {"style": style, "synchronous": synchronous}
            if style is FlowStyle.EVENT or synchronous is False:
                attributes |= {"idempotent": True, "dead_letter": DeadLetterPolicy.REPLAY}
            attributes |= extra
            self.relate(RelationKind.FLOW, source, target, flow_id, name=name, **attributes)
