"""SF201-SF203: a merged model is not finished while a merge conflict it records is unresolved."""

from __future__ import annotations

import json
from collections.abc import Iterator

from model.conflicts import Conflict
from model.engine.reader import Reader
from model.engine.rule import Check, Finding, Params, Rule
from model.vocabulary import Severity

_FIX = "Resolve it in the app's Conflicts panel (ours, theirs or edit), then save."


def shown(value: object, limit: int = 60) -> str:
    """A conflicting value in a message: JSON, shortened; null means unset (the default, or not shown)."""
    if value is None:
        return "unset"
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(reader: Reader, section: str, item: str) -> str:
    """What a conflict is about, in the words of the model: kind and name rather than id."""
    element = reader.element(item) if section == "elements" else None
    if element is not None:
        return f"{element.kind} {element.name or item!r}"
    relation = reader.relation(item) if section == "relations" else None
    if relation is not None:
        ends = [reader.element(end) for end in (relation.source, relation.target)]
        names = [e.name or e.id if e is not None else "?" for e in ends]
        return f"{relation.kind} {names[0]} → {names[1]}"
    return {"settings": "the model settings", "exchange": "the kept ArchiMate exchange data"}.get(
        section, f"{section.rstrip('s')} {item}"
    )


def _subject(reader: Reader, conflict: Conflict) -> tuple[str, ...]:
    present = reader.element(conflict.item) is not None or reader.relation(conflict.item) is not None
    return (conflict.id, conflict.item) if present else (conflict.id,)


def attribute_conflict(reader: Reader, conflict_id: str, params: Params) -> Iterator[Finding]:
    conflict = reader.conflict(conflict_id)
    if conflict is None or conflict.kind != "attribute":
        return
    what = describe(reader, conflict.section, conflict.item)
    attribute = conflict.attribute or "the whole item"
    yield Finding(
        f"Unresolved merge conflict on {what}: {attribute} is {shown(conflict.ours)} on our side and "
        f"{shown(conflict.theirs)} on theirs (the file keeps ours)",
        _subject(reader, conflict), _FIX,
    )


def deleted_conflict(reader: Reader, conflict_id: str, params: Params) -> Iterator[Finding]:
    conflict = reader.conflict(conflict_id)
    if conflict is None or conflict.kind != "deleted":
        return
    what = describe(reader, conflict.section, conflict.item)
    other = "theirs" if conflict.deleted_by == "ours" else "ours"
    yield Finding(
        f"Unresolved merge conflict: {what} was deleted by {conflict.deleted_by} but {other} "
        f"{conflict.reason or 'changed it'} (the file keeps it)",
        _subject(reader, conflict), _FIX,
    )


def contained_conflict(reader: Reader, conflict_id: str, params: Params) -> Iterator[Finding]:
    conflict = reader.conflict(conflict_id)
    if conflict is None or conflict.kind != "contained":
        return
    what = describe(reader, "elements", conflict.item)
    theirs = conflict.theirs if isinstance(conflict.theirs, dict) else {}
    holder = reader.element(str(theirs.get("source", "")))
    elsewhere = holder.name or holder.id if holder is not None else "another context"
    yield Finding(
        f"Unresolved merge conflict: {what} was put into one context on our side and into {elsewhere} "
        "on theirs (the file keeps ours)",
        _subject(reader, conflict), _FIX,
    )


def _rule(rule_id: str, title: str, check: Check) -> Rule:
    return Rule(
        rule_id, title, Severity.ERROR, ("conflict",), check,
        rationale="A merge keeps both sides of a disagreement; someone must decide before the model is finished.",
        remedy="Open the model in Steelframe and resolve the conflict in the Conflicts panel (keep ours, take theirs "
               "or edit), then commit the merged file.",
    )


RULES = (
    _rule("SF201", "No unresolved merge conflict on an attribute", attribute_conflict),
    _rule("SF202", "No unresolved merge conflict between a deletion and a change", deleted_conflict),
    _rule("SF203", "No unresolved merge conflict over which context holds an element", contained_conflict),
)
