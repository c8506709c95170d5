"""The elements and relationships of a validated exchange file.

Identifiers, types and ends of every concept are read a column at a time (``Section``); names,
documentation and properties only of the concepts that may mean something to Steelframe
(``ConceptReader.concept``). Names and documentation are read in the model's language (the
language of the model's first ``<name xml:lang>``), falling back on the first one, as Archi does.
Property values are found by the name of their property definition: ``steelframe.*`` properties
carry Steelframe's own attributes, every other one is a foreign property kept by its definition's name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree  # lxml ships no type hints

from exporters.archimate.mapping import NAMESPACE, PREFIX, XML_NS, XSI
from exporters.archimate.schema.datatypes import collapse

NS = "{" + NAMESPACE + "}"
NAME = NS + "name"
DOCUMENTATION = NS + "documentation"
PROPERTIES = NS + "properties"
LABEL = NS + "label"
PROPERTY = NS + "property"
VALUE = NS + "value"
RELATIONSHIP = NS + "relationship"
XML_LANG = "{" + XML_NS + "}lang"
XSI_TYPE = "{" + XSI + "}type"
_WHITESPACE = " \t\n\r"


@dataclass(slots=True)
class Concept:
    """An <element> or <relationship> as read from the file."""

    id: str
    type: str
    element: etree._Element
    name: str = ""
    description: str = ""
    #: ``steelframe.*`` property values by property name.
    steelframe: dict[str, str] = field(default_factory=dict)
    #: Every other property value by the name of its definition (the first one when a name repeats).
    foreign: dict[str, str] = field(default_factory=dict)
    source: str = ""
    target: str = ""
    access_type: str = "Access"


@dataclass
class Section:
    """The concepts of ``<elements>`` or ``<relationships>`` in document order, a column per attribute."""

    elements: list[etree._Element]
    ids: list[str]
    #: The local names of their (already validated) xsi:types.
    types: list[str]
    #: Relationship ends (empty for elements).
    sources: list[str]
    targets: list[str]


def section(root: etree._Element, name: str) -> Section:
    """The children of the model's ``<elements>`` or ``<relationships>`` (an empty section when it has none)."""
    found = root.find(NS + name)
    if found is None:
        return Section([], [], [], [], [])
    relationships = name == "relationships"
    children = list(found.iterchildren(etree.Element))  # validated: only <element>s or <relationship>s

    def column(attribute: str) -> list[str]:
        values: list[str] = [child.get(attribute) for child in children]  # required: never None
        joined = "".join(values)  # identifiers and types hold no white space but what surrounds them
        return [collapse(v) for v in values] if any(c in joined for c in _WHITESPACE) else values

    types = column(XSI_TYPE)
    if ":" in "".join(types):  # prefixed types: their local names
        types = [t.rpartition(":")[2] for t in types]
    return Section(children, column("identifier"), types,
                   column("source") if relationships else [], column("target") if relationships else [])


def text_of(element: etree._Element) -> str:
    """The text of a name, documentation, label or value (comments inside it left out)."""
    if len(element) == 0:
        return element.text or ""
    return "".join(element.itertext())


def pick(candidates: list[etree._Element], language: str | None) -> str:
    """The text in ``language`` if one has it, else the first; "" when there is none."""
    if not candidates:
        return ""
    if language is not None and len(candidates) > 1:
        wanted = language.lower()
        for candidate in candidates:
            if (candidate.get(XML_LANG) or "").lower() == wanted:
                return text_of(candidate)
    return text_of(candidates[0])


def model_language(root: etree._Element) -> str | None:
    """The language of the model's first name that declares one, as written (compared without case)."""
    for child in root.iterchildren(NAME):
        language = collapse(child.get(XML_LANG) or "")
        if language:
            return language
    return None


def xsi_type(element: etree._Element) -> str:
    """The local name of an element's (already validated) xsi:type."""
    return collapse(element.get(XSI_TYPE) or "").rpartition(":")[2]


class ConceptReader:
    """Reads concepts of one file, knowing its property definitions and its language."""

    def __init__(self, root: etree._Element, language: str | None) -> None:
        self.language = language
        self.definitions: dict[str, str] = {}
        for definition in root.iterfind(f"{NS}propertyDefinitions/{NS}propertyDefinition"):
            names = list(definition.iterchildren(NAME))
            self.definitions[collapse(definition.get("identifier") or "")] = pick(names, language)
        #: The definition's name by ``propertyDefinitionRef`` as written (``None`` when absent).
        self._keys: dict[str | None, str] = {}

    def texts(self, element: etree._Element) -> tuple[str, str]:
        """The name and the documentation of an element, a view or the model (which come before anything else)."""
        names: list[etree._Element] = []
        documentation: list[etree._Element] = []
        for child in element:
            tag = child.tag
            if tag == NAME:
                names.append(child)
            elif tag == DOCUMENTATION:
                documentation.append(child)
            elif isinstance(tag, str):
                break
        return pick(names, self.language), pick(documentation, self.language)

    def concept(self, element: etree._Element) -> Concept:
        if len(element):
            name, description = self.texts(element)
            concept = Concept(collapse(element.get("identifier") or ""), xsi_type(element), element, name, description)
            properties = element.find(PROPERTIES)
            if properties is not None:
                self._properties(properties, concept)
        else:  # no name, documentation or properties: the usual relationship
            concept = Concept(collapse(element.get("identifier") or ""), xsi_type(element), element)
        if element.tag == RELATIONSHIP:
            concept.source = collapse(element.get("source") or "")
            concept.target = collapse(element.get("target") or "")
            concept.access_type = collapse(element.get("accessType") or "Access")
        return concept

    def _properties(self, properties: etree._Element, concept: Concept) -> None:
        keys = self._keys
        steelframe, foreign = concept.steelframe, concept.foreign
        for item in properties:
            if item.tag != PROPERTY:
                continue  # a comment or processing instruction
            reference = item.get("propertyDefinitionRef")
            key = keys.get(reference)
            if key is None:
                key = keys[reference] = self.definitions.get(collapse(reference or ""), "")
            if len(item) == 1 and (only := item[0]).tag == VALUE:  # one value: the usual case
                value = text_of(only)
            else:
                value = pick(list(item.iterchildren(VALUE)), self.language)
            target = steelframe if key.startswith(PREFIX) else foreign
            if key not in target:
                target[key] = value
