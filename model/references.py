"""Which element kind each reference attribute must point at."""

from __future__ import annotations

from model.elements import ElementBase
from model.relations import RelationBase
from model.vocabulary import ElementKind

K = ElementKind

#: (item kind, attribute) -> the kind the referenced element must have.
REFERENCE_TARGETS: dict[tuple[str, str], ElementKind] = {
    ("flow", "event"): K.EVENT,
    ("flow", "topic"): K.TOPIC,
    ("flow", "carries"): K.FACT,
    ("reconciliation", "authoritative_source"): K.CONTEXT,
    ("decision", "supersedes"): K.DECISION,
}


def reference_problem(
    item: ElementBase | RelationBase, field: str, target: ElementBase | None, target_id: str
) -> str | None:
    """Why ``item.field`` may not name ``target_id``, or None when it may."""
    kind = str(item.kind)
    wanted = REFERENCE_TARGETS[(kind, field)]
    label = item.name or item.id
    if target is None:
        return f"{kind} {label!r}: {field} names {target_id!r}, which is not in the model"
    if target.kind != wanted:
        return f"{kind} {label!r}: {field} must name a {wanted}, not a {target.kind}"
    return None
