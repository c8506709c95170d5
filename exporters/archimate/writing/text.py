"""Exchange XML as text: the export writes what Steelframe generates straight to text and puts kept
fragments in as the strings they are, instead of building and serializing a tree.

The text is byte for byte what lxml wrote for the same tree laid out with ``etree.indent``: the same
escaping, ``<x/>`` for an element with nothing in it, ``<x></x>`` for an empty text, each child on a
line of its own two spaces deeper than its parent. ``Tag`` is a generated element;
``as_element`` turns one into an lxml element where a kept fragment is patched as a tree.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lxml import etree  # lxml ships no type hints

from exporters.archimate.mapping import NAMESPACE, XML_NS, XSI

#: The namespace declarations of the document's root element, which kept fragments need not repeat.
ROOT_DECLARATIONS = (f' xmlns="{NAMESPACE}"', f' xmlns:xsi="{XSI}"')
_QUALIFIED = {"xsi:type": f"{{{XSI}}}type", "xml:lang": f"{{{XML_NS}}}lang"}
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;",
                            "\t": "&#9;"})


#: Most texts need no escaping; one regular-expression search says so several times faster than translating.
_TEXT_SPECIAL = re.compile("[&<>\r]").search
_ATTRIBUTE_SPECIAL = re.compile('[&<>"\n\r\t]').search


def escape_text(text: str) -> str:
    return text if _TEXT_SPECIAL(text) is None else text.translate(_TEXT)


def escape_attribute(value: str) -> str:
    return value if _ATTRIBUTE_SPECIAL(value) is None else value.translate(_ATTRIBUTE)


class Tag(NamedTuple):
    """A generated element of the exchange namespace: attributes by prefixed name, then text or children.

    ``content`` is None for an element with nothing in it, a string for one of text only, or a list
    of children: tags, or kept fragments as text.
    """

    name: str
    attributes: tuple[tuple[str, str], ...] = ()
    content: str | list[Tag | str] | None = None


def render(tag: Tag, depth: int) -> str:
    """The tag's XML, its children laid out for a tag ``depth`` levels below the root."""
    parts: list[str] = []
    _render(tag, depth, parts)
    return "".join(parts)


def _render(tag: Tag, depth: int, parts: list[str]) -> None:
    name, attributes, content = tag
    start = "<" + name
    if attributes:
        start += "".join([f' {attribute}="{escape_attribute(value)}"' for attribute, value in attributes])
    if not content:
        parts.append(start + ("></" + name + ">" if content == "" else "/>"))
    elif content.__class__ is str:
        parts.append(f"{start}>{escape_text(content)}</{name}>")  # type: ignore[arg-type]
    else:
        parts.append(start + ">")
        indent = "\n" + "  " * (depth + 1)
        for child in content:
            if child.__class__ is str:
                parts.append(indent + child)  # type: ignore[operator]
            else:
                parts.append(indent)
                _render(child, depth + 1, parts)  # type: ignore[arg-type]
        parts.append(f"\n{'  ' * depth}</{name}>")


def lay_out(children: list[str], depth: int) -> str:
    """Children already written, each on its own line below a parent ``depth`` levels below the root."""
    indent = "\n" + "  " * (depth + 1)
    return indent + indent.join(children) + "\n" + "  " * depth


def as_element(tag: Tag) -> etree._Element:
    """The tag as an lxml element (not laid out), to insert in a kept fragment being patched."""
    element = etree.Element(f"{{{NAMESPACE}}}{tag.name}", {_QUALIFIED.get(a, a): v for a, v in tag.attributes})
    if isinstance(tag.content, str):
        element.text = tag.content
    elif tag.content:
        for child in tag.content:
            assert isinstance(child, Tag), "kept text goes into documents, not trees"
            element.append(as_element(child))
    return element


def kept_text(raw: str) -> str:
    """A kept fragment as it goes into the document: without the declarations the root already makes.

    Only the fragment's own start tag is looked at; a declaration there that the root makes as well
    (the same prefix for the same namespace) is redundant below the root, as lxml finds it too.
    """
    end = raw.find(">")
    head = raw[:end]
    default, xsi = ROOT_DECLARATIONS
    if xsi in head:
        head = head.replace(xsi, "", 1)
    elif default not in head:
        return raw
    return head.replace(default, "", 1) + raw[end:]
