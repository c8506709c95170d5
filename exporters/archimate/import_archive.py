"""What an import keeps of the file beyond Steelframe's meaning, as raw XML fragments (``ExchangeArchive``).

Each fragment is the element exactly as lxml serializes it, without its tail, declaring only the
namespaces it uses (lxml repeats every namespace in scope; the unused ones are dropped).
"""

from __future__ import annotations

import copy
import re

from lxml import etree  # lxml ships no type hints

from exporters.archimate.import_concepts import NS, Concept
from exporters.archimate.import_datatypes import collapse
from exporters.archimate.import_reverse import Meaning
from model.exchange import ExchangeArchive

_HEADER = frozenset({NS + "name", NS + "documentation", NS + "properties"})
_START_TAG = re.compile(r"<[^>]*>")
_PREFIXED_DECLARATION = re.compile(r' xmlns:([A-Za-z_][\w.\-]*)="[^"]*"')


def fragment(element: etree._Element) -> str:
    """The element's XML, without its tail and without namespace declarations it does not use."""
    text: str = etree.tostring(element, encoding="unicode", with_tail=False)
    head = _START_TAG.match(text)
    if head is None or " xmlns:" not in head.group():
        return text
    start = head.group()
    rest = text[head.end():]
    trimmed = _PREFIXED_DECLARATION.sub(
        lambda m: m.group() if _uses(m.group(1), start.replace(m.group(), ""), rest) else "", start
    )
    return trimmed + rest


def _uses(prefix: str, start: str, rest: str) -> bool:
    marker = prefix + ":"
    return marker in start or marker in rest


def keep(root: etree._Element, elements: list[Concept], relationships: list[Concept], meaning: Meaning,
         diagrams: dict[str, etree._Element]) -> ExchangeArchive:
    """The archive of a file whose Steelframe items are ``meaning``; ``diagrams`` by Steelframe view id."""
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
    return ExchangeArchive(
        model_identifier=collapse(root.get("identifier") or "") or None,
        header=header,
        metadata=metadata,
        property_definitions=definitions,
        elements={c.id: fragment(c.element) for c in elements if c.id not in meaning.elements},
        relationships={c.id: fragment(c.element) for c in relationships if c.id not in meaning.relations},
        originals={c.id: fragment(c.element) for c in [*elements, *relationships]
                   if c.id in meaning.elements or c.id in meaning.relations},
        organizations=_organizations(organizations),
        diagrams={view_id: fragment(diagram) for view_id, diagram in diagrams.items()},
        viewpoints=viewpoints,
    )


def _organizations(blocks: list[etree._Element]) -> str | None:
    """One ``<organizations>``; several (the schema allows it) are merged into the first, in order."""
    if not blocks:
        return None
    merged = copy.deepcopy(blocks[0])
    for block in blocks[1:]:
        merged.extend(copy.deepcopy(item) for item in block.iterchildren(etree.Element))
    return fragment(merged)
