"""The parser and the entry point of the ``steelframe`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from app.cli.check import run_check, run_rules
from app.cli.crash import hide_warnings, report_crash, show_warnings
from app.cli.exits import EXIT_OK, EXIT_UNUSABLE
from app.cli.files import run_export, run_import, run_new
from app.version import steelframe_version
from exporters.registry import FORMATS
from model.errors import ModelError
from model.safe_text import shown
from model.templates import TEMPLATES
from model.vocabulary import Severity

EXPORT_FORMATS = tuple(FORMATS)


class UsageError(Exception):
    """What argparse would print as a usage screen, reported instead as one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="steelframe", description="Model a distributed architecture as a constraint system.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {steelframe_version()}")
    parser.add_argument("--debug", action="store_true", help="print the traceback of an internal error (exit 3)")
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
    export.add_argument("--force", action="store_true", help="overwrite PATH if it exists (not for adr)")
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
    arguments = list(sys.argv[1:] if argv is None else argv)
    handler = show_warnings()
    try:
        args = parser.parse_args(arguments)
        return int(args.run(args))
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else EXIT_OK
    except (UsageError, ModelError) as error:
        return _unusable(str(error))
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        return _unusable(f"{where}{error.strerror or error}")
    except Exception as error:  # anything else is a bug of Steelframe, not a finding: exit 3
        command = next((word for word in arguments if not word.startswith("-")), "steelframe")
        return report_crash(error, shown(command, 40), debug="--debug" in arguments)
    finally:
        hide_warnings(handler)


def _unusable(reason: str) -> int:
    sys.stderr.write("steelframe: " + shown(" ".join(reason.splitlines()), 500) + "\n")
    return EXIT_UNUSABLE


def open_desktop(model_path: str | None) -> int:
    """Open the desktop app (imported only now: the command line itself stays free of Qt)."""
    from app.window.main import run_gui

    return run_gui(model_path)
