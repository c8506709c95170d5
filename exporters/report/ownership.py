"""Who owns each fact, who keeps a copy of it and how stale that copy may be, and who writes it."""

from __future__ import annotations

from exporters.report.boundaries import boundary_of
from exporters.report.markdown import name_of, names, table
from model.elements import Fact
from model.relations import Replicates
from model.store import Model
from model.vocabulary import ElementKind, RelationKind


def _writer(model: Model, writer_id: str) -> str:
    context = boundary_of(model, writer_id)
    if context == writer_id:
        return name_of(model, writer_id)
    return f"{name_of(model, writer_id)} ({name_of(model, context)})"


def _owners(model: Model, fact_id: str) -> str:
    owners = names(model, [r.source for r in model.incoming(fact_id, RelationKind.OWNS)])
    if not owners:
        return "**none** (orphan fact)"
    if len(owners) > 1:
        return f"**{', '.join(owners)}** (contested: {len(owners)} owners)"
    return owners[0]


def _replicas(model: Model, fact_id: str) -> str:
    found = []
    for relation in model.incoming(fact_id, RelationKind.REPLICATES):
        staleness = relation.max_staleness if isinstance(relation, Replicates) else None
        found.append(f"{name_of(model, relation.source)} (max {staleness or 'staleness not declared'})")
    return ", ".join(sorted(found, key=str.casefold)) or "—"


def ownership(model: Model) -> list[str]:
    facts = sorted(
        (f for f in model.elements(ElementKind.FACT) if isinstance(f, Fact)),
        key=lambda f: (name_of(model, f.id).casefold(), f.id),
    )
    lines = ["## Ownership of facts", ""]
    if not facts:
        return [*lines, "The model records no facts.", ""]
    lines += ["Each fact has one authoritative owner; other contexts keep read copies no staler than stated.", ""]
    rows = []
    for fact in facts:
        label = name_of(model, fact.id) + (" (personal data)" if fact.personal_data else "")
        writers = sorted({_writer(model, r.source) for r in model.incoming(fact.id, RelationKind.WRITES)},
                         key=str.casefold)
        rows.append((label, _owners(model, fact.id), _replicas(model, fact.id), ", ".join(writers) or "—"))
    return [*lines, *table(("Fact", "Owner(s)", "Replicas (max staleness)", "Writers"), rows), ""]
