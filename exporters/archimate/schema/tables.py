"""``import_schema.SPECS`` compiled for the quick check: qualified names, a state machine per content
model that steps exactly as the full walk's slot counting does, and the key of each typed element."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from exporters.archimate.mapping import NAMESPACE, XML_NS
from exporters.archimate.mapping import XSI as XSI_NAMESPACE
from exporters.archimate.schema.structure import (
    ANY,
    CONNECTION_TYPES,
    ELEMENT_TYPES,
    NODE_TYPES,
    REFERENCE_TARGETS,
    RELATIONSHIP_ATTRIBUTES,
    RELATIONSHIP_TYPES,
    SPECS,
    UNNAMED_ELEMENT_TYPES,
    Slot,
    Spec,
)

NS = "{" + NAMESPACE + "}"
XSI = "{" + XSI_NAMESPACE + "}"
XML_LANG = "{" + XML_NS + "}lang"
STYLE = NS + "style"
ATTRIBUTE_ID = "id"
ATTRIBUTE_REFERENCE = "idref"
#: The bucket of connection ends, which are resolved within their view.
CONNECTION_END = -1
#: Identifiers that become Steelframe ids (ASCII only), as in ``import_validation``.
STEELFRAME_FAMILIES = frozenset({"model", "element", "relationship", "propertyDefinition", "view"})
_WHITESPACE = " \t\n\r"
_RELATIONSHIP_CONNECTIONS = frozenset({"Relationship", "NestingRelationship"})
_TYPES = {"element": ELEMENT_TYPES, "relationship": RELATIONSHIP_TYPES, "node": NODE_TYPES,
          "connection": CONNECTION_TYPES, "view": frozenset({"Diagram"})}
TYPED = frozenset(NS + family for family in _TYPES)

#: The reference attributes, in the order of the scan's buckets: ((family, attribute), the families it may name).
REFERENCE_BUCKETS: tuple[tuple[tuple[str, str], frozenset[str] | None], ...] = tuple(
    (pair, allowed) for pair, allowed in REFERENCE_TARGETS.items()
    if pair[0] != "connection" or pair[1] == "relationshipRef"
)
_BUCKET_OF = {pair: index for index, (pair, _) in enumerate(REFERENCE_BUCKETS)}


class Compiled(NamedTuple):
    number: int
    key: str
    family: str
    #: qualified attribute name -> (datatype, 1 when required, reference bucket)
    attributes: dict[str, tuple[str, int, int]]
    required: int
    open: bool
    text: bool
    #: state -> {qualified child tag, or ANY for another namespace: next state}; the start state is 0.
    states: tuple[dict[str, int], ...]
    accepting: frozenset[int]
    #: Whether the connection joins ArchiMate nodes (a Relationship connection).
    archimate_connection: bool
    #: Whether a Relationship connection may join this node or connection.
    archimate_end: bool
    #: Whether the element may be empty (its start state accepts).
    empty_ok: bool
    is_view: bool
    #: Whether a style may be the element's only child.
    style_alone: bool


def _compile(number: int, key: str, spec: Spec) -> Compiled:
    attributes: dict[str, tuple[str, int, int]] = {}
    for name, (datatype, needed) in spec.attributes.items():
        qualified = XML_LANG if name == "xml:lang" else name
        if datatype == ATTRIBUTE_REFERENCE:
            bucket = CONNECTION_END if spec.family == "connection" and name != "relationshipRef" else _BUCKET_OF[
                (spec.family, name)]
        else:
            bucket = 0
        attributes[qualified] = (datatype, int(needed), bucket)
    states, accepting = (_unordered if spec.unordered else _sequence)(spec.slots)
    return Compiled(number, key, spec.family, attributes, len(spec.required), spec.open, spec.text, states, accepting,
                    key == "connection:Relationship", key in ("node:Element", "connection:Relationship"),
                    0 in accepting, key == "view", states[0].get(STYLE) in accepting)


# ------------------------------------------------------------------ content models as state machines

State = tuple[int, ...]


def _qualified(tag: str) -> str:
    return tag if tag == ANY else NS + tag


def _machine(start: State, names: list[str], step: object, accepts: object) -> tuple[tuple[dict[str, int], ...],
                                                                                   frozenset[int]]:
    """Number the states reachable from ``start`` and tabulate ``step`` between them."""
    assert callable(step) and callable(accepts)
    numbers: dict[State, int] = {start: 0}
    pending = [start]
    tables: list[dict[str, int]] = []
    while pending:
        state = pending.pop(0)
        table: dict[str, int] = {}
        for name in names:
            following = step(state, name)
            if following is None:
                continue
            if following not in numbers:
                numbers[following] = len(numbers)
                pending.append(following)
            table[_qualified(name)] = numbers[following]
        tables.append(table)
    return tuple(tables), frozenset(n for state, n in numbers.items() if accepts(state))


def _sequence(slots: tuple[Slot, ...]) -> tuple[tuple[dict[str, int], ...], frozenset[int]]:
    """The full walk's counting: (slot index, children counted in it, capped at 2)."""
    last = len(slots)

    def step(state: State, name: str) -> State | None:
        index, count = state
        while index < last and slots[index].tag != name:
            if count < slots[index].low:
                return None
            index, count = index + 1, 0
        if index == last or count + 1 > slots[index].high:
            return None
        return index, min(count + 1, 2)

    def accepts(state: State) -> bool:
        index, count = state
        for slot in slots[index:]:
            if count < slot.low:
                return False
            count = 0
        return True

    return _machine((0, 0), list(dict.fromkeys(s.tag for s in slots)), step, accepts)


