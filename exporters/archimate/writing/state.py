"""What one export run shares between its parts: the model, its language, the document's id space,
the property definitions, the kept fragments with what is known of them, and what has been written."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree  # lxml ships no type hints

from exporters.archimate.kept.contract import KeptIndex
from exporters.archimate.writing.properties import PropertyTable
from exporters.archimate.writing.text import kept_text
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

    def claim_all(self, identifiers: Iterable[str]) -> None:
        """Reserve identifiers the file keeps whether or not something already holds them."""
        self._used.update(identifiers)

    def free(self, identifiers: frozenset[str]) -> bool:
        """Whether none of ``identifiers`` is held yet."""
        return self._used.isdisjoint(identifiers)

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
    #: What the import kept, every fragment in normal form (None for a model born in Steelframe).
    archive: ExchangeArchive | None = None
    index: KeptIndex | None = None
    model_identifier: str = ""
    #: Identifiers of the elements written (Steelframe and foreign).
    elements_written: set[str] = field(default_factory=set)
    #: Written relationship id -> (source, target) as written.
    relationship_ends: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: Ids of the views written.
    view_ids: set[str] = field(default_factory=set)
    #: Kept diagrams of the views still in the model: parsed with ids made unique, or None while the
    #: diagram's identifiers were all free (it is parsed only if it has to be patched).
    kept_views: dict[str, XElement | None] = field(default_factory=dict)
    #: The kept <organizations>, parsed.
    organizations: XElement | None = None

    @property
    def lang(self) -> str | None:
        return self.model.settings.language or None

    def written(self, identifier: str) -> bool:
        """Whether an element, relationship or view of that id is in the document."""
        return (identifier in self.elements_written or identifier in self.relationship_ends
                or identifier in self.view_ids)


def serialized(element: XElement) -> str:
    """A kept fragment patched as a tree, as text for the document."""
    return kept_text(etree.tostring(element, encoding="unicode", with_tail=False))
