"""What one export run shares between its parts: the model, its language, the document's id space,
the property definitions, what has been written so far and the kept fragments waiting for their place."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree  # lxml ships no type hints

from exporters.archimate.properties import PropertyTable
from exporters.archimate.xml import XElement
from model.exchange import ExchangeArchive
from model.store import Model


class IdSpace:
    """The one identifier space of an exchange file (concepts, views, nodes, connections, definitions share it)."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def __contains__(self, identifier: object) -> bool:
        return identifier in self._used

    def claim(self, identifier: str) -> bool:
        """Reserve an identifier the file must keep; False when something already holds it."""
        if identifier in self._used:
            return False
        self._used.add(identifier)
        return True

    def fresh(self, base: str) -> str:
        """``base`` if free, else ``base-2``, ``base-3``...: deterministic for a deterministic call order."""
        candidate, n = base, 1
        while candidate in self._used:
            n += 1
            candidate = f"{base}-{n}"
        self._used.add(candidate)
        return candidate


@dataclass
class ExportState:
    model: Model
    ids: IdSpace
    properties: PropertyTable
    archive: ExchangeArchive | None = None
    model_identifier: str = ""
    #: Written element id -> its ArchiMate type (Steelframe and foreign elements).
    element_types: dict[str, str] = field(default_factory=dict)
    #: Written relationship id -> (source, target) as written.
    relationship_ends: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: Ids of the views written.
    view_ids: set[str] = field(default_factory=set)
    #: Parsed kept diagrams of the views still in the model, ids made unique.
    kept_views: dict[str, XElement] = field(default_factory=dict)
    #: Placeholders in the generated tree and the kept fragment that replaces each once it is laid out.
    _pending: list[tuple[XElement, XElement]] = field(default_factory=list)

    @property
    def lang(self) -> str | None:
        return self.model.settings.language or None

    def keep(self, parent: XElement, fragment: XElement) -> None:
        """Place a kept fragment under ``parent``; it goes in after the generated parts are indented."""
        placeholder = etree.SubElement(parent, fragment.tag)
        self._pending.append((placeholder, fragment))

    def put_kept_in_place(self) -> None:
        for placeholder, fragment in self._pending:
            fragment.tail = placeholder.tail
            parent = placeholder.getparent()
            assert parent is not None
            parent.replace(placeholder, fragment)
        self._pending.clear()

    def written(self, identifier: str) -> bool:
        """Whether an element, relationship or view of that id is in the document."""
        return identifier in self.element_types or identifier in self.relationship_ends or identifier in self.view_ids
