"""Checking an archive the import did not make in this run (a model file, a test): every fragment is
parsed once, so that a broken one is a ModelError, and written back in normal form, with what the
export needs to know of it (``kept.KeptIndex``).

A property whose definition the archive does not keep would make the file invalid: it goes, as it
always has (a properties element it leaves empty goes with it).
"""

from __future__ import annotations

from lxml import etree  # lxml ships no type hints

from exporters.archimate.kept.contract import DiagramIndex, KeptIndex, register, registered
from exporters.archimate.xml import XElement, detach, parse_fragment, q
from model.errors import ModelError
from model.exchange import ExchangeArchive


def check(archive: ExchangeArchive) -> KeptIndex:
    """The archive in normal form with what is known of it; ModelError for a fragment that is not one element."""
    definitions = {i: parse_fragment(raw) for i, raw in archive.property_definitions.items()}
    known = {definition.get("identifier") for definition in definitions.values()}
    claimed: set[str] = set()
    ends: dict[str, tuple[str, str]] = {}

    def normal(raw: str, *, claim: bool = False, ends_of: str | None = None) -> str | None:
        element = parse_fragment(raw)
        if claim:
            claimed.update(found for e in element.iter() if isinstance(e.tag, str)
                           and (found := e.get("identifier")) is not None)
        if ends_of is not None:
            ends[ends_of] = (element.get("source") or "", element.get("target") or "")
        return _normal(element, known)

    elements = {i: normal(raw, claim=True) or "" for i, raw in archive.elements.items()}
    relationships = {i: normal(raw, claim=True, ends_of=i) or "" for i, raw in archive.relationships.items()}
    property_definitions = {i: normal(raw, claim=True) or "" for i, raw in archive.property_definitions.items()}
    header = [text for raw in archive.header if (text := normal(raw)) is not None]
    diagrams: dict[str, str] = {}
    indexes: dict[str, DiagramIndex] = {}
    for view_id, raw in archive.diagrams.items():
        try:
            diagram = parse_fragment(raw)
        except ModelError:  # refused only if its view is still there to write
            diagrams[view_id] = raw
            continue
        indexes[view_id] = _index(diagram)
        diagrams[view_id] = _normal(diagram, known) or raw
    normalized = archive.model_copy(update={
        "header": header,
        "metadata": normal(archive.metadata) if archive.metadata is not None else None,
        "property_definitions": property_definitions,
        "elements": elements,
        "relationships": relationships,
        "diagrams": diagrams,
        "viewpoints": normal(archive.viewpoints) if archive.viewpoints is not None else None,
    })
    return KeptIndex(frozenset(claimed), ends, indexes, normalized)


def _normal(element: XElement, known: set[str | None]) -> str | None:
    """The element as lxml writes it, without properties of unknown definitions (None when nothing is left)."""
    for prop in list(element.iter(q("property"))):
        if prop.get("propertyDefinitionRef") not in known:
            properties = prop.getparent()
            detach(prop)
            if properties is not None and not len(properties):
                if properties is element:
                    return None
                detach(properties)
    text: str = etree.tostring(element, encoding="unicode", with_tail=False)
    return text


def _index(diagram: XElement) -> DiagramIndex:
    """What a diagram holds and names, read from it."""
    items = [e.get("identifier") or "" for e in diagram.iter(q("node"), q("connection"))]
    elements = [ref for node in diagram.iter(q("node")) if (ref := node.get("elementRef")) is not None]
    concepts = [ref for node in diagram.iter(q("node")) if (ref := node.get("conceptRef")) is not None]
    relationships = [ref for c in diagram.iter(q("connection")) if (ref := c.get("relationshipRef")) is not None]
    views = [reference.get("ref") or "" for reference in diagram.iter(q("viewRef"))]
    return DiagramIndex(frozenset(items), frozenset(elements), frozenset(relationships), frozenset(views),
                        frozenset(concepts))


def kept_index(archive: ExchangeArchive) -> KeptIndex:
    """What is known of ``archive``'s fragments; ModelError when one of them is not a single well-formed element."""
    known = registered(archive)
    if known is not None:
        return known
    index = check(archive)
    register(archive, index)
    return index
