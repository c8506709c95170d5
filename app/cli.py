"""The ``steelframe`` command line: create, check and list rules headless, for people and CI pipelines.

It imports only ``model`` (never Qt), writes through sys.stdout/sys.stderr, and turns every unusable
input into exit code 2 with one line ``steelframe: FILE: reason`` and nothing written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from app.report_formats import fails, json_report, sarif_report, text_report
from app.version import steelframe_version
from exporters.adr import merge_adrs
from exporters.archimate import import_archimate
from exporters.registry import FORMATS, ExportOptions
from exporters.registry import export as export_model
from model.engine import Rule, Violation, check_model, default_rules
from model.engine.config import ConfigError
from model.engine.custom import compile_custom_rules
from model.errors import ModelError
from model.fileformat import FileFormatError, from_json, read_model_file, save_model
from model.store import Model
from model.templates import TEMPLATES, build_template
from model.vocabulary import Severity

EXIT_OK, EXIT_VIOLATIONS, EXIT_UNUSABLE = 0, 1, 2
EXPORT_FORMATS = tuple(FORMATS)


class UsageError(Exception):
    """What argparse would print as a usage screen, reported instead as one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="steelframe", description="Model a distributed architecture as a constraint system.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {steelframe_version()}")
    parser.set_defaults(run=lambda args: open_desktop(None))
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the desktop app, optionally on a model")
    gui.add_argument("model", nargs="?", metavar="MODEL")
    gui.set_defaults(run=lambda args: open_desktop(args.model))

    new = commands.add_parser("new", help="create a model file from a template")
    new.add_argument("--template", required=True, choices=TEMPLATES)
    new.add_argument("-o", "--output", required=True, metavar="MODEL", help="the *.steelframe.json file to write")
    new.add_argument("--force", action="store_true", help="overwrite MODEL if it exists")
    new.set_defaults(run=run_new)

    check = commands.add_parser("check", help="check a model against the rules")
    check.add_argument("model", metavar="MODEL")
    check.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    check.add_argument(
        "--fail-on", choices=[str(s) for s in Severity], default=str(Severity.ERROR),
        help="exit 1 when a violation that is not waived is at least this severe (default: error)",
    )
    check.set_defaults(run=run_check)

    export = commands.add_parser("export", help="write a model in another format")
    export.add_argument("model", metavar="MODEL")
    export.add_argument("--to", required=True, choices=EXPORT_FORMATS, help="the format to write")
    export.add_argument("-o", "--output", required=True, metavar="PATH", help="the file (for adr: the folder) to write")
    export.add_argument("--view", metavar="NAME", help="one view, by name or id (diagram formats)")
    export.add_argument("--overlay", action="store_true", help="mark violations on the diagram (diagram formats)")
    export.add_argument("--direction", choices=("LR", "TB"), default="LR", help="diagram direction (default LR)")
    export.set_defaults(run=run_export)

    import_ = commands.add_parser("import", help="read an ArchiMate exchange file into a model file")
    import_.add_argument("exchange", metavar="EXCHANGE.xml")
    import_.add_argument("-o", "--output", required=True, metavar="MODEL", help="the *.steelframe.json file to write")
    import_.add_argument("--force", action="store_true", help="overwrite MODEL if it exists")
    import_.add_argument("--decisions", metavar="FOLDER",
                         help="also read the decision records in FOLDER (as written by export --to adr)")
    import_.set_defaults(run=run_import)

    rules = commands.add_parser("rules", help="list the rule catalogue, plugins included")
    rules.set_defaults(run=lambda args: run_rules())
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``steelframe`` script and ``python -m app``; returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        return int(args.run(args))
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else EXIT_OK
    except (UsageError, ModelError) as error:
        return _unusable(str(error))
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        return _unusable(f"{where}{error.strerror or error}")


def _unusable(reason: str) -> int:
    sys.stderr.write("steelframe: " + " ".join(reason.splitlines()) + "\n")
    return EXIT_UNUSABLE


# ------------------------------------------------------------------ commands


def load(path: str) -> tuple[Model, str]:
    """The model and its text (the SARIF report points at lines of it)."""
    text = read_model_file(path)
    return from_json(text, source=path), text


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
        report = text_report(model, violations)
    sys.stdout.write(report)
    return EXIT_VIOLATIONS if fails(violations, Severity(args.fail_on)) else EXIT_OK


def _writable(path: str, force: bool) -> None:
    """Refuse, before any work, an output that is a folder or that would overwrite without --force."""
    output = Path(path)
    if output.is_dir():
        raise FileFormatError(f"{path}: is a directory")
    if output.exists() and not force:
        raise FileFormatError(f"{path}: already exists (use --force to overwrite it)")


def run_export(args: argparse.Namespace) -> int:
    model, _ = load(args.model)
    if args.to != "adr":
        _writable(args.output, force=True)
    options = ExportOptions(view=args.view, overlay=args.overlay, direction=args.direction)
    export_model(model, args.to, Path(args.output), options)
    sys.stdout.write(f"wrote {args.output} ({args.to}) from {args.model}\n")
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    _writable(args.output, args.force)
    model = import_archimate(args.exchange)
    if args.decisions:
        merge_adrs(model, Path(args.decisions))
    save_model(model, args.output)
    counts = f"{len(model.elements())} elements, {len(model.relations())} relations, {len(model.views())} views"
    sys.stdout.write(f"wrote {args.output} from {args.exchange} ({counts})\n")
    return EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    _writable(args.output, args.force)
    try:
        model = build_template(args.template)
    except ModelError as error:
        raise FileFormatError(f"{args.output}: cannot build the {args.template} template: {error}") from None
    save_model(model, args.output)
    sys.stdout.write(f"wrote {args.output} from the {args.template} template\n")
    return EXIT_OK


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


def open_desktop(model_path: str | None) -> int:
    """Open the desktop app (imported only now: the command line itself stays free of Qt)."""
    from app.main import run_gui

    return run_gui(model_path)
