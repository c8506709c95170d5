"""The archimate entry of the export registry."""

from __future__ import annotations

from pathlib import Path

from exporters.archimate.writing.export import write_archimate
from exporters.registry import ExportOptions
from model.errors import ModelError
from model.store import Model


def export(model: Model, output: Path, options: ExportOptions) -> None:
    if options.view is not None:
        raise ModelError("--view applies to diagram formats (dot, svg, png, pdf); an ArchiMate export holds every view")
    write_archimate(model, output)
