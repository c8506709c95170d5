"""The dependency keys of the live engine: what a read depends on, and what a change touches.

A rule's read records a key (``TrackingReader``); a change marks keys dirty (``Indexes.follow``);
the engine re-evaluates the subjects whose recorded keys were marked. Both sides build keys only
through these constructors, so a read and the change that invalidates it cannot disagree on a tag:
``Key`` is a distinct type, and a hand-made tuple is a type error.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NewType

from model.vocabulary import RelationKind

Key = NewType("Key", tuple[str, ...])


def element(element_id: str) -> Key:
    """The element itself: its attributes, and whether it exists."""
    return Key(("e", element_id))


def relation(relation_id: str) -> Key:
    """The relation itself: its attributes, ends, and whether it exists."""
    return Key(("r", relation_id))


def outgoing(element_id: str, kind: RelationKind) -> Key:
    """Which relations of ``kind`` start at the element."""
    return Key(("o", element_id, kind))


def incoming(element_id: str, kind: RelationKind) -> Key:
    """Which relations of ``kind`` end at the element."""
    return Key(("i", element_id, kind))


def referrers(element_id: str) -> Key:
    """Which relations name the element in an attribute (a flow's event, topic or facts)."""
    return Key(("ref", element_id))


def waiver(waiver_id: str) -> Key:
    """The waiver itself."""
    return Key(("wv", waiver_id))


def waivers_for(rule_id: str, elements: Iterable[str]) -> Key:
    """The waivers of this rule for exactly these ids (in any order)."""
    return Key(("w", rule_id, *sorted(set(elements))))


def sync_out(boundary: str) -> Key:
    """The synchronous flows leaving this boundary for another."""
    return Key(("so", boundary))


def sync_in(boundary: str) -> Key:
    """The synchronous flows entering this boundary from another."""
    return Key(("si", boundary))


def sync_cycle(boundary: str) -> Key:
    """The cycle of synchronous calls this boundary lies on."""
    return Key(("scc", boundary))
