"""``steelframe check`` and ``steelframe rules``: the model against the rules, in a format for people or CI."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from app.cli.contracts import with_drift
from app.cli.exits import EXIT_OK, EXIT_VIOLATIONS
from app.cli.loading import load
from app.cli.revisions import load_file_or_revision
from app.version import steelframe_version
from exporters.contracts.rules import DRIFT_RULES
from exporters.findings.baseline import Baseline
from exporters.findings.codequality import codequality_report
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
    before = _baseline_violations(args.baseline, args.model, rules) if args.baseline else None
    violations = with_drift(model, violations_of(model, args.model, rules), args.against)
    baseline = Baseline.of(before[0], before[1], violations) if before else None
    judged = baseline.new if baseline else violations
    if args.format == "json":
        report = json_report(model, violations, baseline)
    elif args.format == "sarif":
        ran = [*rules, *compile_custom_rules(model.settings), *(DRIFT_RULES if args.against else ())]
        report = sarif_report(
            model, violations, rules=ran, model_path=args.model, text=text, version=steelframe_version(),
            environment=os.environ,
            baseline=baseline,
        )
    elif args.format == "codequality":
        report = codequality_report(violations, model_path=args.model, text=text)
    else:
        report = terminal_safe(text_report(model, violations, baseline))
    sys.stdout.write(report)
    return EXIT_VIOLATIONS if fails(judged, Severity(args.fail_on)) else EXIT_OK


def _baseline_violations(reference: str, model_path: str, rules: Sequence[Rule]) -> tuple[str, list[Violation]]:
    """The baseline's name and violations: a model file, or the checked model at a git revision."""
    old, label = load_file_or_revision(reference, model_path)
    return label, violations_of(old, label, rules)


def run_rules(args: argparse.Namespace) -> int:
    rules = [*default_rules(), *DRIFT_RULES]
    width = max((len(rule.id) for rule in rules), default=0)
    for rule in rules:
        line = f"{rule.id:<{width}}  {rule.severity!s:<7}  {rule.title}"
        if rule.params:
            line += "  (" + ", ".join(f"{name}={value}" for name, value in rule.params.items()) + ")"
        if rule.origin != "catalogue":
            line += f"  [{rule.origin}]"
        sys.stdout.write(line + "\n")
    return EXIT_OK
