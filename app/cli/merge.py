"""``steelframe merge BASE OURS THEIRS``: the three-way merge, usable as git's merge driver.

It writes the result to OURS (what git expects of a driver) or to ``-o``; exit 0 when clean, 1
when the result records conflicts, 2 on unusable input, with nothing written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.exits import EXIT_OK, EXIT_VIOLATIONS
from app.cli.loading import load
from exporters.findings.summary import plural
from model.fileformat import FileFormatError, save_model
from model.merge import merge_models
from model.store import Model


def _base(path: str) -> Model:
    """The common ancestor; git passes an empty file when both sides added the model."""
    target = Path(path)
    if target.is_file() and target.stat().st_size == 0:
        return Model()
    return load(path)[0]


def run_merge(args: argparse.Namespace) -> int:
    output = args.output or args.ours
    if Path(output).is_dir():
        raise FileFormatError(f"{output}: is a directory")
    base, ours, theirs = _base(args.base), load(args.ours)[0], load(args.theirs)[0]
    merged = merge_models(base, ours, theirs)
    save_model(merged, output)
    name = args.name or output
    conflicts = merged.conflicts()
    if not conflicts:
        sys.stdout.write(f"steelframe: merged {name} cleanly\n")
        return EXIT_OK
    sys.stdout.write(
        f"steelframe: merged {name} with {plural(len(conflicts), 'conflict')} recorded in the file; "
        f"'steelframe check {name}' lists them, the app resolves them\n"
    )
    return EXIT_VIOLATIONS
