"""Consistency across contexts: invariants, reconciliation of replicated facts, sagas and migrations."""

from __future__ import annotations

from collections.abc import Iterator

from model.elements import Context, Invariant, Saga
from model.engine.reader import Reader
from model.engine.rule import Finding, Params, Rule
from model.rules._text import label, listing
from model.vocabulary import Consistency, ElementKind, Lifecycle, RelationKind, Severity


def cross_context_invariants(reader: Reader, invariant_id: str, params: Params) -> Iterator[Finding]:
    """SF007: an invariant over two or more contexts is guarded by a saga and is only eventually consistent."""
    contexts = sorted({span.target for span in reader.outgoing(invariant_id, RelationKind.SPANS)})
    if len(contexts) < 2:
        return
    name = label(reader, invariant_id)
    names = listing(label(reader, c) for c in contexts)
    if not reader.incoming(invariant_id, RelationKind.GUARDS):
        yield Finding(
            f"{name} spans {names} but no saga guards it",
            (invariant_id, *contexts),
            f"Add a saga that coordinates {names} and draw a 'guards' relation from it to {name}, "
            "with compensation for the steps that can fail.",
        )
    invariant = reader.element(invariant_id)
    if isinstance(invariant, Invariant) and invariant.consistency is Consistency.STRONG:
        yield Finding(
            f"{name} demands strong consistency across {names}, which separate contexts cannot give",
            (invariant_id,),
            f"Make {name} eventually consistent (guarded by a saga), or move the facts it needs into one "
            "context so it can be enforced in a single transaction.",
        )


def reconciled_propagation(reader: Reader, subject_id: str, params: Params) -> Iterator[Finding]:
    """SF008: facts sent asynchronously across a boundary, and sagas, are covered by a reconciliation."""
    flow = reader.flow(subject_id)
    if flow is not None:
        if not flow.is_asynchronous or not flow.carries or not reader.crosses_boundary(flow):
            return
        sender, receiver = label(reader, flow.source), label(reader, flow.target)
        for fact_id in dict.fromkeys(flow.carries):
            if reader.incoming(fact_id, RelationKind.COVERS):
                continue
            fact = label(reader, fact_id)
            yield Finding(
                f"{sender} sends {fact} to {receiver} asynchronously, but no reconciliation covers {fact}: "
                f"a lost message leaves {receiver}'s copy wrong for good",
                (flow.source, flow.target, fact_id, subject_id),
                f"Add a reconciliation that compares copies of {fact} with its authoritative source and repairs "
                "drift, and draw a 'covers' relation from it to the fact.",
            )
        return
    saga = reader.element(subject_id)
    if not isinstance(saga, Saga) or reader.incoming(subject_id, RelationKind.COVERS):
        return
    name = label(reader, subject_id)
    yield Finding(
        f"No reconciliation covers the saga {name}: a step that is lost halfway leaves the contexts disagreeing",
        (subject_id,),
        f"Add a reconciliation that finds instances of {name} stuck or half-compensated and repairs them, "
        "and draw a 'covers' relation from it to the saga.",
    )


def reconciled_migration(reader: Reader, context_id: str, params: Params) -> Iterator[Finding]:
    """SF017: a coexisting context (strangler migration) is covered by a reconciliation."""
    context = reader.element(context_id)
    if not isinstance(context, Context) or context.lifecycle is not Lifecycle.COEXISTING:
        return
    if reader.incoming(context_id, RelationKind.COVERS):
        return
    name = label(reader, context_id)
    yield Finding(
        f"{name} coexists with the system it replaces, but no reconciliation covers the migration",
        (context_id,),
        f"Add a reconciliation that compares {name} with the legacy system during the migration and repairs "
        "drift, and draw a 'covers' relation from it to the context.",
    )


RULES = (
    Rule(
        "SF007",
        "A cross-context invariant is guarded by a saga and eventually consistent",
        Severity.ERROR,
        (str(ElementKind.INVARIANT),),
        cross_context_invariants,
        rationale="No transaction spans two contexts: a rule over several of them holds only eventually, and "
        "only if a saga restores it when a step fails.",
        remedy="Mark the invariant eventually consistent and guard it with a saga that compensates when a step fails.",
    ),
    Rule(
        "SF008",
        "Asynchronously propagated facts and sagas are covered by a reconciliation",
        Severity.WARNING,
        (str(RelationKind.FLOW), str(ElementKind.SAGA)),
        reconciled_propagation,
        rationale="Messages get lost, duplicated and reordered: only a reconciliation against the authoritative "
        "source brings replicas and half-finished processes back in line.",
        remedy="Add a reconciliation that compares the replica or the saga's state with the authoritative source and "
        "repairs what differs.",
    ),
    Rule(
        "SF017",
        "A coexisting context is covered by a reconciliation",
        Severity.WARNING,
        (str(ElementKind.CONTEXT),),
        reconciled_migration,
        rationale="While the old and the new system both hold the data, they drift apart unless something "
        "compares and repairs them.",
        remedy="Add a reconciliation that compares the coexisting context with the legacy system and repairs what "
        "differs.",
    ),
)
