"""The quick check of an exchange file: one pass that can only say "valid" or "not sure".

The full walk of ``import_validation`` explains every problem, but spends several microseconds on
each XML element, and a large file has tens of thousands. This pass applies the same rules compiled
from ``import_schema.SPECS`` into tables (``import_quick_tables``): a state machine per content
model, a plan per list of attribute names, the key of each typed element. Attribute values are
gathered per plan and checked a column at a time; values and styles found good are remembered;
references are resolved with sets. It accepts nothing the full walk refuses: whatever it does not
recognise at once (a problem, or only something unusual such as a padded identifier or a prefixed
xsi:type) makes it answer "not sure", and the caller then runs the full walk, which either words the
problem or accepts the file.
"""

from __future__ import annotations

import re

from lxml import etree  # lxml ships no type hints

from exporters.archimate.reading.fragments import Serialized
from exporters.archimate.schema.columns import Columns, Unsure
from exporters.archimate.schema.tables import (
    ANY,
    COMPILED,
    NAMESPACE,
    NS,
    STYLE,
    TYPED,
    UNTYPED,
    XSI,
    Compiled,
    typed_key,
)
from exporters.archimate.schema.validation import walk_in_full

_WHITESPACE = " \t\n\r"
_XSI_TYPE = XSI + "type"
#: A style start tag and what follows up to its end tag (a style holds no other style when it is good).
_STYLE_BLOCK = re.compile(r"<style(?:\s[^>]*?)?/>|<style(?:\s[^>]*)?>.*?</style>", re.S)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def validate(root: etree._Element, source: str, views: Serialized | None = None) -> bool:
    """Whether a valid exchange file is plain; ExchangeImportError for one that is not valid.

    Plain: the quick check accepted it as it is, and it holds no extension elements. A file the
    quick check is not sure of is walked in full, which words the first problem or accepts it.
    ``views`` is the serialization of the model's ``<views>``, when the caller has one.
    """
    quick = quick_check(root, views)
    if quick is not None:
        return quick
    walk_in_full(root, source)
    return False


def quick_check(root: etree._Element, views: Serialized | None = None) -> bool | None:
    """None when not sure; else the file is certainly valid (the full walk would accept it), and True when it
    holds no extension elements either (the content of those is not looked into).

    ``views`` is the serialization of the model's ``<views>``, in which the styles are checked at once.
    """
    scan = _Scan()
    try:
        scan.visit(root, COMPILED["model"], None)
        scan.check_styles(root, views)
        scan.resolve()
    except Unsure:
        return None
    return not scan.extensions


def _text_only(element: etree._Element) -> None:
    for child in element:
        if isinstance(child.tag, str):
            raise Unsure


