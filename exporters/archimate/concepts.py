"""``<element>`` and ``<relationship>``: Steelframe items as DESIGN.md maps them, started from their
original fragment when they came from an exchange file, and foreign concepts written back as they were."""

from __future__ import annotations

from lxml import etree  # lxml ships no type hints

from exporters.archimate.mapping import (
    ELEMENT_TYPES,
    KEPT_ACCESS_TYPES,
    PREFIX,
    RELATION_TYPES,
    keeps_type,
    steelframe_properties,
)
from exporters.archimate.state import ExportState
from exporters.archimate.xml import (
    XSI_TYPE,
    XElement,
    add_text,
    children,
    detach,
    insert_laid_out,
    parse_fragment,
    q,
    set_language_text,
)
from model.elements import ElementBase
from model.relations import RelationBase

#: Attributes of a relationship that belong to one relationship type.
_TYPE_ATTRIBUTES = ("accessType", "isDirected", "modifier")
#: (identifier, built element, whether it is a kept fragment to place as it is).
Built = tuple[str, XElement, bool]


def exported_elements(state: ExportState) -> list[ElementBase]:
    """Steelframe elements that are ArchiMate concepts (decisions and notes are not), by id."""
    return sorted((e for e in state.model.elements() if e.kind in ELEMENT_TYPES), key=lambda e: e.id)


def write_elements(state: ExportState, parent: XElement) -> None:
    """Every element, Steelframe and foreign, by id; records what was written in ``state.element_types``."""
    originals = state.archive.originals if state.archive else {}
    built: list[Built] = []
    for element in exported_elements(state):
        raw = originals.get(element.id)
        node = _new_element(state, element) if raw is None else _original_element(state, element, raw)
        state.element_types[element.id] = ELEMENT_TYPES[element.kind]
        built.append((element.id, node, raw is not None))
    for identifier, raw in (state.archive.elements if state.archive else {}).items():
        if identifier not in state.model:  # a Steelframe item took the id: it wins
            node = parse_fragment(raw)
            state.element_types[identifier] = node.get(XSI_TYPE) or ""
            built.append((identifier, node, True))
    _write_sorted(state, parent, built)


def write_relationships(state: ExportState, parent: XElement) -> None:
    """Every relationship by id; a foreign one whose end is no longer in the file is dropped."""
    originals = state.archive.originals if state.archive else {}
    relations = sorted(state.model.relations(), key=lambda r: r.id)
    for relation in relations:
        state.relationship_ends[relation.id] = _written_ends(relation)[:2]
    foreign = _surviving_foreign(state)
    built: list[Built] = []
    for relation in relations:
        raw = originals.get(relation.id)
        node = _new_relationship(state, relation) if raw is None else _original_relationship(state, relation, raw)
        state.relationship_ends[relation.id] = (node.get("source") or "", node.get("target") or "")
        built.append((relation.id, node, raw is not None))
    for identifier, node in foreign.items():
        state.relationship_ends[identifier] = (node.get("source") or "", node.get("target") or "")
        built.append((identifier, node, True))
    _write_sorted(state, parent, built)


def _surviving_foreign(state: ExportState) -> dict[str, XElement]:
    """Kept relationships whose two ends are still in the file (an end may itself be a relationship)."""
    raw = state.archive.relationships if state.archive else {}
    kept = {i: parse_fragment(f) for i, f in raw.items() if i not in state.model}
    while True:
        known = kept.keys() | state.relationship_ends.keys() | state.element_types.keys()
        dangling = [i for i, node in kept.items() if not {node.get("source"), node.get("target")} <= known]
        if not dangling:
            return kept
        for identifier in dangling:
            del kept[identifier]


def _write_sorted(state: ExportState, parent: XElement, built: list[Built]) -> None:
    for _, node, is_kept in sorted(built, key=lambda b: b[0]):
        if is_kept:
            state.keep(parent, node)
        else:
            parent.append(node)


def _written_ends(relation: RelationBase) -> tuple[str, str, str | None]:
    """(source, target, access type) as the relationship is written (``uses`` is Serving datastore -> user)."""
    mapping = RELATION_TYPES[relation.kind]
    if mapping.reversed:
        return relation.target, relation.source, mapping.access_type
    return relation.source, relation.target, mapping.access_type


# ------------------------------------------------------------------ Steelframe items, new


