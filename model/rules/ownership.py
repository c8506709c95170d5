"""Who is authoritative for a fact, who may write it, and who may share a database."""

from __future__ import annotations

from collections.abc import Iterator

from model.engine.reader import Reader
from model.engine.rule import Finding, Params, Rule
from model.rules._text import label, listing
from model.vocabulary import ElementKind, RelationKind, Severity


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


RULES = (
    Rule(
        "SF001",
        "Every fact has exactly one authoritative owner",
        Severity.ERROR,
        (str(ElementKind.FACT),),
        one_owner_per_fact,
        rationale="A fact with no owner has no one to correct it; with two, nobody knows which value is true.",
    ),
)
