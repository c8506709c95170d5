"""The official ArchiMate exchange schemas and relationship table from ../shared/reference/archimate.

Tests that need them skip, saying why, where the reference folder is absent; CI always has it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from tests.paths import REFERENCE as REFERENCE_ROOT

REFERENCE = REFERENCE_ROOT / "archimate"
XSD = REFERENCE / "xsd"
SAMPLES = REFERENCE / "samples"
_XML_XSD_URLS = ("http://www.w3.org/2001/xml.xsd", "http://www.w3.org/2001/03/xml.xsd")
_WRAPPER = b"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
    targetNamespace="http://www.opengroup.org/xsd/archimate/3.0/" elementFormDefault="qualified">
  <xs:include schemaLocation="archimate3_Diagram.xsd"/>
  <xs:import namespace="http://purl.org/dc/elements/1.1/" schemaLocation="dc.xsd"/>
</xs:schema>"""

RELATION_LETTERS = {
    "a": "Access", "c": "Composition", "f": "Flow", "g": "Aggregation", "i": "Assignment", "n": "Influence",
    "o": "Association", "r": "Realization", "s": "Specialization", "t": "Triggering", "v": "Serving",
}


def require_reference() -> Path:
    if not XSD.is_dir():
        pytest.skip(f"the ArchiMate reference material is not at {REFERENCE} (CI has it beside the repo)")
    return REFERENCE


class _LocalXmlXsd(etree.Resolver):
    def resolve(self, url: str | None, pubid: str | None, context: object) -> object:
        if url in _XML_XSD_URLS:
            return self.resolve_filename(str(XSD / "xml.xsd"), context)
        return None


@cache
def exchange_schema() -> etree.XMLSchema:
    """archimate3_Diagram.xsd with Dublin Core, the two xml.xsd locations mapped to the local copy."""
    require_reference()
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalXmlXsd())
    wrapper = etree.fromstring(_WRAPPER, parser, base_url=str(XSD / "wrapper.xsd"))
    return etree.XMLSchema(wrapper)


def schema_errors(document: etree._ElementTree | etree._Element) -> list[str]:
    schema = exchange_schema()
    if schema.validate(document):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]  # type: ignore[attr-defined]


@cache
def allowed_relationships() -> dict[tuple[str, str], frozenset[str]]:
    """(source type, target type) -> the exchange relationship types ArchiMate 3.2 allows."""
    require_reference()
    root = etree.parse(str(REFERENCE / "relationships.xml")).getroot()
    table: dict[tuple[str, str], frozenset[str]] = {}
    for source in root:
        for target in source:
            letters = target.get("relations") or ""
            table[(source.get("concept"), target.get("concept"))] = frozenset(RELATION_LETTERS[c] for c in letters)
    return table


def relationship_allowed(source_type: str, target_type: str, relationship_type: str) -> bool:
    def concept(name: str) -> str:
        return "Junction" if name in ("AndJunction", "OrJunction") else name

    return relationship_type in allowed_relationships().get((concept(source_type), concept(target_type)), frozenset())


def samples() -> list[Path]:
    require_reference()
    return sorted(SAMPLES.glob("*.xml"))