def _new_element(state: ExportState, element: ElementBase) -> XElement:
    node = etree.Element(q("element"), {"identifier": element.id, XSI_TYPE: ELEMENT_TYPES[element.kind]})
    add_text(node, "name", element.name, state.lang)
    if element.description:
        add_text(node, "documentation", element.description, state.lang)
    _new_properties(state, node, element)
    return node


def _new_relationship(state: ExportState, relation: RelationBase) -> XElement:
    source, target, access = _written_ends(relation)
    attributes = {"identifier": relation.id, "source": source, "target": target,
                  XSI_TYPE: RELATION_TYPES[relation.kind].type}
    if access:
        attributes["accessType"] = access
    node = etree.Element(q("relationship"), attributes)
    if relation.name:
        add_text(node, "name", relation.name, state.lang)
    if relation.description:
        add_text(node, "documentation", relation.description, state.lang)
    _new_properties(state, node, relation)
    return node


def _new_properties(state: ExportState, owner: XElement, item: ElementBase | RelationBase) -> None:
    pairs = [*_free_properties(item), *steelframe_properties(item)]  # the order a re-export of an import keeps
    if pairs:
        properties = etree.SubElement(owner, q("properties"))
        for name, value in pairs:
            state.properties.make(name, value, properties)


def _free_properties(item: ElementBase | RelationBase) -> list[tuple[str, str]]:
    """The item's own properties, by name; ``steelframe.*`` names are the codec's alone."""
    if not item.properties:
        return []
    return sorted((n, v) for n, v in item.properties.items() if not n.startswith(PREFIX))


# ------------------------------------------------------------------ Steelframe items from the file


def _original_element(state: ExportState, element: ElementBase, raw: str) -> XElement:
    node = parse_fragment(raw)
    node.set("identifier", element.id)
    node.set(XSI_TYPE, ELEMENT_TYPES[element.kind])
    _merge_texts(state, node, element, name_required=True)
    _merge_properties(state, node, element)
    return node


def _original_relationship(state: ExportState, relation: RelationBase, raw: str) -> XElement:
    """The original type and direction stay while still true to the relation; otherwise the mapped ones."""
    node = parse_fragment(raw)
    node.set("identifier", relation.id)
    source, target, access = _written_ends(relation)
    original = (node.get("source"), node.get("target"))
    if keeps_type(relation, node.get(XSI_TYPE)) and original in ((source, target), (target, source)):
        original_access = node.get("accessType")
        if access is not None and original_access not in KEPT_ACCESS_TYPES.get(relation.kind, {access}):
            node.set("accessType", access)
    else:
        for attribute in _TYPE_ATTRIBUTES:
            node.attrib.pop(attribute, None)
        node.set("source", source)
        node.set("target", target)
        node.set(XSI_TYPE, RELATION_TYPES[relation.kind].type)
        if access:
            node.set("accessType", access)
    _merge_texts(state, node, relation, name_required=False)
    _merge_properties(state, node, relation)
    return node


def _merge_texts(state: ExportState, node: XElement, item: ElementBase | RelationBase, *, name_required: bool) -> None:
    set_language_text(node, "name", item.name, state.lang, required=name_required)
    set_language_text(node, "documentation", item.description, state.lang, after=("name",))


def _merge_properties(state: ExportState, node: XElement, item: ElementBase | RelationBase) -> None:
    """Foreign properties follow the item's own (kept, updated, removed, added); ``steelframe.*`` ones are replaced.

    The import shows the first property of each name as one of the item's own properties.
    """
    found = children(node, "properties")
    properties = found[0] if found else None
    by_name: dict[str, XElement] = {}
    for prop in children(properties, "property") if properties is not None else []:
        name = state.properties.name_of(prop.get("propertyDefinitionRef"))
        if name is None or name.startswith(PREFIX):
            detach(prop)
        elif name not in by_name:
            by_name[name] = prop  # a second one of the same name is not shown: it stays as it is
    free = dict(_free_properties(item))
    for name, prop in by_name.items():
        if name in free:
            set_language_text(prop, "value", free[name], state.lang, required=True)
        else:
            detach(prop)  # the import showed it as the item's own property, and it was removed since
    fresh = [*((n, v) for n, v in free.items() if n not in by_name), *steelframe_properties(item)]
    if properties is None and fresh:
        properties = etree.Element(q("properties"))
        insert_laid_out(node, len(node), properties)
    if properties is None:
        return
    for name, value in fresh:
        insert_laid_out(properties, len(properties), state.properties.make(name, value))
    if not len(properties):
        detach(properties)
