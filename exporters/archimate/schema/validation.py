"""The structural check of an exchange file: what the Open Group schema and Archi's importer reject.

One walk in document order checks each element against ``import_schema.SPECS`` (children, order,
attributes, datatypes, xsi:type) and collects identifiers and references; the references are then
resolved in the same order, so the first problem reported is the first one in the file. Every
problem is refused as ``FILE:LINE: reason`` with the line of the offending element.

That walk is thorough but slow on a large file, so ``import_quick.validate`` first asks the quick
check, which accepts only files this walk accepts; this walk runs when the quick check is not sure.
"""

from __future__ import annotations

from typing import NamedTuple, NoReturn

from lxml import etree  # lxml ships no type hints

from exporters.archimate.errors import refuse
from exporters.archimate.mapping import NAMESPACE, XML_NS, XSI
from exporters.archimate.schema.datatypes import CHECKS, collapse, is_ncname
from exporters.archimate.schema.structure import (
    ANY,
    CONNECTION_TYPES,
    ELEMENT_TYPES,
    NODE_TYPES,
    REFERENCE_TARGETS,
    RELATIONSHIP_ATTRIBUTES,
    RELATIONSHIP_TYPES,
    SPECS,
    UNNAMED_ELEMENT_TYPES,
    Spec,
)
from model.ids import ID_MAX_LENGTH, is_identifier
from model.safe_text import echo

NS = "{" + NAMESPACE + "}"
_NS_LENGTH = len(NS)
XSI_TYPE = "{" + XSI + "}type"
_XSI = "{" + XSI + "}"
_XML = "{" + XML_NS + "}"
_WHITESPACE = " \t\n\r"
#: Items whose identifiers become Steelframe ids (or keys of what an import keeps), which are ASCII.
_STEELFRAME_FAMILIES = frozenset({"model", "element", "relationship", "propertyDefinition", "view"})
_RELATIONSHIP_CONNECTIONS = frozenset({"Relationship", "NestingRelationship"})
#: Elements whose content model depends on their xsi:type.
_TYPED = frozenset({"element", "relationship", "node", "connection", "view"})
_ARTICLES = {"element": "an element", "relationship": "a relationship", "node": "a node", "connection": "a connection",
             "view": "a view", "viewpoint": "a viewpoint", "propertyDefinition": "a propertyDefinition",
             "item": "an organization item", "model": "the model"}


class Identified(NamedTuple):
    family: str
    element: etree._Element
    type: str | None
    #: The view a node or connection belongs to.
    view: str | None


class _Reference(NamedTuple):
    element: etree._Element
    family: str
    attribute: str
    value: str
    view: str | None


def walk_in_full(root: etree._Element, source: str) -> dict[str, Identified]:
    """Every identifier of a valid exchange file, with what it names; ExchangeImportError naming the first problem."""
    walk = _Walk(source)
    walk.visit(root, "model", None, None)
    walk.resolve()
    return walk.ids


