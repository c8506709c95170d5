"""Referential checks on a well-shaped document, each problem named by its JSON path.

They run before anything is built, so a file that names a missing element, joins the wrong kinds or
contains an element twice is refused with the path of the first problem instead of half-loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from model.elements import ElementBase
from model.fileformat.document import ModelDocument
from model.references import REFERENCE_TARGETS, reference_problem
from model.relations import ENDPOINTS, RelationBase, endpoint_problem
from model.vocabulary import RelationKind


def document_problem(document: ModelDocument) -> str | None:
    """The first referential problem of a well-shaped document, as ``"$.path: reason"``, or None."""
    elements: dict[str, ElementBase] = {e.id: e for e in document.elements}
    return (
        _duplicate_id(document)
        or _element_reference_problem(document, elements)
        or _relation_problem(document, elements)
        or _view_problem(document, elements)
    )


def _duplicate_id(document: ModelDocument) -> str | None:
    sections: list[tuple[str, list[Any]]] = [
        ("elements", document.elements), ("relations", document.relations),
        ("views", document.views), ("waivers", document.waivers), ("conflicts", document.conflicts),
    ]
    ids = [item.id for _, items in sections for item in items]
    if len(set(ids)) == len(ids):
        return None
    seen: dict[str, str] = {}
    for section, items in sections:
        for index, item in enumerate(items):
            path = f"$.{section}[{index}]"
            if item.id in seen:
                return f"{path}.id: the id {item.id!r} is already used by {seen[item.id]}"
            seen[item.id] = path
    return None


def _references_problem(item: ElementBase | RelationBase, path: str, elements: Mapping[str, ElementBase]) -> str | None:
    for field in item.REFERENCE_FIELDS:
        value = getattr(item, field)
        targets = [(f"{path}.{field}", value)] if isinstance(value, str) else [
            (f"{path}.{field}[{i}]", v) for i, v in enumerate(value or [])
        ]
        for where, target in targets:
            problem = reference_problem(item, field, elements.get(target), target)
            if problem:
                return f"{where}: {problem}"
    return None


def _element_reference_problem(document: ModelDocument, elements: Mapping[str, ElementBase]) -> str | None:
    for index, element in enumerate(document.elements):
        if element.REFERENCE_FIELDS:
            problem = _references_problem(element, f"$.elements[{index}]", elements)
            if problem:
                return problem
    return None


def _relation_problem(document: ModelDocument, elements: Mapping[str, ElementBase]) -> str | None:
    container: dict[str, int] = {}
    for index, relation in enumerate(document.relations):
        if not (_ends_fit(relation, elements) and _references_fit(relation, elements)):
            path = f"$.relations[{index}]"
            problem = _endpoint_problem(relation, path, elements) or _references_problem(relation, path, elements)
            if problem:
                return problem
        if relation.kind == RelationKind.CONTAINS:
            if relation.target in container:
                held = elements[relation.target]
                return (
                    f"$.relations[{index}].target: {held.kind} {held.name or held.id!r} is already contained by "
                    f"another context ($.relations[{container[relation.target]}]); it belongs to one context"
                )
            container[relation.target] = index
    return None


def _ends_fit(relation: RelationBase, elements: Mapping[str, ElementBase]) -> bool:
    """Whether both ends exist, differ and are of kinds the relation joins (what _endpoint_problem spells out)."""
    source, target = elements.get(relation.source), elements.get(relation.target)
    if source is None or target is None or source is target:
        return False
    sources, targets = ENDPOINTS[relation.kind]
    return source.kind in sources and target.kind in targets


def _references_fit(item: ElementBase | RelationBase, elements: Mapping[str, ElementBase]) -> bool:
    """Whether every id an attribute names is an element of its kind (what _references_problem spells out)."""
    for field in item.REFERENCE_FIELDS:
        value = getattr(item, field)
        if value is None:
            continue
        wanted = REFERENCE_TARGETS[(item.kind, field)]
        for target in (value,) if isinstance(value, str) else value:
            element = elements.get(target)
            if element is None or element.kind != wanted:
                return False
    return True


def _endpoint_problem(relation: RelationBase, path: str, elements: Mapping[str, ElementBase]) -> str | None:
    for end in ("source", "target"):
        element_id = getattr(relation, end)
        if element_id not in elements:
            return f"{path}.{end}: {element_id!r} is not an element of the model"
    if relation.source == relation.target:
        return f"{path}.target: a {relation.kind} relation joins two different elements"
    kind: RelationKind = relation.kind
    source, target = elements[relation.source].kind, elements[relation.target].kind
    problem = endpoint_problem(kind, source, target)
    if problem:
        end = "source" if source not in ENDPOINTS[kind][0] else "target"
        return f"{path}.{end}: {problem}"
    return None


def _view_problem(document: ModelDocument, elements: Mapping[str, ElementBase]) -> str | None:
    relations = {r.id: None for r in document.relations}
    for index, view in enumerate(document.views):
        if view.nodes.keys() <= elements.keys() and view.edges.keys() <= relations.keys():
            continue
        for node in view.nodes:
            if node not in elements:
                return f"$.views[{index}].nodes.{node}: {node!r} is not an element of the model"
        for edge in view.edges:
            if edge not in relations:
                return f"$.views[{index}].edges.{edge}: {edge!r} is not a relation of the model"
    return None