def _unordered(slots: tuple[Slot, ...]) -> tuple[tuple[dict[str, int], ...], frozenset[int]]:
    """An ``xs:all``: each child at most as often as its slot allows, in any order."""
    names = list(dict.fromkeys(s.tag for s in slots))
    highs = [next(s.high for s in slots if s.tag == name) for name in names]

    def step(state: State, name: str) -> State | None:
        index = names.index(name)
        if state[index] + 1 > highs[index]:
            return None
        return (*state[:index], min(state[index] + 1, 2), *state[index + 1:])

    return _machine(tuple(0 for _ in names), names, step, lambda state: True)


# ------------------------------------------------------------------ typed elements


@cache
def typed_key(tag: str, raw: str | None) -> tuple[str, str | None, str | bool | None] | None:
    """(spec key, xsi:type, prefix the element's own must be) of a typed element; None when not valid at once.

    The prefix is False when there is nothing to look up (a view without xsi:type).
    """
    family = tag[len(NS):]
    if raw is None:
        return ("view", None, False) if family == "view" else None
    prefix, _, kind = raw.strip(_WHITESPACE).rpartition(":")
    if kind not in _TYPES[family]:
        return None
    return _key(family, kind), (None if family == "view" else kind), prefix or None


def _key(family: str, kind: str) -> str:
    if family == "element":
        return "element:unnamed" if kind in UNNAMED_ELEMENT_TYPES else "element"
    if family == "relationship":
        return "relationship:" + kind if kind in RELATIONSHIP_ATTRIBUTES else "relationship"
    if family == "node":
        return "node:" + kind
    if family == "connection":
        return "connection:" + ("Relationship" if kind in _RELATIONSHIP_CONNECTIONS else kind)
    return family


def _untyped() -> Iterator[tuple[str, Compiled]]:
    for key in SPECS:
        if ":" not in key and key not in _TYPES:
            yield NS + key, COMPILED[key]


COMPILED: dict[str, Compiled] = {key: _compile(n, key, spec) for n, (key, spec) in enumerate(SPECS.items())}
#: Qualified tag -> compiled spec of the elements whose content model does not depend on an xsi:type.
UNTYPED: dict[str, Compiled] = dict(_untyped())
__all__ = ["ANY", "COMPILED", "NAMESPACE", "UNTYPED"]