class _Scan(Columns):
    """One quick check: the walk and the styles (``Columns`` gathers the attributes and resolves them)."""

    def __init__(self) -> None:
        super().__init__()
        #: Typed tag -> xsi:type as written -> (content model, type, prefix the element's own must be).
        self.typed: dict[str, dict[str | None, tuple[Compiled, str | None, str | bool | None] | None]] = {
            tag: {} for tag in TYPED}
        #: The styles met (they are checked together, ``check_styles``), and serialized ones found good.
        self.style_count = 0
        self.styles: set[bytes | str] = set()
        #: Whether an element of another namespace (an extension) was met.
        self.extensions = False

    # ------------------------------------------------------------------ the walk

    def visit(self, element: etree._Element, spec: Compiled, view: str | None) -> None:
        names = element.keys()
        if names:
            key = tuple(names)
            plan = self.plans[spec.number].get(key)
            if plan is None:
                plan = self.plan(spec, key)
            values = element.values()
            if plan.drawn:
                values.append(view)
                if spec.is_view:
                    view = element.get("identifier")
            plan.rows.append(values)
        elif spec.required:
            raise Unsure
        text = element.text
        if text and text.strip(_WHITESPACE):
            raise Unsure
        count = len(element)
        if not count:
            if spec.empty_ok:
                return
            raise Unsure
        if count == 1 and spec.style_alone:  # a node or connection with its style only: the usual case
            child = element[0]
            if child.tag == STYLE:
                text = child.tail
                if text and text.strip(_WHITESPACE):
                    raise Unsure
                self.style_count += 1
                return
        self._children(element, spec, view)

    def _children(self, element: etree._Element, spec: Compiled, view: str | None) -> None:
        """Each child in its place in the content model, and then the child itself."""
        states = spec.states
        state = 0
        typed = self.typed
        for child in element[:]:
            text = child.tail
            if text and text.strip(_WHITESPACE):
                raise Unsure
            tag = child.tag
            if tag.__class__ is not str:
                continue  # a comment or processing instruction
            following = states[state].get(tag)
            if following is None:
                state = self._extension(states[state], tag)
                continue  # not looked into
            state = following
            if tag in typed:
                known, raw = typed[tag], child.get(_XSI_TYPE)
                found = known[raw] if raw in known else self._type(tag, raw)
                if found is None or (found[2] is not False and child.prefix != found[2]):
                    raise Unsure  # the full walk looks the xsi:type's prefix up
                self.visit(child, found[0], view)
                continue
            child_spec = UNTYPED[tag]
            if child_spec.text:
                if child.keys() or child_spec.required or len(child):
                    self.visit_text(child, child_spec)
            elif tag == STYLE:
                self.style_count += 1
            else:
                self.visit(child, child_spec, view)
        if state not in spec.accepting:
            raise Unsure

    def visit_text(self, element: etree._Element, spec: Compiled) -> None:
        """An element of text only (a name, documentation, label, value) with attributes or children."""
        names = tuple(element.keys())
        if names:
            plan = self.plans[spec.number].get(names) or self.plan(spec, names)
            plan.rows.append(element.values())
        elif spec.required:
            raise Unsure
        if len(element):
            _text_only(element)

    def _extension(self, table: dict[str, int], tag: str) -> int:
        """The next state after an element of another namespace, where the content model allows one."""
        following = table.get(ANY)
        if following is None or tag.startswith(NS):
            raise Unsure
        self.extensions = True
        return following

    def _type(self, tag: str, raw: str | None) -> tuple[Compiled, str | None, str | bool | None] | None:
        """The content model of a typed element, remembered by xsi:type as written."""
        found = typed_key(tag, raw)
        resolved = None if found is None else (COMPILED[found[0]], found[1], found[2])
        self.typed[tag][raw] = resolved
        return resolved

    def check_styles(self, root: etree._Element, views: Serialized | None) -> None:
        """Every style of every node and connection; they have no identifiers, so one found good is good anywhere.

        In a plain serialization of ``<views>`` (no comments, no extensions, the exchange namespace
        the default one and no prefix for it) every ``<style`` starts a style: with as many of them
        as the walk met, each a good style by itself, every style is good. Else each style is
        serialized and checked apart.
        """
        if not self.style_count:
            return
        if views is not None and views.plain and not self.extensions and NAMESPACE not in (
                uri for prefix, uri in views.scope.items() if prefix is not None):
            blocks = _STYLE_BLOCK.findall(views.text, views.start)
            if len(blocks) == self.style_count:
                wrapper = "<wrapper" + views.head[len("<views"):]
                for block in set(blocks):
                    self._style_text(wrapper + block + "</wrapper>")
                return
        for style in root.iter(STYLE):
            serialized = etree.tostring(style, with_tail=False)
            if serialized not in self.styles:
                self.visit(style, UNTYPED[STYLE], None)
                self.styles.add(serialized)

    def _style_text(self, document: str) -> None:
        try:
            wrapper = etree.fromstring(document, _parser())
        except etree.XMLSyntaxError:
            raise Unsure from None
        if len(wrapper) != 1 or wrapper[0].tag != STYLE or wrapper.text or wrapper[0].tail:
            raise Unsure
        self.visit(wrapper[0], UNTYPED[STYLE], None)
