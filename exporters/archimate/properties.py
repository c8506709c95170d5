"""Property definitions: declared once per property name, kept ones reused, new ones given ids that
clash with nothing else in the file."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree  # lxml ships no type hints

from exporters.archimate.xml import XElement, children, parse_fragment, q, shown_child, slug, text_of, xml_text

_PROPERTY, _VALUE = q("property"), q("value")


class PropertyTable:
    """Property name <-> definition identifier, for the kept definitions and the ones this export adds."""

    def __init__(self, kept: dict[str, str], fresh: Callable[[str], str], lang: str | None = None) -> None:
        self._fresh = fresh
        #: Kept definitions in the order of the file they came from.
        self.kept: list[XElement] = []
        self._names: dict[str, str] = {}
        self._by_name: dict[str, str] = {}
        self._added: dict[str, str] = {}
        self._added_names: dict[str, str] = {}
        self._made: dict[tuple[str, str], XElement] = {}
        for identifier, raw in kept.items():
            definition = parse_fragment(raw)
            shown = shown_child(children(definition, "name"), lang)
            name = text_of(shown) if shown is not None else ""
            self.kept.append(definition)
            self._names[identifier] = name
            self._by_name.setdefault(name, identifier)

    def name_of(self, identifier: str | None) -> str | None:
        """The property name a definition identifier stands for; None for an unknown identifier."""
        if identifier is None:
            return None
        if identifier in self._names:
            return self._names[identifier]
        return self._added_names.get(identifier)

    def ref(self, name: str) -> str:
        """The definition identifier of ``name``: a kept one, or a new one declared at the end of the file."""
        known = self._by_name.get(name) or self._added.get(name)
        if known is None:
            known = self._fresh("propid-" + slug(name))
            self._added[name] = known
            self._added_names[known] = name
        return known

    def make(self, name: str, value: str, parent: XElement | None = None) -> XElement:
        """``<property>`` with one language-neutral value (codes and identifiers, not prose), under ``parent``.

        Values repeat (``context``, ``true``...): a copy of a made one is several times cheaper to get.
        """
        made = self._made.get((name, value))
        if made is None:
            made = etree.Element(_PROPERTY, {"propertyDefinitionRef": self.ref(name)})
            etree.SubElement(made, _VALUE).text = xml_text(value)
            self._made[(name, value)] = made
        prop = made.__copy__()
        if parent is not None:
            parent.append(prop)
        return prop

    def added(self) -> list[XElement]:
        """New definitions, by property name: ``<propertyDefinition identifier type="string"><name>``."""
        made = []
        for name, identifier in sorted(self._added.items()):
            definition = etree.Element(q("propertyDefinition"), {"identifier": identifier, "type": "string"})
            etree.SubElement(definition, q("name")).text = xml_text(name)
            made.append(definition)
        return made
