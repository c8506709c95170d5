"""The three-way merge of flat sections, item by item and attribute by attribute.

A side that changed something wins over a side that did not; the same change on both sides is
no conflict. Two different changes of one attribute keep ours and record theirs. An item deleted
on one side and changed on the other is kept (a deletion is easy to redo, lost work is not) and
recorded; ``repair`` then restores what the other side still uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import ValidationError

from model.elements import ELEMENT_CLASSES
from model.merge.flat import KEYED, SECTIONS, Attributes, Flat, unkeyed
from model.relations import RELATION_CLASSES
from model.settings import Settings, Waiver
from model.vocabulary import ElementKind, RelationKind

Record = dict[str, Any]
T = TypeVar("T")


def union(*maps: Iterable[str]) -> list[str]:
    """Keys of the maps in first-seen order (ours first, so the merged file keeps our order)."""
    return list(dict.fromkeys(key for mapping in maps for key in mapping))


def pick(base: T | None, ours: T | None, theirs: T | None) -> tuple[T | None, bool]:
    """The merged value and whether the two sides disagree (then ours is kept)."""
    if theirs in (ours, base):
        return ours, False
    if ours == base:
        return theirs, False
    return ours, True


class ThreeWay:
    """Merges ``theirs`` into ``ours`` against ``base``; ``conflicts`` collects what it could not decide."""

    def __init__(self, base: Flat, ours: Flat, theirs: Flat) -> None:
        self.base, self.ours, self.theirs = base, ours, theirs
        self.merged: Flat = {}
        self.conflicts: list[Record] = []
        self.kept: list[tuple[str, str, str]] = []  # (section, item, side that deleted it)
        self.renumbered: list[Attributes] = []  # their recorded conflicts whose id ours uses for another

    def run(self) -> Flat:
        for section in SECTIONS:
            self.merged[section] = self._section(section)
        return self.merged

    def conflict(self, kind: str, section: str, item: str, **fields: Any) -> None:
        self.conflicts.append({"kind": kind, "section": section, "item": item, **fields})

    def _section(self, section: str) -> dict[str, Attributes]:
        base, ours, theirs = self.base[section], self.ours[section], self.theirs[section]
        result: dict[str, Attributes] = {}
        for item in union(ours, theirs, base):
            before, mine, other = base.get(item), ours.get(item), theirs.get(item)
            value, disagree = pick(before, mine, other)
            if disagree and (mine is None or other is None):
                value = mine if other is None else other
                self.kept.append((section, item, "theirs" if other is None else "ours"))
            elif disagree and mine is not None and other is not None:
                value = self._item(section, item, before, mine, other)
            if value is not None:
                result[item] = value
        return result

    def _item(
        self, section: str, item: str, base: Attributes | None, ours: Attributes, theirs: Attributes
    ) -> Attributes:
        if section == "conflicts":  # two merges recorded different conflicts under one id: keep both
            self.renumbered.append(theirs)
            return ours
        if ours.get("kind") != theirs.get("kind"):
            self.conflict("attribute", section, item, base=base, ours=ours, theirs=theirs)
            return ours
        before = base or {}
        merged: Attributes = {}
        disputed: list[str] = []
        for key in union(ours, theirs, before):
            value, disagree = pick(before.get(key), ours.get(key), theirs.get(key))
            if disagree:
                disputed.append(key)
            if value is not None:
                merged[key] = value
        if not valid(section, item, merged):
            self.conflict("attribute", section, item, base=base, ours=ours, theirs=theirs)
            return ours
        for key in disputed:
            values = {"base": before.get(key), "ours": ours.get(key), "theirs": theirs.get(key)}
            self.conflict("attribute", section, item, attribute=key, **values)
        return merged


def valid(section: str, item: str, attributes: Attributes) -> bool:
    """Whether merged attributes still make an item (a flow's style and synchrony must agree, ...)."""
    try:
        if section == "elements":
            ELEMENT_CLASSES[ElementKind(attributes["kind"])].model_validate({"id": item, **attributes})
        elif section == "relations":
            RELATION_CLASSES[RelationKind(attributes["kind"])].model_validate({"id": item, **attributes})
        elif section == "waivers":
            Waiver.model_validate({"id": item, **attributes})
        elif section == "settings":
            data = unkeyed(attributes, KEYED["settings"])
            Settings.model_validate({**data, "custom_rules": list(data["custom_rules"].values())})
    except (ValidationError, ValueError, KeyError):
        return False
    return True
