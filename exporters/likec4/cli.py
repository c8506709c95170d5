"""The likec4 entry of the export registry: one ``.c4`` source file (``likec4 validate`` reads its folder)."""

from __future__ import annotations

from pathlib import Path

from exporters.files import write_atomically
from exporters.likec4.source import to_likec4
from exporters.registry import ExportOptions
from model.store import Model


def export(model: Model, output: Path, options: ExportOptions) -> None:
    write_atomically(output, to_likec4(model, options.view, options.direction).encode("utf-8"))
