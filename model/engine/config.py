"""Resolve a model's rule settings against the rules there are: enabled, severity, parameters."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from model.engine.rule import Params, Rule
from model.errors import ModelError
from model.settings import ParamValue, Settings
from model.vocabulary import Severity


class ConfigError(ModelError):
    """The model's rule settings do not fit the rules (unknown parameter, wrong type)."""


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    severity: Severity
    params: Params


def resolve(rules: Iterable[Rule], settings: Settings) -> list[ActiveRule]:
    """The enabled rules with their effective severity and parameters, in catalogue order."""
    active = []
    for rule in rules:
        configured = settings.rules.get(rule.id)
        if configured is None:
            active.append(ActiveRule(rule, rule.severity, dict(rule.params)))
            continue
        params = dict(rule.params)
        for name, value in configured.params.items():
            params[name] = _checked_param(rule, name, value)
        if configured.enabled:
            active.append(ActiveRule(rule, configured.severity or rule.severity, params))
    return active


def _checked_param(rule: Rule, name: str, value: ParamValue) -> ParamValue:
    if name not in rule.params:
        known = ", ".join(sorted(rule.params)) or "none"
        raise ConfigError(f"rules.{rule.id}.params: {rule.id} has no parameter {name!r} (it has: {known})")
    default = rule.params[name]
    if isinstance(default, bool) != isinstance(value, bool) or (
        isinstance(default, (int, float)) and not isinstance(value, (int, float))
    ) or (isinstance(default, str) and not isinstance(value, str)):
        raise ConfigError(
            f"rules.{rule.id}.params.{name}: expected a {type(default).__name__}, got {value!r}"
        )
    if isinstance(default, int) and not isinstance(default, bool) and isinstance(value, float):
        raise ConfigError(f"rules.{rule.id}.params.{name}: expected a whole number, got {value!r}")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
        raise ConfigError(f"rules.{rule.id}.params.{name}: must not be negative, got {value!r}")
    return value
