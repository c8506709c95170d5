"""Typed change events. Each records an old and a new value, so each knows its own inverse.

Adding is ``old is None``, removing is ``new is None``. Undo and redo replay inverses and
originals; the constraint engine and the canvas read the same events.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Generic, TypeVar, Union

from model.conflicts import Conflict
from model.elements import ElementBase
from model.exchange import ExchangeArchive
from model.relations import RelationBase
from model.settings import Settings, Waiver
from model.views import Bounds, Route, ViewInfo

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class _Change(Generic[T]):
    old: T | None
    new: T | None

    @property
    def added(self) -> bool:
        return self.old is None

    @property
    def removed(self) -> bool:
        return self.new is None


@dataclass(frozen=True, slots=True)
class ElementChange(_Change[ElementBase]):
    id: str

    def inverse(self) -> ElementChange:
        return ElementChange(self.new, self.old, self.id)


@dataclass(frozen=True, slots=True)
class RelationChange(_Change[RelationBase]):
    id: str

    def inverse(self) -> RelationChange:
        return RelationChange(self.new, self.old, self.id)


@dataclass(frozen=True, slots=True)
class ViewChange(_Change[ViewInfo]):
    id: str

    def inverse(self) -> ViewChange:
        return ViewChange(self.new, self.old, self.id)


@dataclass(frozen=True, slots=True)
class LayoutChange(_Change[Bounds | Route]):
    """An element placed, moved or removed in a view (Bounds), or a relation's route (Route)."""

    view: str
    item: str

    def inverse(self) -> LayoutChange:
        return LayoutChange(self.new, self.old, self.view, self.item)


@dataclass(frozen=True, slots=True)
class WaiverChange(_Change[Waiver]):
    id: str

    def inverse(self) -> WaiverChange:
        return WaiverChange(self.new, self.old, self.id)


@dataclass(frozen=True, slots=True)
class ExchangeChange(_Change[ExchangeArchive]):
    """The kept part of an ArchiMate import was set, replaced or dropped."""

    def inverse(self) -> ExchangeChange:
        return ExchangeChange(self.new, self.old)


@dataclass(frozen=True, slots=True)
class SchemaChange(_Change[str]):
    """The JSON Schema the file names for editors (its ``$schema``) was set, replaced or dropped."""

    def inverse(self) -> SchemaChange:
        return SchemaChange(self.new, self.old)


@dataclass(frozen=True, slots=True)
class ConflictChange(_Change[Conflict]):
    """A merge conflict recorded (by a merge) or resolved."""

    id: str

    def inverse(self) -> ConflictChange:
        return ConflictChange(self.new, self.old, self.id)


@dataclass(frozen=True, slots=True)
class SettingsChange(_Change[Settings]):
    def inverse(self) -> SettingsChange:
        return SettingsChange(self.new, self.old)


Change = Union[
    ElementChange, RelationChange, ViewChange, LayoutChange, WaiverChange, SettingsChange, ExchangeChange,
    SchemaChange,
    ConflictChange,
]


class Origin(Enum):
    """Why a transaction happened: a user's edit, or undo/redo replaying one."""

    EDIT = "edit"
    UNDO = "undo"
    REDO = "redo"


@dataclass(frozen=True, slots=True)
class Committed:
    """One finished transaction: what the engine, the undo history and the canvas listen to."""

    label: str
    changes: tuple[Change, ...]
    origin: Origin
