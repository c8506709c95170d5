"""Who is authoritative for a fact, who may write it, and who may share a database."""

from __future__ import annotations

from collections.abc import Iterator

from model.elements import Datastore
from model.engine.reader import Reader
from model.engine.rule import Finding, Params, Rule
from model.rules._text import label, listing
from model.vocabulary import DatastoreUsage, ElementKind, RelationKind, Severity


def one_owner_per_fact(reader: Reader, fact_id: str, params: Params) -> Iterator[Finding]:
    owners = reader.incoming(fact_id, RelationKind.OWNS)
    fact = label(reader, fact_id)
    if not owners:
        yield Finding(
            f"{fact} has no authoritative owner (orphan fact)",
            (fact_id,),
            f"Decide which context is the authority for {fact} and draw an 'owns' relation from it.",
        )
    elif len(owners) > 1:
        names = listing(label(reader, o.source) for o in owners)
        yield Finding(
            f"{fact} has {len(owners)} authoritative owners ({names}): contested authority",
            (fact_id, *(o.source for o in owners), *(o.id for o in owners)),
            f"Keep one owner of {fact}; the others replicate it.",
        )


def only_owner_writes(reader: Reader, fact_id: str, params: Params) -> Iterator[Finding]:
    writes = reader.incoming(fact_id, RelationKind.WRITES)
    if not writes:
        return
    owners = [o.source for o in reader.incoming(fact_id, RelationKind.OWNS)]
    if not owners:
        return  # an orphan fact is SF001's finding
    fact = label(reader, fact_id)
    distinct = list(dict.fromkeys(owners))
    authority = listing(label(reader, owner) for owner in distinct)
    owner_text = f"its authoritative owner{'s' if len(distinct) > 1 else ''} {authority}"
    for relation in writes:
        writer_id = relation.source
        context_id = reader.boundary(writer_id)
        if context_id in owners:
            continue
        writer = label(reader, writer_id)
        if context_id == writer_id:
            who, sender = writer, writer
        else:
            sender = label(reader, context_id)
            who = f"{writer} (in {sender})"
        yield Finding(
            f"{who} writes {fact}, but only {owner_text} may change it",
            (fact_id, writer_id, relation.id),
            f"Have {sender} send a command to {authority} to change {fact}, "
            f"or replicate {fact} read-only in {sender} and remove the 'writes' relation.",
        )


def no_shared_operational_store(reader: Reader, datastore_id: str, params: Params) -> Iterator[Finding]:
    datastore = reader.element(datastore_id)
    if not isinstance(datastore, Datastore) or datastore.usage is not DatastoreUsage.OPERATIONAL:
        return
    uses = reader.incoming(datastore_id, RelationKind.USES)
    if len(uses) < 2:
        return
    contexts = list(dict.fromkeys(reader.boundary(u.source) for u in uses))
    if len(contexts) < 2:
        return
    store = label(reader, datastore_id)
    names = listing(label(reader, c) for c in contexts)
    yield Finding(
        f"The operational datastore {store} is shared by {len(contexts)} contexts ({names}): "
        "a change to its schema breaks all of them",
        (datastore_id, *contexts, *(u.id for u in uses)),
        f"Keep {store} in one context; the others ask it through a flow or replicate what they need. "
        "If it only serves reporting, mark it analytical.",
    )


RULES = (
    Rule(
        "SF001",
        "Every fact has exactly one authoritative owner",
        Severity.ERROR,
        (str(ElementKind.FACT),),
        one_owner_per_fact,
        rationale="A fact with no owner has no one to correct it; with two, nobody knows which value is true.",
        remedy="Give the fact one owner: an owns relation from the one context that decides its value; the others "
        "replicate it or ask that context for it.",
    ),
    Rule(
        "SF002",
        "Only the authoritative owner writes a fact",
        Severity.ERROR,
        (str(ElementKind.FACT),),
        only_owner_writes,
        rationale="When several contexts write a fact, its owner can no longer guarantee its rules or its history.",
        remedy="Let only the owner write the fact: other contexts send the owner a command, or keep a replica they "
        "never write back.",
    ),
    Rule(
        "SF003",
        "No operational datastore is shared by contexts",
        Severity.ERROR,
        (str(ElementKind.DATASTORE),),
        no_shared_operational_store,
        rationale="A shared operational database couples contexts through its schema and undoes their boundary.",
        remedy="Give the datastore to one context; the others query that context or replicate what they need. A store"
        " that only serves reporting is marked analytical.",
    ),
)
