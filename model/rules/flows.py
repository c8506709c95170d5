"""Rules still to be written."""

from __future__ import annotations

from model.engine.rule import Rule

RULES: tuple[Rule, ...] = ()
