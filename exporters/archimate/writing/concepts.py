"""``<element>`` and ``<relationship>``: Steelframe items as DESIGN.md maps them, started from their
original fragment when they came from an exchange file, and foreign concepts written back as they were.

Items are written as text. An item that came from an exchange file is written as its original
fragment where that is the very text the item would be written as (a file Steelframe wrote, the
item unchanged: no parsing at all); otherwise the original fragment is parsed and patched, keeping
what other tools put in it. A foreign concept is its kept text, never parsed (its ends come from what
is known of the archive, ``kept``)."""

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
from exporters.archimate.writing.properties import CONCEPT_DEPTH, CONCEPT_PROPERTY_DEPTH
from exporters.archimate.writing.state import ExportState, serialized
from exporters.archimate.writing.text import Tag, as_element, kept_text, render
from exporters.archimate.xml import (
    XSI_TYPE,
    XElement,
    children,
    detach,
    insert_laid_out,
    parse_fragment,
    q,
    set_language_text,
    text_tag,
)
from model.elements import ElementBase
from model.relations import RelationBase

_PROPERTY_INDENT = "\n" + "  " * CONCEPT_PROPERTY_DEPTH
_PROPERTIES_END = "\n" + "  " * (CONCEPT_PROPERTY_DEPTH - 1) + "</properties>"
#: Attributes of a relationship that belong to one relationship type.
_TYPE_ATTRIBUTES = ("accessType", "isDirected", "modifier")


def exported_elements(state: ExportState) -> list[ElementBase]:
    """Steelframe elements that are ArchiMate concepts (decisions and notes are not), by id."""
    return sorted((e for e in state.model.elements() if e.kind in ELEMENT_TYPES), key=lambda e: e.id)


def write_elements(state: ExportState) -> list[str]:
    """Every element, Steelframe and foreign, by id, as text; records what was written in ``state.elements_written``."""
    archive = state.archive
    originals = archive.originals if archive else {}
    built: list[tuple[str, str]] = []
    for element in exported_elements(state):
        raw = originals.get(element.id)
        text = render(_new_element(state, element), CONCEPT_DEPTH)
        if raw is not None and kept_text(raw) != text:
            text = serialized(_original_element(state, element, raw))
        state.elements_written.add(element.id)
        built.append((element.id, text))
    if archive is not None:
        model = state.model
        for identifier, raw in archive.elements.items():
            if identifier not in model:  # a Steelframe item took the id: it wins
                state.elements_written.add(identifier)
                built.append((identifier, kept_text(raw)))
    built.sort(key=_identifier)
    return [text for _, text in built]


def write_relationships(state: ExportState) -> list[str]:
    """Every relationship by id, as text; a foreign one whose end is no longer in the file is dropped."""
    originals = state.archive.originals if state.archive else {}
    relations = sorted(state.model.relations(), key=lambda r: r.id)
    for relation in relations:
        state.relationship_ends[relation.id] = _written_ends(relation)[:2]
    foreign = _surviving_foreign(state)
    built: list[tuple[str, str]] = []
    for relation in relations:
        raw = originals.get(relation.id)
        tag = _new_relationship(state, relation)
        text = render(tag, CONCEPT_DEPTH)
        if raw is None or kept_text(raw) == text:
            attributes = dict(tag.attributes)
            state.relationship_ends[relation.id] = (attributes["source"], attributes["target"])
        else:
            node = _original_relationship(state, relation, raw)
            state.relationship_ends[relation.id] = (node.get("source") or "", node.get("target") or "")
            text = serialized(node)
        built.append((relation.id, text))
    if foreign:
        assert state.archive is not None and state.index is not None
        kept, ends = state.archive.relationships, state.index.relationship_ends
        for identifier in foreign:
            source, target = ends[identifier]
            state.relationship_ends[identifier] = (source or "", target or "")
            built.append((identifier, kept_text(kept[identifier])))
    built.sort(key=_identifier)
    return [text for _, text in built]


def _identifier(built: tuple[str, str]) -> str:
    return built[0]


def _surviving_foreign(state: ExportState) -> list[str]:
    """Kept relationships whose two ends are still in the file (an end may itself be a relationship)."""
    if state.archive is None or state.index is None:
        return []
    ends = state.index.relationship_ends
    kept = [i for i in state.archive.relationships if i not in state.model]
    while True:
        known = {*kept, *state.relationship_ends, *state.elements_written}
        dangling = {i for i in kept if ends[i][0] not in known or ends[i][1] not in known}
        if not dangling:
            return kept
        kept = [i for i in kept if i not in dangling]


def _written_ends(relation: RelationBase) -> tuple[str, str, str | None]:
    """(source, target, access type) as the relationship is written (``uses`` is Serving datastore -> user)."""
    mapping = RELATION_TYPES[relation.kind]
    if mapping.reversed:
        return relation.target, relation.source, mapping.access_type
    return relation.source, relation.target, mapping.access_type


# ------------------------------------------------------------------ Steelframe items, new


def _new_element(state: ExportState, element: ElementBase) -> Tag:
    content: list[Tag | str] = [text_tag("name", element.name, state.lang)]
    if element.description:
        content.append(text_tag("documentation", element.description, state.lang))
    _new_properties(state, content, element)
    return Tag("element", (("identifier", element.id), ("xsi:type", ELEMENT_TYPES[element.kind])), content)


def _new_relationship(state: ExportState, relation: RelationBase) -> Tag:
    source, target, access = _written_ends(relation)
    attributes = [("identifier", relation.id), ("source", source), ("target", target),
                  ("xsi:type", RELATION_TYPES[relation.kind].type)]
    if access:
        attributes.append(("accessType", access))
    content: list[Tag | str] = []
    if relation.name:
        content.append(text_tag("name", relation.name, state.lang))
    if relation.description:
        content.append(text_tag("documentation", relation.description, state.lang))
    _new_properties(state, content, relation)
    return Tag("relationship", tuple(attributes), content)


def _new_properties(state: ExportState, content: list[Tag | str], item: ElementBase | RelationBase) -> None:
    """``<properties>`` as text at a concept's child depth: each property's text is made once per name and value."""
    pairs = [*_free_properties(item), *steelframe_properties(item)]  # the order a re-export of an import keeps
    if pairs:
        texts = [state.properties.concept_text(name, value) for name, value in pairs]
        content.append("<properties>" + _PROPERTY_INDENT + _PROPERTY_INDENT.join(texts) + _PROPERTIES_END)


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
        insert_laid_out(properties, len(properties), as_element(state.properties.make(name, value)))
    if not len(properties):
        detach(properties)
