"""Who is accountable for each context."""

from __future__ import annotations

from collections.abc import Iterator

from model.engine.reader import Reader
from model.engine.rule import Finding, Params, Rule
from model.rules._text import label, listing
from model.vocabulary import ElementKind, RelationKind, Severity


def one_team_per_context(reader: Reader, context_id: str, params: Params) -> Iterator[Finding]:
    owned = reader.incoming(context_id, RelationKind.TEAM_OWNS)
    teams = list(dict.fromkeys(r.source for r in owned))
    if len(teams) == 1:
        return
    context = label(reader, context_id)
    if not teams:
        yield Finding(
            f"{context} has no owning team",
            (context_id,),
            f"Name the team accountable for {context} and draw a 'team-owns' relation from it.",
        )
        return
    names = listing(label(reader, team) for team in teams)
    yield Finding(
        f"{context} is owned by {len(teams)} teams ({names}): nobody is clearly accountable for it",
        (context_id, *teams, *(r.id for r in owned)),
        f"Keep one owning team for {context}; if the others need their own part, split the context.",
    )


RULES = (
    Rule(
        "SF014",
        "Every context is owned by exactly one team",
        Severity.WARNING,
        (str(ElementKind.CONTEXT),),
        one_team_per_context,
        rationale="A context without one accountable team has no one to decide its model and keep its promises.",
        remedy="Assign the context to exactly one team.",
    ),
)
