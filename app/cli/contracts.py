"""The command line's side of contracts: ``import CONTRACTS... -o MODEL`` and ``check --against``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app.cli.exits import EXIT_OK
from exporters.contracts import read_contracts
from exporters.contracts.bootstrap import build_model
from exporters.contracts.drift import drift_violations
from model.engine import Violation
from model.fileformat import save_model
from model.safe_text import shown
from model.store import Model

_SUFFIX = ".steelframe.json"


def is_exchange(sources: Sequence[str]) -> bool:
    """One file whose content is XML: an ArchiMate exchange file; anything else is read as contracts."""
    if len(sources) != 1 or not Path(sources[0]).is_file():
        return False
    with open(sources[0], "rb") as file:
        head = file.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<")


def model_name(output: str) -> str:
    name = Path(output).name
    return name[: -len(_SUFFIX)] if name.endswith(_SUFFIX) else Path(name).stem


def run_contract_import(args: argparse.Namespace) -> int:
    model = build_model(read_contracts(args.sources), model_name(args.output))
    save_model(model, args.output)
    counts = f"{len(model.elements())} elements, {len(model.relations())} relations, {len(model.views())} views"
    sys.stdout.write(f"wrote {shown(args.output)} from {len(args.sources)} contract source(s) ({counts})\n")
    return EXIT_OK


def with_drift(model: Model, violations: list[Violation], against: Sequence[str] | None) -> list[Violation]:
    """The check's violations plus the drift findings against the contracts, in the engine's order."""
    if not against:
        return violations
    return sorted([*violations, *drift_violations(model, read_contracts(against))], key=Violation.sort_key)
