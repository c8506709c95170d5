"""A terse way to build models in tests: ``b = Builder(); b.context("ordering"); b.flow("ordering", "billing", style="query")``.

Ids double as names unless a name is given. Every call is one model verb inside one transaction.
"""

from __future__ import annotations

from typing import Any

from model.elements import ELEMENT_CLASSES, ElementBase
from model.relations import RELATION_CLASSES, RelationBase
from model.settings import Waiver
from model.store import Model
from model.vocabulary import ElementKind, RelationKind


class Builder:
    def __init__(self, model: Model | None = None) -> None:
        self.model = model or Model()
        self._counter = 0

    def element(self, kind: ElementKind | str, element_id: str, **attributes: Any) -> ElementBase:
        attributes.setdefault("name", element_id)
        element = ELEMENT_CLASSES[ElementKind(kind)](id=element_id, **attributes)
        with self.model.transaction(f"add {element_id}"):
            self.model.add_element(element)
        return element

    def relation(self, kind: RelationKind | str, source: str, target: str, relation_id: str | None = None,
                 **attributes: Any) -> RelationBase:
        if relation_id is None:
            self._counter += 1
            relation_id = f"{RelationKind(kind).value.replace('-', '_')}{self._counter}"
        relation = RELATION_CLASSES[RelationKind(kind)](id=relation_id, source=source, target=target, **attributes)
        with self.model.transaction(f"add {relation_id}"):
            self.model.add_relation(relation)
        return relation

    def waiver(self, waiver_id: str, decision: str, rule: str, elements: list[str], justification: str = "") -> Waiver:
        waiver = Waiver(id=waiver_id, decision=decision, rule=rule, elements=elements, justification=justification)
        with self.model.transaction(f"add {waiver_id}"):
            self.model.add_waiver(waiver)
        return waiver

    def __getattr__(self, name: str) -> Any:
        """``b.context(id, **attrs)``, ``b.flow(source, target, **attrs)``, ``b.team_owns(...)`` and so on."""
        kind = name.replace("_", "-")
        if kind in {k.value for k in ElementKind}:
            return lambda element_id, **attributes: self.element(kind, element_id, **attributes)
        if kind in {k.value for k in RelationKind}:
            return lambda source, target, relation_id=None, **attributes: self.relation(
                kind, source, target, relation_id, **attributes
            )
        raise AttributeError(name)
