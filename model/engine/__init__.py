"""The constraint engine: rules as pure functions, evaluated incrementally."""

from model.engine.engine import Diff, Engine, check_model, default_rules
from model.engine.reader import Reader
from model.engine.rule import Finding, Params, Rule, Violation

__all__ = ["Diff", "Engine", "Finding", "Params", "Reader", "Rule", "Violation", "check_model", "default_rules"]
