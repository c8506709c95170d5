"""Kept fragments: an element's XML as lxml serializes it, without its tail, declaring only the
namespaces it uses (lxml repeats every namespace in scope; the unused ones are dropped).

A section of thousands of concepts is serialized once and cut at its children, which gives the
same text as serializing each child apart at a fraction of the cost; where the cut could differ
(comments, namespace declarations inside the section, prefixes a child uses), each child is
serialized on its own instead.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

from lxml import etree  # lxml ships no type hints

from exporters.archimate.mapping import NAMESPACE, XSI

_START_TAG = re.compile(r"<[^>]*>")
_COLON = re.compile(":")
_PREFIXED_DECLARATION = re.compile(r' xmlns:([A-Za-z_][\w.\-]*)="[^"]*"')
_DEFAULT = f' xmlns="{NAMESPACE}"'
_XSI = f' xmlns:xsi="{XSI}"'


def fragment(element: etree._Element) -> str:
    """The element's XML, without its tail and without namespace declarations it does not use."""
    text: str = etree.tostring(element, encoding="unicode", with_tail=False)
    head = _START_TAG.match(text)
    if head is None or " xmlns:" not in head.group():
        return text
    start = head.group()
    rest = text[head.end():]
    declared = {match.group(1) for match in _PREFIXED_DECLARATION.finditer(start)}
    found = prefix_counts(start, declared) + prefix_counts(rest, declared)

    def kept(match: re.Match[str]) -> str:
        """The declaration, when its prefix is used anywhere but in the declaration itself."""
        prefix = match.group(1)
        return match.group() if found[prefix] > prefix_counts(match.group(), {prefix})[prefix] else ""

    return _PREFIXED_DECLARATION.sub(kept, start) + rest


def prefix_counts(text: str, prefixes: Collection[str]) -> Counter[str]:
    """How often ``prefix + ":"`` occurs in ``text``, for each of ``prefixes``, in one pass over the colons.

    The same count as ``text.count(prefix + ":")`` per prefix (a prefix is a run of name characters, so
    occurrences never overlap), without a pass over ``text`` per prefix: thousands of declarations on
    ``<model>`` made that quadratic.
    """
    counts: Counter[str] = Counter()
    if not prefixes:
        return counts
    lengths = sorted({len(prefix) for prefix in prefixes})
    for colon in _COLON.finditer(text):
        end = colon.start()
        for length in lengths:
            if length > end:
                break
            candidate = text[end - length:end]
            if candidate in prefixes:
                counts[candidate] += 1
    return counts


#: Above this many prefixes in scope, the unused ones are dropped from the tree before anything is serialized.
_MANY_PREFIXES = 32


def drop_unused_namespaces(root: etree._Element) -> None:
    """Remove the declarations of prefixes the document never writes as ``prefix:`` (nor names with them).

    lxml serializes an inner element by copying every declaration in scope, each checked against those
    copied before: quadratic in their number (10,000 declarations on ``<model>`` took a minute).
    A declaration dropped here is one ``fragment`` would drop from every element, so nothing kept changes.
    """
    declared = {prefix for prefix in root.nsmap if prefix is not None}
    if len(declared) <= _MANY_PREFIXES:
        return
    text: str = etree.tostring(root, encoding="unicode")
    found = prefix_counts(text, declared)
    own: Counter[str] = Counter()
    for match in _PREFIXED_DECLARATION.finditer(text):  # "xmlns:a" is no use of a, but a="a:…" would count
        own += prefix_counts(match.group(), {match.group(1)})
    used = [prefix for prefix in declared if found[prefix] > own[prefix]]
    etree.cleanup_namespaces(root, keep_ns_prefixes=used)


def child_fragments(section: etree._Element, local: str) -> list[str]:
    """``fragment(child)`` of each child of ``section``, all of them ``<local>`` elements of the exchange namespace."""
    cut = Serialized(section).cut(local, len(section))
    return cut if cut is not None else [fragment(child) for child in section.iterchildren(etree.Element)]


class Serialized:
    """An element's serialization, from which the elements inside it can be cut out as ``fragment`` gives them.

    Serializing an element apart declares, first, the namespace of its tag, then those of its
    attributes, then every other one in scope; the unused prefixed ones are then dropped. With the
    exchange namespace as the default and only ``xsi`` (or unused prefixes) besides, that is
    ``xmlns="…"`` and, when the element uses it, ``xmlns:xsi="…"``. Where the text could hide
    anything else (comments, declarations inside it, a prefix that reads as used in a declaration),
    nothing is cut (``plain`` is False).
    """

    def __init__(self, element: etree._Element) -> None:
        self.scope: dict[str | None, str] = element.nsmap
        #: The element's serialization; its start tag, up to ``start``, declares every namespace in scope.
        self.text: str = etree.tostring(element, encoding="unicode", with_tail=False)
        self.start = self.text.find(">") + 1
        self._others = [prefix for prefix in self.scope if prefix not in (None, "xsi")]
        declared = "".join(self.scope.values())
        self.plain = (self.scope.get(None) == NAMESPACE and self.scope.get("xsi", XSI) == XSI
                      and not prefix_counts(declared, {*self._others, "xsi"})
                      and "<!--" not in self.text and "<?" not in self.text and self.text.find("xmlns", self.start) < 0)

    @property
    def head(self) -> str:
        return self.text[:self.start]

    def cut(self, local: str, count: int) -> list[str] | None:
        """The fragments of the ``count`` elements ``<local>`` inside, or None where they could differ.

        ``<local `` starts nothing else in a plain serialization: not the element's own start tag
        (``<elements `` is not ``<element ``) nor its end tag, which the last piece leaves out.
        """
        if not self.plain:
            return None
        pieces = self.text.split(f"<{local} ")
        if len(pieces) - 1 != count:
            return None
        closing = f"</{local}>"
        pieces = [_element_only(piece, closing) for piece in pieces[1:]]
        others = set(self._others)
        if any(prefix_counts(piece, others) for piece in pieces):
            return None
        plain, declared = f"<{local}{_DEFAULT} ", f"<{local}{_DEFAULT}{_XSI} "
        if "xsi" not in self.scope:
            return [plain + piece for piece in pieces]
        return [(declared if "xsi:" in piece else plain) + piece for piece in pieces]


def _element_only(piece: str, closing: str) -> str:
    """A cut piece without what follows the element (its tail, and after the last one the end of its parent)."""
    end = piece.rfind(closing)
    return piece[:end + len(closing)] if end >= 0 else piece[:piece.find(">") + 1]
