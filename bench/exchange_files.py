"""The exchange files the ArchiMate benchmark reads: the reference file, the same file ten times over,
and the export of a generated estate.

"Ten times the reference" is the reference's model repeated ten times in one file: every element,
relationship, view and organization folder copied with its identifiers (and every reference to
them) given a suffix per copy; the property definitions are shared, as one tool's repository
would share them.
"""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree  # lxml ships no type hints

SAMPLE = Path(__file__).resolve().parents[2] / "shared/reference/archimate/samples/10_pyarchimate_synthetic_large.xml"
NS = "http://www.opengroup.org/xsd/archimate/3.0/"
#: Attributes that name a concept, a view or a node, and so change with each copy.
_IDENTIFYING = ("identifier", "identifierRef", "source", "target", "elementRef", "relationshipRef")
_COPIED = ("elements", "relationships", "organizations", "views/diagrams")


def repeated(source: Path, times: int, output: Path) -> Path:
    """``source``'s model ``times`` over in ``output`` (written once, reused while it exists)."""
    if output.exists():
        return output
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    tree = etree.parse(str(source), parser)
    root = tree.getroot()
    for path in _COPIED:
        parent = root.find("/".join(f"{{{NS}}}{part}" for part in path.split("/")))
        if parent is None:
            continue
        originals = list(parent)
        for number in range(1, times):
            for child in originals:
                parent.append(_renamed(copy.deepcopy(child), f"-copy{number}"))
    tree.write(str(output), xml_declaration=True, encoding="UTF-8")
    return output


def _renamed(element: etree._Element, suffix: str) -> etree._Element:
    for node in element.iter():
        for attribute in _IDENTIFYING:
            value = node.get(attribute)
            if value is not None:
                node.set(attribute, value + suffix)
    return element


def estate_export(contexts: int, output: Path) -> Path:
    """The ArchiMate export of the generated estate of ``contexts`` contexts (written once)."""
    if not output.exists():
        from bench.estate import generate
        from exporters.archimate import write_archimate

        write_archimate(generate(contexts, 7), output)
    return output
