"""What the export knows about the fragments an import kept, so that it can write them as text.

Writing a kept fragment back as it is needs three things known about it: that it is one well-formed
element in its normal form (as lxml serializes it), which identifiers it holds, and, for a
relationship, its ends; a kept diagram also needs the identifiers it holds and names. The import
that made the fragments knows all of it (``register``); an archive from anywhere else (a model file,
a test) is checked once by parsing every fragment (``kept_check``), and the result remembered for as
long as the archive lives. Archives are immutable, so what was found stays true.
"""

from __future__ import annotations

import hashlib
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field

from model.elements import ElementBase
from model.exchange import ExchangeArchive
from model.views import Bounds, Route, ViewInfo

Layouts = Mapping[str, Bounds | Route]


@dataclass(frozen=True)
class DiagramIndex:
    """The identifiers a kept diagram holds (its nodes and connections) and those it names."""

    items: frozenset[str] = frozenset()
    elements: frozenset[str] = frozenset()
    relationships: frozenset[str] = frozenset()
    views: frozenset[str] = frozenset()
    #: conceptRef values (a label's element or relationship).
    concepts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class KeptIndex:
    #: Identifiers held by the kept elements, relationships and property definitions.
    claimed: frozenset[str]
    #: Kept relationship -> (source, target) as written in it.
    relationship_ends: dict[str, tuple[str, str]]
    #: Kept diagram (by view id) -> what it holds and names.
    diagrams: dict[str, DiagramIndex] = field(default_factory=dict)
    #: The archive with every fragment in normal form, where the archive itself is not (one the import did
    #: not make). The index never refers to its own archive: that would keep the archive alive.
    normal: ExchangeArchive | None = None

    def archive(self, archive: ExchangeArchive) -> ExchangeArchive:
        """The fragments of ``archive`` (the one this index is of) in normal form."""
        return self.normal if self.normal is not None else archive


#: id(archive) -> (a weak reference to it, what is known); single dict operations need no lock.
_indexes: dict[int, tuple[weakref.ref[ExchangeArchive], KeptIndex]] = {}


def register(archive: ExchangeArchive, index: KeptIndex) -> None:
    """Remember what is known of ``archive`` for as long as it lives."""
    key = id(archive)

    def forget(reference: weakref.ref[ExchangeArchive], indexes: dict[int, tuple[weakref.ref[ExchangeArchive],
                                                                              KeptIndex]] = _indexes) -> None:
        entry = indexes.get(key)
        if entry is not None and entry[0] is reference:
            indexes.pop(key, None)

    _indexes[key] = (weakref.ref(archive, forget), index)


def registered(archive: ExchangeArchive) -> KeptIndex | None:
    """What was registered for ``archive`` while it lives, if anything."""
    entry = _indexes.get(id(archive))
    return entry[1] if entry is not None and entry[0]() is archive else None


def layout_fingerprint(view: ViewInfo, language: str | None, layouts: Layouts,
                       ends: Mapping[str, tuple[str, str] | None], elements: Mapping[str, ElementBase]) -> str:
    """A short hash of everything the export reads from the model to patch a kept diagram.

    That is the view's name and documentation, the model language, where the view places each
    element (and its kind), how it routes each relation, and the ends each routed relation is
    written with. The import records it for the diagram as it left it; the same value at export
    means the diagram needs no patching, once the identifiers it holds and names are checked too.
    """
    placed: list[tuple[object, ...]] = []
    for item_id in sorted(layouts):
        layout = layouts[item_id]
        if isinstance(layout, Bounds):
            element = elements.get(item_id)
            kind = str(element.kind) if element is not None else None
            placed.append((item_id, kind, layout.x, layout.y, layout.w, layout.h))
        else:
            placed.append((item_id, ends.get(item_id), tuple((p.x, p.y) for p in layout.bends)))
    text = repr((view.id, view.name, view.documentation, language, placed))
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
