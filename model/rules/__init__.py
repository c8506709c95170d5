"""The rule catalogue SF001-SF019 of DESIGN.md and the merge-conflict rules SF201-SF203, in id order."""

from __future__ import annotations

from model.engine.rule import Rule
from model.rules import conflicts, consistency, events, flows, legacy, ownership, sync, teams, waivers

CATALOGUE: tuple[Rule, ...] = tuple(
    sorted(
        (
            *ownership.RULES, *flows.RULES, *sync.RULES, *consistency.RULES, *legacy.RULES,
            *events.RULES, *teams.RULES, *waivers.RULES, *conflicts.RULES,
        ),
        key=lambda rule: rule.id,
    )
)
