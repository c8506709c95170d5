"""``steelframe diff OLD NEW``: the semantic diff of two model files, like diff(1) in its exit codes."""

from __future__ import annotations

import argparse
import sys

from app.cli.exits import EXIT_OK, EXIT_VIOLATIONS
from app.cli.loading import load
from exporters.diff.json_report import json_diff
from exporters.diff.listing import model_listing
from exporters.diff.markdown import markdown_diff
from exporters.diff.text import text_diff
from model.diff import diff_models
from model.fileformat import FileFormatError
from model.safe_text import terminal_safe
from model.store import Model

FORMATS = {"text": text_diff, "markdown": markdown_diff, "json": json_diff}


def settled(path: str) -> Model:
    """A model with no unresolved merge conflicts (a half-merged file has no single meaning to compare)."""
    model = load(path)[0]
    if model.conflicts():
        count = len(model.conflicts())
        raise FileFormatError(f"{path}: has {count} unresolved merge conflict(s); resolve them before comparing")
    return model


def run_diff(args: argparse.Namespace) -> int:
    if args.textconv:
        return _textconv(args.files)
    if args.git_external:
        return _external(args.files)
    if len(args.files) != 2:
        raise FileFormatError("diff: give two model files, OLD and NEW")
    old_path, new_path = args.files
    old, new = settled(old_path), settled(new_path)
    diff = diff_models(old, new)
    report = FORMATS[args.format](diff, old_path, new_path)
    sys.stdout.write(report if args.format == "json" else terminal_safe(report))
    return EXIT_OK if diff.same else EXIT_VIOLATIONS


def _textconv(files: list[str]) -> int:
    if len(files) != 1:
        raise FileFormatError("diff --textconv: give one model file")
    sys.stdout.write(terminal_safe(model_listing(load(files[0])[0])))
    return EXIT_OK


def _external(files: list[str]) -> int:
    """git calls ``PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE``; /dev/null is a missing side."""
    if len(files) < 7:
        raise FileFormatError("diff --git-external: git passes seven arguments")
    path, old_file, new_file = files[0], files[1], files[4]
    old, new = (Model() if f == "/dev/null" else load(f)[0] for f in (old_file, new_file))
    sys.stdout.write(terminal_safe(text_diff(diff_models(old, new), f"a/{path}", f"b/{path}")))
    return EXIT_OK  # git treats any other exit of an external diff as a crash
