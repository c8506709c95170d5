"""Python rules from installed packages, found through the entry-point group ``steelframe.rules``.

An entry point may name a Rule, an iterable of Rules, or a function returning either.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from importlib.metadata import entry_points

from model.engine.rule import Rule

GROUP = "steelframe.rules"
log = logging.getLogger(__name__)


def plugin_rules() -> list[Rule]:
    rules: list[Rule] = []
    for entry in sorted(entry_points(group=GROUP), key=lambda e: e.name):
        try:
            loaded = entry.load()
            if callable(loaded) and not isinstance(loaded, Rule):
                loaded = loaded()
            found = [loaded] if isinstance(loaded, Rule) else list(loaded)
        except Exception as error:  # a broken plugin must not stop the check; it is reported
            log.warning("rule plugin %r could not be loaded: %s", entry.name, error)
            continue
        for rule in found:
            if not isinstance(rule, Rule):
                log.warning("rule plugin %r gave %r, which is not a steelframe Rule", entry.name, rule)
                continue
            rules.append(_with_origin(rule, entry.value))
    return rules


def _with_origin(rule: Rule, origin: str) -> Rule:
    from dataclasses import replace

    return replace(rule, origin=f"plugin {origin}")


def merge(catalogue: Iterable[Rule], extra: Iterable[Rule]) -> list[Rule]:
    """Catalogue first; a later rule with an id already taken is skipped with a warning."""
    merged: dict[str, Rule] = {}
    for rule in [*catalogue, *extra]:
        if rule.id in merged:
            log.warning("rule %s from %s ignored: the id is taken by %s", rule.id, rule.origin, merged[rule.id].origin)
            continue
        merged[rule.id] = rule
    return list(merged.values())
