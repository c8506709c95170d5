"""The estate at a glance: how many of each kind, contexts by domain class and lifecycle, violation counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from exporters.report.markdown import plural, table
from model.elements import Context
from model.engine import Violation
from model.store import Model
from model.vocabulary import DomainClass, ElementKind, Lifecycle, RelationKind, Severity


def violation_counts(violations: Sequence[Violation]) -> dict[str, tuple[int, int]]:
    """Severity -> (open, waived)."""
    found = {str(s): [0, 0] for s in Severity}
    for violation in violations:
        found[str(violation.severity)][1 if violation.waived else 0] += 1
    return {severity: (open_, waived) for severity, (open_, waived) in found.items()}


def summary(model: Model, violations: Sequence[Violation]) -> list[str]:
    elements, relations = model.elements(), model.relations()
    counts = violation_counts(violations)
    open_total = sum(open_ for open_, _ in counts.values())
    waived_total = sum(waived for _, waived in counts.values())
    lines = [
        "## Summary", "",
        f"The model holds {plural(len(elements), 'element')} and {plural(len(relations), 'relation')} "
        f"in {plural(len(model.views()), 'view')}. The rules find {plural(open_total, 'open violation')} "
        f"and {plural(waived_total, 'waived violation')}.", "",
        "### Elements and relations", "",
    ]
    lines += kind_counts("Elements", Counter(str(e.kind) for e in elements), list(map(str, ElementKind)))
    lines += kind_counts("Relations", Counter(str(r.kind) for r in relations), list(map(str, RelationKind)))
    lines += ["### Contexts by domain class and lifecycle", ""]
    lines += contexts_table(model)
    lines += ["", "### Violations by severity", ""]
    by_severity = [(severity, open_, waived) for severity, (open_, waived) in counts.items()]
    lines += table(("Severity", "Open", "Waived"), [*by_severity, ("total", open_total, waived_total)])
    return [*lines, ""]


def kind_counts(what: str, counts: Counter[str], order: list[str]) -> list[str]:
    """One row of counts under a header of the kinds present, in vocabulary order."""
    present = [kind for kind in order if counts[kind]]
    if not present:
        return [f"{what}: none.", ""]
    return [*table((what, *present), [("count", *(counts[kind] for kind in present))]), ""]


def contexts_table(model: Model) -> list[str]:
    contexts = [c for c in model.elements(ElementKind.CONTEXT) if isinstance(c, Context)]
    if not contexts:
        return ["The model has no contexts."]
    grid = Counter((str(c.domain) if c.domain else "unclassified", str(c.lifecycle)) for c in contexts)
    domains = [*map(str, DomainClass), "unclassified"]
    rows = []
    for domain in domains:
        values = [grid[(domain, str(lifecycle))] for lifecycle in Lifecycle]
        if any(values):
            rows.append((domain, *values, sum(values)))
    totals = [sum(grid[(d, str(lifecycle))] for d in domains) for lifecycle in Lifecycle]
    rows.append(("total", *totals, sum(totals)))
    return table(("Domain class", *map(str, Lifecycle), "total"), rows)
