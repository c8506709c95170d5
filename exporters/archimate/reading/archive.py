"""What an import keeps of the file beyond Steelframe's meaning, as raw XML fragments (``ExchangeArchive``).

Each fragment is the element exactly as lxml serializes it, without its tail, declaring only the
namespaces it uses (``import_fragments``). When the quick check accepted the file as it is (no
padded identifiers, no extension elements), the import also tells the export what it knows of the
fragments (``kept.register``), so that the export can write them back without parsing them again.
"""

from __future__ import annotations

import copy
from collections.abc import Container

from lxml import etree  # lxml ships no type hints

from exporters.archimate.kept.contract import KeptIndex, register
from exporters.archimate.reading.concepts import NS, Section
from exporters.archimate.reading.diagrams import ReadView
from exporters.archimate.reading.fragments import Serialized, child_fragments, fragment
from exporters.archimate.reading.reverse import Meaning
from exporters.archimate.schema.datatypes import collapse
from model.exchange import ExchangeArchive

__all__ = ["fragment", "keep"]

_HEADER = frozenset({NS + "name", NS + "documentation", NS + "properties"})


def keep(root: etree._Element, elements: Section, relationships: Section, meaning: Meaning,
         views: list[tuple[ReadView, etree._Element]], *, serialized_views: Serialized | None,
         plain: bool) -> ExchangeArchive:
    """The archive of a file whose Steelframe items are ``meaning``; ``plain`` when the quick check accepted it.

    ``serialized_views`` is the serialization of ``<views>``, from which the diagrams are cut.
    """
    header: list[str] = []
    metadata: str | None = None
    viewpoints: str | None = None
    definitions: dict[str, str] = {}
    organizations: list[etree._Element] = []
    for child in root.iterchildren(etree.Element):
        tag = child.tag
        if tag in _HEADER or not tag.startswith(NS):  # the schema allows extensions only in the header
            header.append(fragment(child))
        elif tag == NS + "metadata":
            metadata = fragment(child)
        elif tag == NS + "organizations":
            organizations.append(child)
        elif tag == NS + "propertyDefinitions":
            definitions = {collapse(d.get("identifier") or ""): fragment(d) for d in child.iterchildren(etree.Element)}
        elif tag == NS + "views":
            found = child.find(NS + "viewpoints")
            viewpoints = fragment(found) if found is not None else None
    kept_elements, element_originals = _split(root, "elements", "element", elements, meaning.elements)
    kept_relationships, relationship_originals = _split(root, "relationships", "relationship", relationships,
                                                        meaning.relations)
    archive = ExchangeArchive(
        model_identifier=collapse(root.get("identifier") or "") or None,
        header=header,
        metadata=metadata,
        property_definitions=definitions,
        elements=kept_elements,
        relationships=kept_relationships,
        originals={**element_originals, **relationship_originals},
        organizations=_organizations(organizations),
        diagrams=_diagrams(views, serialized_views),
        viewpoints=viewpoints,
        diagram_layouts={view.info.id: view.fingerprint for view, _ in views if view.fingerprint is not None},
    )
    if plain:
        ends = dict(zip(relationships.ids, zip(relationships.sources, relationships.targets, strict=True), strict=True))
        register(archive, KeptIndex(
            claimed=frozenset([*kept_elements, *kept_relationships, *definitions]),
            relationship_ends={identifier: ends[identifier] for identifier in kept_relationships},
            diagrams={view.info.id: view.index for view, _ in views},
        ))
    return archive


def _split(root: etree._Element, name: str, tag: str, concepts: Section,
           meaning: Container[str]) -> tuple[dict[str, str], dict[str, str]]:
    """(fragments of the concepts Steelframe does not model, fragments of those it does) by identifier."""
    section = root.find(NS + name)
    if section is None:
        return {}, {}
    kept: dict[str, str] = {}
    originals: dict[str, str] = {}
    for identifier, raw in zip(concepts.ids, child_fragments(section, tag), strict=True):
        (originals if identifier in meaning else kept)[identifier] = raw
    return kept, originals


def _diagrams(views: list[tuple[ReadView, etree._Element]], serialized: Serialized | None) -> dict[str, str]:
    cut = serialized.cut("view", len(views)) if serialized is not None and views else None
    if cut is None:
        return {view.info.id: fragment(diagram) for view, diagram in views}
    return {view.info.id: text for (view, _), text in zip(views, cut, strict=True)}


def _organizations(blocks: list[etree._Element]) -> str | None:
    """One ``<organizations>``; several (the schema allows it) are merged into the first, in order."""
    if not blocks:
        return None
    merged = copy.deepcopy(blocks[0])
    for block in blocks[1:]:
        merged.extend(copy.deepcopy(item) for item in block.iterchildren(etree.Element))
    return fragment(merged)