class _Walk:
    """One validation run: the identifiers met so far and the references still to resolve."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.ids: dict[str, Identified] = {}
        self.references: list[_Reference] = []

    def fail(self, element: etree._Element, reason: str) -> NoReturn:
        refuse(self.source, element.sourceline, reason)

    # ------------------------------------------------------------- structure

    def visit(self, element: etree._Element, key: str, kind: str | None, view: str | None) -> None:
        spec = SPECS[key]
        family = spec.family
        attributes = element.items()
        if attributes or spec.required:
            self._attributes(element, attributes, spec, kind, view)
        if family == "view":
            view = collapse(element.get("identifier", ""))
        if spec.text:
            if len(element):
                self._text_only(element, family)
        elif spec.slots or len(element) or element.text:
            self._children(element, spec, family, view)

    def _text_only(self, element: etree._Element, family: str) -> None:
        for child in element:
            if isinstance(child.tag, str):
                self.fail(child, f"<{family}> holds text only, not a <{_local(child.tag)}>")

    def _children(self, element: etree._Element, spec: Spec, family: str, view: str | None) -> None:
        slots = spec.slots
        last = len(slots)
        text = element.text
        if text and text.strip(_WHITESPACE):
            self._text(element, text, family)
        index, count = 0, 0
        counts: dict[str, int] = {}
        visit, key_of = self.visit, self._key
        for child in element:
            text = child.tail
            if text and text.strip(_WHITESPACE):
                self._text(element, text, family)
            tag = child.tag
            if not isinstance(tag, str):
                continue  # a comment or processing instruction
            name = tag[_NS_LENGTH:] if tag.startswith(NS) else ANY
            if spec.unordered:
                self._unordered(element, spec, child, name, counts)
            else:
                while index < last and slots[index].tag != name:
                    if count < slots[index].low:
                        self._missing(element, family, slots[index].tag, child)
                    index, count = index + 1, 0
                if index == last:
                    self._unexpected(element, spec, family, child)
                count += 1
                if count > slots[index].high:
                    self.fail(child, f"<{family}> has more than one <{name}>")
            if name != ANY:
                if name in _TYPED:
                    child_key, kind = key_of(child, name)
                    visit(child, child_key, kind, view)
                else:
                    visit(child, name, None, view)
        for slot in slots[index:] if not spec.unordered else ():
            if count < slot.low:
                self._missing(element, family, slot.tag, None)
            count = 0

    def _unordered(
        self, element: etree._Element, spec: Spec, child: etree._Element, name: str, counts: dict[str, int]
    ) -> None:
        """Children of an ``xs:all`` (a style): any order, each at most once."""
        slot = next((s for s in spec.slots if s.tag == name), None)
        if slot is None:
            self._unexpected(element, spec, spec.family, child)
        counts[name] = counts.get(name, 0) + 1
        if counts[name] > slot.high:
            self.fail(child, f"<{spec.family}> has more than one <{name}>")

    def _text(self, element: etree._Element, text: str, family: str) -> NoReturn:
        shown = " ".join(text.split())[:40]
        self.fail(element, f"<{family}> holds elements only, not the text {shown!r}")

    def _missing(self, element: etree._Element, family: str, tag: str, before: etree._Element | None) -> NoReturn:
        where = f" before <{_local(before.tag)}>" if before is not None else ""
        self.fail(element, f"<{family}> lacks a <{tag}>{where}")

    def _unexpected(self, element: etree._Element, spec: Spec, family: str, child: etree._Element) -> NoReturn:
        local = _local(child.tag)
        order = ", ".join(dict.fromkeys(s.tag if s.tag != ANY else "extensions" for s in spec.slots))
        if not child.tag.startswith(NS):
            self.fail(child, f"<{local}> of namespace {_namespace(child.tag)} is not allowed here in <{family}>")
        if any(s.tag == local for s in spec.slots):
            self.fail(child, f"<{local}> is out of order in <{family}>, whose children come in the order {order}")
        self.fail(child, f"<{local}> is not allowed in <{family}>" + (f" (it holds {order})" if order else ""))

    def _key(self, child: etree._Element, name: str) -> tuple[str, str | None]:
        """The content model of a child: abstract elements take theirs from their xsi:type."""
        if name not in _TYPED:
            return name, None
        if name == "element":
            kind = self._xsi_type(child, name, ELEMENT_TYPES, "an ArchiMate 3.1 element type")
            return ("element:unnamed" if kind in UNNAMED_ELEMENT_TYPES else "element"), kind
        if name == "relationship":
            kind = self._xsi_type(child, name, RELATIONSHIP_TYPES, "an ArchiMate 3.1 relationship type")
            return ("relationship:" + kind if kind in RELATIONSHIP_ATTRIBUTES else "relationship"), kind
        if name == "node":
            kind = self._xsi_type(child, name, NODE_TYPES, "a node type (Element, Container or Label)")
            return f"node:{kind}", kind
        if name == "connection":
            kind = self._xsi_type(child, name, CONNECTION_TYPES, "a connection type (Relationship or Line)")
            return f"connection:{'Relationship' if kind in _RELATIONSHIP_CONNECTIONS else kind}", kind
        if name == "view" and child.get(XSI_TYPE) is not None:
            self._xsi_type(child, name, frozenset({"Diagram"}), "a view type (Diagram)")
        return name, None

    def _xsi_type(self, element: etree._Element, family: str, allowed: frozenset[str], words: str) -> str:
        raw = element.get(XSI_TYPE)
        if raw is None:
            self.fail(element, f"<{family}> lacks its xsi:type")
        prefix, _, local = collapse(raw).rpartition(":")
        if local not in allowed or element.nsmap.get(prefix or None) != NAMESPACE:
            self.fail(element, f"<{family}> has xsi:type={raw!r}, which is not {words}")
        return local

    # ------------------------------------------------------------ attributes

    def _attributes(
        self, element: etree._Element, attributes: list[tuple[str, str]], spec: Spec, kind: str | None,
        view: str | None,
    ) -> None:
        allowed = spec.attributes
        family = spec.family
        for qualified, value in attributes:
            name = qualified
            if name[0] == "{":
                if name.startswith(_XSI):
                    continue
                if name.startswith(_XML) and "xml:" + name[len(_XML):] in allowed:
                    name = "xml:" + name[len(_XML):]
                elif spec.open:
                    continue
                else:
                    self.fail(element, f"<{family}> has an attribute {_local(name)} of namespace "
                                       f"{_namespace(name)}, which it does not allow")
            rule = allowed.get(name)
            if rule is None:
                self.fail(element, f"<{family}> has an unknown attribute {name}")
            datatype = rule[0]
            if datatype == "idref":
                self.references.append(_Reference(element, family, name, value, view))
                continue
            problem = CHECKS[datatype](value)
            if problem:
                self.fail(element, f"<{family}> {name}={echo(value)} {problem}")
            if datatype == "id":
                self._identifier(element, family, kind, collapse(value), view)
        for name in spec.required:
            if element.get(name) is None:
                self.fail(element, f"<{family}> lacks the required attribute {name}")

    def _identifier(self, element: etree._Element, family: str, kind: str | None, value: str, view: str | None) -> None:
        if len(value) > ID_MAX_LENGTH:
            self.fail(element, f"<{family}> identifier={echo(value)} is longer than the {ID_MAX_LENGTH} characters "
                               "Steelframe keeps of an identifier")
        if family in _STEELFRAME_FAMILIES and not is_identifier(value):
            self.fail(element, f"<{family}> identifier={echo(value)} is a valid xs:ID, but Steelframe identifiers use "
                               "only ASCII letters, digits, '_', '.' and '-' (at most 200 characters)")
        first = self.ids.get(value)
        if first is not None:
            self.fail(element, f"the identifier {echo(value)} is used twice (first on line {first.element.sourceline})")
        self.ids[value] = Identified(family, element, kind, view)

    # ------------------------------------------------------------ references

    def resolve(self) -> None:
        """Refuse the first reference, in document order, that names nothing or the wrong kind of thing."""
        definitions = any(item.family == "propertyDefinition" for item in self.ids.values())
        for reference in self.references:
            problem = self._problem(reference, definitions)
            if problem:
                where = f"<{reference.family}> {reference.attribute}={reference.value!r}"
                self.fail(reference.element, f"{where} {problem}")

    def _problem(self, reference: _Reference, definitions: bool) -> str | None:
        value = collapse(reference.value)
        if not is_ncname(value):
            return CHECKS["idref"](value)
        wanted = REFERENCE_TARGETS.get((reference.family, reference.attribute))
        target = self.ids.get(value)
        if target is None:
            if wanted == frozenset({"propertyDefinition"}):
                return "names no <propertyDefinition>" + ("" if definitions else " (the file declares none)")
            return "names nothing in the file"
        if wanted is None:
            return None
        if target.family not in wanted:
            expected = " or ".join(_ARTICLES[family] for family in sorted(wanted))
            return f"must name {expected}, not {_ARTICLES.get(target.family, target.family)}"
        if reference.family == "connection" and reference.attribute in ("source", "target"):
            return self._connection_end(reference, target)
        return None

    def _connection_end(self, reference: _Reference, target: Identified) -> str | None:
        if target.view != reference.view:
            return f"names {_ARTICLES[target.family]} of another view"
        kind = collapse(reference.element.get(XSI_TYPE, "")).rpartition(":")[2]
        if kind not in _RELATIONSHIP_CONNECTIONS:
            return None
        if (target.family, target.type) not in (("node", "Element"), ("connection", "Relationship"),
                                                ("connection", "NestingRelationship")):
            return f"is a {target.type} {target.family}: a Relationship connection joins ArchiMate elements"
        return None


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _namespace(tag: str) -> str:
    return tag[1:].partition("}")[0] if tag.startswith("{") else "(none)"
