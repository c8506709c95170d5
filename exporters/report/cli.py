"""The report entry of the export registry: ``steelframe export MODEL --to report -o report.md``."""

from __future__ import annotations

from pathlib import Path

from exporters.registry import ExportOptions
from exporters.report.document import write_report
from model.store import Model


def export(model: Model, output: Path, options: ExportOptions) -> None:
    """The report covers the whole model; ``--view`` chooses the diagram drawn beside it (default: everything)."""
    write_report(model, output, view=options.view, direction=options.direction)
