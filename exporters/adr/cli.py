"""The adr entry of the export registry: ``steelframe export MODEL --to adr -o FOLDER``."""

from __future__ import annotations

from pathlib import Path

from exporters.adr.folder import write_adrs
from exporters.registry import ExportOptions
from model.errors import ModelError
from model.store import Model


def export(model: Model, output: Path, options: ExportOptions) -> None:
    if options.view is not None:
        raise ModelError("--view applies to diagram formats (dot, svg, png, pdf); decision records hold no view")
    write_adrs(model, output)
