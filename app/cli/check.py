"""``steelframe check`` and ``steelframe rules``: the model against the rules, in a format for people or CI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app.cli.exits import EXIT_OK, EXIT_VIOLATIONS
from app.cli.loading import load
from app.version import steelframe_version
from exporters.findings.json_report import json_report
from exporters.findings.sarif import sarif_report
from exporters.findings.summary import fails
from exporters.findings.text import text_report
from model.engine import Rule, Violation, check_model, default_rules
from model.engine.config import ConfigError
from model.engine.custom import compile_custom_rules
from model.fileformat import FileFormatError
from model.safe_text import terminal_safe
from model.store import Model
from model.vocabulary import Severity


def violations_of(model: Model, path: str, rules: Sequence[Rule] | None = None) -> list[Violation]:
    try:
        return check_model(model, rules)
    except ConfigError as error:  # the settings' rule parameters do not fit the installed rules
        raise FileFormatError(f"{path}: $.settings.{error}") from None


def run_check(args: argparse.Namespace) -> int:
    model, text = load(args.model)
    rules = default_rules()
    violations = violations_of(model, args.model, rules)
    if args.format == "json":
        report = json_report(model, violations)
    elif args.format == "sarif":
        ran = [*rules, *compile_custom_rules(model.settings)]
        report = sarif_report(
            model, violations, rules=ran, model_path=args.model, text=text, version=steelframe_version()
        )
    else:
        report = terminal_safe(text_report(model, violations))
    sys.stdout.write(report)
    return EXIT_VIOLATIONS if fails(violations, Severity(args.fail_on)) else EXIT_OK


def run_rules() -> int:
    rules = default_rules()
    width = max((len(rule.id) for rule in rules), default=0)
    for rule in rules:
        line = f"{rule.id:<{width}}  {rule.severity!s:<7}  {rule.title}"
        if rule.params:
            line += "  (" + ", ".join(f"{name}={value}" for name, value in rule.params.items()) + ")"
        if rule.origin != "catalogue":
            line += f"  [{rule.origin}]"
        sys.stdout.write(line + "\n")
    return EXIT_OK
