"""Reading the bytes of an exchange file safely: no DTD, no entities, no network, lxml's size limits on.

The XML declaration's encoding is honoured (Sparx writes windows-1252). A file that is not XML is
refused with the parser's own line; a DTD anywhere in the prolog is refused outright, since it is the
only way to declare entities (billion laughs, external entities) and no exchange tool writes one.
"""

from __future__ import annotations

import re

from lxml import etree  # lxml ships no type hints

from exporters.archimate.errors import refuse
from exporters.archimate.mapping import NAMESPACE

#: The ArchiMate 2.x exchange namespace (no version in it), which Archi rejects as well.
ARCHIMATE2_NAMESPACE = "http://www.opengroup.org/xsd/archimate"
DTD_REASON = "DTDs and entities are not accepted in an ArchiMate exchange file"
_POSITION = re.compile(r",? line \d+, column \d+$")
#: libxml2's advice to lift its limits, which Steelframe keeps on.
_ADVICE = re.compile(r",? use XML_PARSE_HUGE option")
_DTD_MARKERS = ("<!DOCTYPE", "<!ENTITY")
_ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


def _parser() -> etree.XMLParser:
    """A fresh parser per file (parsers are not shared across threads); lxml's default limits stay on."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False,
        remove_blank_text=False,
    )


def parse_exchange(data: bytes, source: str) -> etree._Element:
    """The root <model> of an exchange file, or ExchangeImportError saying why the bytes are not one."""
    if not data.strip():
        refuse(source, 0, "the file is empty, not an ArchiMate exchange file")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        dtd_line = _dtd_line(data)
        if dtd_line is not None:
            refuse(source, dtd_line, DTD_REASON)
        reason = _ADVICE.sub("", _POSITION.sub("", str(error.msg or error))).strip() or "unreadable"
        refuse(source, error.lineno or 1, f"not well-formed XML: {reason}")
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        refuse(source, _dtd_line(data) or 1, DTD_REASON)
    check_root(root, source)
    return root


def _dtd_line(data: bytes) -> int | None:
    """The line of the first DOCTYPE or ENTITY declaration, looked for in the common encodings."""
    for encoding in _ENCODINGS:
        for marker in _DTD_MARKERS:
            index = data.find(marker.encode(encoding))
            if index >= 0:
                return data.count("\n".encode(encoding), 0, index) + 1
    return None


def check_root(root: etree._Element, source: str) -> None:
    """Only an ArchiMate 3.x <model> is read; an ArchiMate 2 file is named as such."""
    tag = root.tag if isinstance(root.tag, str) else ""
    namespace, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    if namespace == ARCHIMATE2_NAMESPACE:
        refuse(
            source, root.sourceline,
            f"this is an ArchiMate 2 exchange file (namespace {ARCHIMATE2_NAMESPACE}); "
            "only ArchiMate 3.x exchange files are read",
        )
    if namespace != NAMESPACE or local != "model":
        shown = f"<{local}> in namespace {namespace}" if namespace else f"<{local}> in no namespace"
        refuse(
            source, root.sourceline,
            f"the root element is {shown}, not an ArchiMate exchange <model> in namespace {NAMESPACE}",
        )
