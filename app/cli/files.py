"""``steelframe new``, ``import`` and ``export``: model files made from templates and exchange files,
and written in every export format."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.contracts import is_exchange, run_contract_import
from app.cli.exits import EXIT_OK
from app.cli.loading import load, writable
from exporters.adr import merge_adrs
from exporters.archimate import import_archimate
from exporters.registry import FOLDER_FORMATS, ExportOptions, not_carried
from exporters.registry import export as export_model
from model.errors import ModelError
from model.fileformat import FileFormatError, save_model
from model.safe_text import shown
from model.templates import build_template


def run_export(args: argparse.Namespace) -> int:
    if args.to not in FOLDER_FORMATS:
        writable(args.output, args.force, inputs=(args.model,))
    model, _ = load(args.model)
    options = ExportOptions(view=args.view, overlay=args.overlay, direction=args.direction)
    export_model(model, args.to, Path(args.output), options)
    sys.stdout.write(f"wrote {shown(args.output)} ({args.to}) from {shown(args.model)}\n")
    left_out = not_carried(model, args.to)
    if left_out:
        sys.stderr.write(f"steelframe: warning: {left_out}\n")
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    writable(args.output, args.force, inputs=tuple(args.sources))
    if not is_exchange(args.sources):
        if args.decisions:
            raise FileFormatError("--decisions goes with an ArchiMate exchange file, not with contracts")
        return run_contract_import(args)
    exchange = args.sources[0]
    model = import_archimate(exchange)
    if args.decisions:
        merge_adrs(model, Path(args.decisions))
    save_model(model, args.output)
    counts = f"{len(model.elements())} elements, {len(model.relations())} relations, {len(model.views())} views"
    sys.stdout.write(f"wrote {shown(args.output)} from {shown(exchange)} ({counts})\n")
    return EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    writable(args.output, args.force)
    try:
        model = build_template(args.template)
    except ModelError as error:
        raise FileFormatError(f"{args.output}: cannot build the {args.template} template: {error}") from None
    save_model(model, args.output)
    sys.stdout.write(f"wrote {shown(args.output)} from the {args.template} template\n")
    return EXIT_OK
