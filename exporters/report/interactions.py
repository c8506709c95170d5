"""Who calls whom: a matrix of calling against called contexts, or a list per context for large estates."""

from __future__ import annotations

from collections import Counter

from exporters.report.boundaries import boundary_of
from exporters.report.markdown import name_of, table
from model.relations import Flow
from model.store import Model
from model.vocabulary import ElementKind, FlowStyle, RelationKind

MATRIX_LIMIT = 25
LETTERS = {FlowStyle.QUERY: "Q", FlowStyle.COMMAND: "C", FlowStyle.EVENT: "E", FlowStyle.UNDECLARED: "?"}
TIMES = "\u00d7"  # the multiplication sign: "E", TIMES, "2"
LEGEND = f"Q query, C command, E event, ? undeclared style; {TIMES}N when there are N such flows."

Pairs = dict[tuple[str, str], Counter[FlowStyle]]


def interactions_by_pair(model: Model) -> Pairs:
    """(calling boundary, called boundary) -> how many flows of each style, services lifted to their contexts."""
    pairs: Pairs = {}
    for relation in model.relations(RelationKind.FLOW):
        if isinstance(relation, Flow):
            key = (boundary_of(model, relation.source), boundary_of(model, relation.target))
            pairs.setdefault(key, Counter())[relation.style] += 1
    return pairs


def styles(counter: Counter[FlowStyle]) -> str:
    """``Q, E`` (E twice: ``E`` times 2): the styles of the flows between two boundaries, in a fixed order."""
    parts = []
    for style, letter in LETTERS.items():
        if counter[style]:
            parts.append(letter if counter[style] == 1 else f"{letter}{TIMES}{counter[style]}")
    return ", ".join(parts)


def boundary_label(model: Model, boundary: str) -> str:
    element = model.find_element(boundary)
    name = name_of(model, boundary)
    if element is None or element.kind is ElementKind.CONTEXT:
        return name
    return f"{name} ({element.kind})"


def _ordered(model: Model, ids: set[str]) -> list[str]:
    return sorted(ids, key=lambda i: (boundary_label(model, i).casefold(), i))


def interactions(model: Model) -> list[str]:
    pairs = interactions_by_pair(model)
    lines = ["## Interactions", ""]
    if not pairs:
        return [*lines, "The model has no flows.", ""]
    callers = _ordered(model, {caller for caller, _ in pairs})
    called = _ordered(model, {target for _, target in pairs})
    if len(set(callers) | set(called)) > MATRIX_LIMIT:
        return [*lines, *interaction_list(model, pairs, callers), ""]
    lines += [f"Rows are the calling contexts, columns the called ones (flows point from the initiator). {LEGEND}", ""]
    header = ("Caller \\ called", *(boundary_label(model, c) for c in called))
    rows = [
        (boundary_label(model, caller), *(styles(pairs.get((caller, c), Counter())) for c in called))
        for caller in callers
    ]
    return [*lines, *table(header, rows), ""]


def interaction_list(model: Model, pairs: Pairs, callers: list[str]) -> list[str]:
    """One line per calling context, for estates too large for a readable matrix."""
    lines = [
        f"The estate has more than {MATRIX_LIMIT} interacting contexts, so each calling context lists the ones "
        f"it reaches instead of a matrix. {LEGEND}", "",
    ]
    for caller in callers:
        targets = _ordered(model, {target for source, target in pairs if source == caller})
        reached = ", ".join(f"{boundary_label(model, t)} ({styles(pairs[(caller, t)])})" for t in targets)
        lines.append(f"* **{boundary_label(model, caller)}** → {reached}")
    return lines
