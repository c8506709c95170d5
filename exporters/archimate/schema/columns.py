"""The attributes the quick check (``import_quick``) gathers, checked a column at a time, then the references.

Elements of one content model with the same attribute names, in the same order, share a ``Plan``:
its rows are their attribute values. At the end each column is checked at once: values of a
datatype against those already found good, identifiers with one pattern over the whole column,
references gathered by what they must name and resolved with sets.
"""

from __future__ import annotations

import re
from itertools import repeat
from typing import Any

from exporters.archimate.schema.datatypes import CHECKS, NCNAME
from exporters.archimate.schema.tables import (
    ATTRIBUTE_ID,
    ATTRIBUTE_REFERENCE,
    COMPILED,
    CONNECTION_END,
    REFERENCE_BUCKETS,
    STEELFRAME_FAMILIES,
    XSI,
    Compiled,
)
from model.ids import ID_MAX_LENGTH

#: Steelframe identifiers (model.ids, which are NCNames too), each followed by a newline.
_STEELFRAME_IDS = re.compile(r"(?:[A-Za-z_][A-Za-z0-9_.\-]*\n)*")
#: The families of a view's nodes and connections, which a connection may join.
_DRAWN = frozenset({"node", "connection"})
#: What a plan does with a column of attribute values.
_CHECK, _REFERENCE, _END, _ID = range(4)


class Unsure(Exception):
    """Something the quick check does not accept at once: the full walk decides."""


class Plan:
    """The attributes of the elements of one content model that have the same attribute names, in order."""

    def __init__(self, spec: Compiled, actions: list[tuple[int, int, Any]]) -> None:
        self.spec = spec
        self.actions = actions
        #: The attribute values of each such element (with its view appended where the family needs it).
        self.rows: list[list[str | None]] = []
        #: Whether each row ends with the view the element is in (the view's own row: the view it is in, None).
        self.drawn = spec.family in _DRAWN or spec.is_view


class Columns:
    """The attribute values gathered so far, and what is known to be good."""

    def __init__(self) -> None:
        self.plans: list[dict[tuple[str, ...], Plan]] = [{} for _ in COMPILED]
        self.identifiers: list[str] = []
        self.families: dict[str, list[str]] = {}
        self.references: list[list[str]] = [[] for _ in REFERENCE_BUCKETS]
        #: Node or connection identifier -> (its view, whether a Relationship connection may join it).
        self.drawn: dict[str, tuple[str | None, bool]] = {}
        #: (connection end, its view, whether it must be an ArchiMate node or a Relationship connection)
        self.ends: list[tuple[str, str | None, bool]] = []
        #: Values found good, by datatype (coordinates, colours and font sizes repeat).
        self.good: dict[str, set[str]] = {datatype: set() for datatype in CHECKS}

    def plan(self, spec: Compiled, names: tuple[str, ...]) -> Plan:
        """What to do with each attribute of an element of ``spec`` that has exactly ``names``."""
        actions: list[tuple[int, int, Any]] = []
        required = 0
        for index, name in enumerate(names):
            rule = spec.attributes.get(name)
            if rule is None:
                if name[0] == "{" and (spec.open or name.startswith(XSI)):
                    continue
                raise Unsure
            datatype, needed, bucket = rule
            required += needed
            if datatype == ATTRIBUTE_ID:
                actions.append((index, _ID, None))
            elif datatype != ATTRIBUTE_REFERENCE:
                actions.append((index, _CHECK, (self.good[datatype], CHECKS[datatype])))
            elif bucket == CONNECTION_END:
                actions.append((index, _END, None))
            else:
                actions.append((index, _REFERENCE, self.references[bucket]))
        if required != spec.required:
            raise Unsure
        self.plans[spec.number][names] = plan = Plan(spec, actions)
        return plan

    # ------------------------------------------------------------------ the columns, then the references

    def resolve(self) -> None:
        for plans in self.plans:
            for plan in plans.values():
                if plan.rows:
                    self._columns(plan)
        identifiers = set(self.identifiers)
        if len(identifiers) != len(self.identifiers):
            raise Unsure  # an identifier used twice
        families = {family: set(ids) for family, ids in self.families.items()}
        for (_, allowed), values in zip(REFERENCE_BUCKETS, self.references, strict=True):
            targets = identifiers if allowed is None else set().union(*(families.get(f, ()) for f in allowed))
            if not targets.issuperset(values):
                raise Unsure
        drawn = self.drawn
        for value, view, archimate in self.ends:
            target = drawn.get(value)
            if target is None or target[0] != view or (archimate and not target[1]):
                raise Unsure

    def _columns(self, plan: Plan) -> None:
        spec = plan.spec
        columns = list(zip(*plan.rows, strict=True))
        for index, action, target in plan.actions:
            column = columns[index]
            if action == _CHECK:
                good, check = target
                for value in set(column).difference(good):
                    if check(value):
                        raise Unsure
                    good.add(value)
            elif action == _REFERENCE:
                target.extend(column)  # type: ignore[attr-defined]
            elif action == _END:
                self.ends.extend(zip(column, columns[-1], repeat(spec.archimate_connection)))
            else:
                self._identify(column, spec, columns[-1] if spec.family in _DRAWN else ())

    def _identify(self, column: tuple[str, ...], spec: Compiled, views: tuple[str | None, ...]) -> None:
        lines = "\n".join(column) + "\n"
        ascii_ids = lines.count("\n") == len(column) and _STEELFRAME_IDS.fullmatch(lines) is not None
        if not ascii_ids and (spec.family in STEELFRAME_FAMILIES or not all(map(NCNAME.fullmatch, column))):
            raise Unsure  # Steelframe's own identifiers are ASCII; the others may be any NCName
        if max(map(len, column), default=0) > ID_MAX_LENGTH:
            raise Unsure  # too long to keep: the full walk words it
        self.identifiers.extend(column)
        self.families.setdefault(spec.family, []).extend(column)
        if views:
            self.drawn.update(zip(column, zip(views, repeat(spec.archimate_end), strict=False), strict=True))
