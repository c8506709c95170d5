"""Shared pieces for writing exchange XML: qualified names, language strings, colours, safe parsing,
and edits of kept fragments that leave their own bytes and layout alone."""

from __future__ import annotations

import re
from functools import cache
from typing import TypeAlias

from lxml import etree  # lxml ships no type hints

from exporters.archimate.mapping import NAMESPACE, XML_NS, XSI
from exporters.archimate.writing.text import Tag
from model.errors import ModelError
from model.palette import rgb

#: An lxml element (Any to mypy while lxml has no type hints in this environment).
XElement: TypeAlias = etree._Element

XSI_TYPE = f"{{{XSI}}}type"
XML_LANG = f"{{{XML_NS}}}lang"
NSMAP = {None: NAMESPACE, "xsi": XSI}

#: Characters XML 1.0 cannot hold at all (controls, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NOT_ID = re.compile(r"[^A-Za-z0-9_\-]+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_WRAPPER = f'<wrapper xmlns="{NAMESPACE}" xmlns:xsi="{XSI}">{{}}</wrapper>'


@cache
def q(tag: str) -> str:
    """The exchange namespace's qualified name of ``tag``."""
    return f"{{{NAMESPACE}}}{tag}"


def xml_text(text: str) -> str:
    """``text`` without the characters XML cannot carry (a name typed with a control character)."""
    return _NOT_XML.sub("", text)


def slug(text: str) -> str:
    """``steelframe.kind`` -> ``steelframe-kind``: a piece of an xs:ID made of letters, digits, ``_`` and ``-``."""
    return _NOT_ID.sub("-", text).strip("-") or "x"


def safe_parser() -> etree.XMLParser:
    """No entities, no network, no DTD: kept fragments are data, never instructions."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


def parse_fragment(raw: str) -> XElement:
    """One kept fragment as an element; the exchange namespace applies where the fragment declares none.

    A fragment that is not one well-formed element (a hand-edited model file) is a ModelError.
    """
    body = _XML_DECLARATION.sub("", raw, count=1)
    try:
        wrapper = etree.fromstring(_WRAPPER.format(body), safe_parser())
    except etree.XMLSyntaxError as error:
        raise ModelError(f"the exchange content kept from an import is not well-formed XML: {error}") from None
    found = [child for child in wrapper if isinstance(child.tag, str)]
    if len(found) != 1:
        raise ModelError(f"a fragment kept from an import holds {len(found)} XML elements instead of one")
    element = found[0]
    element.tail = None
    return element


def text_tag(tag: str, text: str, lang: str | None) -> Tag:
    """``<tag xml:lang=lang>text</tag>`` (no xml:lang when the model has no language)."""
    return Tag(tag, (("xml:lang", lang),) if lang else (), xml_text(text))


def colour_tag(tag: str, hex_colour: str, alpha: bool = True) -> Tag:
    r, g, b = rgb(hex_colour)
    return Tag(tag, (("r", str(r)), ("g", str(g)), ("b", str(b)), *((("a", "100"),) if alpha else ())))


def children(owner: XElement, tag: str) -> list[XElement]:
    return [child for child in owner if child.tag == q(tag)]


def text_of(element: XElement) -> str:
    """The text of a name, documentation, label or value, comments inside it left out (as the import reads it)."""
    return (element.text or "") if len(element) == 0 else "".join(element.itertext())


def shown_child(candidates: list[XElement], lang: str | None) -> XElement | None:
    """The child an import shows: the one in the model language, else the first (Archi's rule too)."""
    found = _in_language(candidates, lang)
    if found is None and candidates:
        return candidates[0]
    return found


def _in_language(candidates: list[XElement], lang: str | None) -> XElement | None:
    if lang is None:
        return None
    wanted = lang.lower()
    return next((c for c in candidates if (c.get(XML_LANG) or "").lower() == wanted), None)


def set_language_text(owner: XElement, tag: str, text: str, lang: str | None, *,
                      required: bool = False, after: tuple[str, ...] = ()) -> None:
    """Give ``owner``'s ``tag`` in the model language the value ``text``, keeping other languages as they are.

    The value an import showed, unchanged, leaves every child untouched. Otherwise the child in the
    model language (or one in no language, or without a model language the first) takes the text,
    or goes when the text is empty and the child is not ``required``; when there is no such child a
    new one goes before the others of its tag, else after the last child tagged one of ``after``.
    """
    text = xml_text(text)
    existing = children(owner, tag)
    shown = shown_child(existing, lang)
    if shown is not None and text_of(shown) == text:
        return
    slot = _in_language(existing, lang)
    if slot is None and shown is not None and (lang is None or shown.get(XML_LANG) is None):
        slot = shown
    if slot is not None:
        if text or required:
            for inner in list(slot):
                slot.remove(inner)
            slot.text = text
            if lang:
                slot.set(XML_LANG, lang)
        else:
            detach(slot)
        return
    if not text and (not required or existing):
        return
    new = etree.Element(q(tag), {XML_LANG: lang} if lang else {})
    new.text = text
    if existing:
        insert_laid_out(owner, owner.index(existing[0]), new)
    else:
        preceding = [i for i, child in enumerate(owner) if child.tag in {q(t) for t in after}]
        insert_laid_out(owner, preceding[-1] + 1 if preceding else 0, new)


def detach(element: XElement) -> None:
    """Remove ``element`` from its parent, leaving the whitespace around its siblings as it was."""
    parent = element.getparent()
    if parent is None:
        return
    if element.getnext() is None:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = element.tail
        elif _blank(parent.text):
            parent.text = element.tail
    parent.remove(element)


def insert_laid_out(parent: XElement, index: int, element: XElement, *, inside: bool = True) -> None:
    """Insert ``element`` at ``index``, indented like its new siblings (when they are indented at all).

    ``inside=False`` moves a kept element: its own inner whitespace stays as it was.
    """
    indent = _child_indent(parent)
    if indent is not None:
        if inside:
            indent_under(element, indent)
        if index == 0:
            element.tail = parent.text if len(parent) else _closing(parent, indent)
            parent.text = indent
        else:
            previous = parent[index - 1]
            element.tail = previous.tail
            previous.tail = indent
    parent.insert(index, element)


def indent_under(element: XElement, indent: str, step: str = "  ") -> None:
    """Indent the inside of a new ``element`` that sits at ``indent`` (a newline and spaces)."""
    inner = indent + step
    items = list(element)
    if not items:
        return
    element.text = inner
    for child in items:
        indent_under(child, inner, step)
        child.tail = inner
    items[-1].tail = indent


def _child_indent(parent: XElement) -> str | None:
    """The whitespace before ``parent``'s children, or a guess one level deeper than the parent's own."""
    first: str | None = parent.text
    if len(parent) and first and _blank(first):
        return first
    previous, grandparent = parent.getprevious(), parent.getparent()
    own: str | None = previous.tail if previous is not None else None
    if own is None and grandparent is not None:
        own = grandparent.text
    return own + "  " if own and _blank(own) and "\n" in own else None


def _closing(parent: XElement, indent: str) -> str:
    return indent[:-2] if indent.endswith("  ") else indent


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()
