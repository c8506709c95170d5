"""Property definitions: declared once per property name, kept ones reused, new ones given ids that
clash with nothing else in the file."""

from __future__ import annotations

from collections.abc import Callable

from exporters.archimate.writing.text import Tag, render
from exporters.archimate.xml import children, parse_fragment, shown_child, slug, text_of, xml_text

#: Depth of a concept below the root (``<model><elements><element>``), and of its ``<property>`` elements.
CONCEPT_DEPTH = 2
CONCEPT_PROPERTY_DEPTH = CONCEPT_DEPTH + 2

class PropertyTable:
    """Property name <-> definition identifier, for the kept definitions and the ones this export adds."""

    def __init__(self, kept: dict[str, str], fresh: Callable[[str], str], lang: str | None = None) -> None:
        self._fresh = fresh
        #: Kept definitions (raw) in the order of the file they came from.
        self.kept: list[str] = []
        self._names: dict[str, str] = {}
        self._by_name: dict[str, str] = {}
        self._added: dict[str, str] = {}
        self._added_names: dict[str, str] = {}
        self._made: dict[tuple[str, str], Tag] = {}
        self._texts: dict[tuple[str, str], str] = {}
        for identifier, raw in kept.items():
            definition = parse_fragment(raw)
            shown = shown_child(children(definition, "name"), lang)
            name = text_of(shown) if shown is not None else ""
            self.kept.append(raw)
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

    def make(self, name: str, value: str) -> Tag:
        """``<property>`` with one language-neutral value (codes and identifiers, not prose)."""
        made = self._made.get((name, value))
        if made is None:
            made = Tag("property", (("propertyDefinitionRef", self.ref(name)),), [Tag("value", (), xml_text(value))])
            self._made[(name, value)] = made
        return made

    def concept_text(self, name: str, value: str) -> str:
        """``make``'s property as text where a concept's properties sit (depth 4), made once per name and value:
        most values (kinds, styles, flags) repeat on thousands of concepts."""
        text = self._texts.get((name, value))
        if text is None:
            text = render(self.make(name, value), CONCEPT_PROPERTY_DEPTH)
            self._texts[(name, value)] = text
        return text

    def added(self) -> list[Tag]:
        """New definitions, by property name: ``<propertyDefinition identifier type="string"><name>``."""
        return [Tag("propertyDefinition", (("identifier", identifier), ("type", "string")),
                    [Tag("name", (), xml_text(name))])
                for name, identifier in sorted(self._added.items())]
