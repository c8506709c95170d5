"""The rule catalogue SF001-SF019 of DESIGN.md, in id order."""

from __future__ import annotations

from model.engine.rule import Rule
from model.rules import consistency, events, flows, legacy, ownership, sync, teams, waivers

CATALOGUE: tuple[Rule, ...] = tuple(
    sorted(
        (
            *ownership.RULES, *flows.RULES, *sync.RULES, *consistency.RULES, *legacy.RULES,
            *events.RULES, *teams.RULES, *waivers.RULES,
        ),
        key=lambda rule: rule.id,
    )
)
