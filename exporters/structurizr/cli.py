"""The structurizr entry of the export registry: one ``workspace.dsl`` file."""

from __future__ import annotations

from pathlib import Path

from exporters.files import write_atomically
from exporters.registry import ExportOptions
from exporters.structurizr.workspace import to_structurizr
from model.store import Model


def export(model: Model, output: Path, options: ExportOptions) -> None:
    write_atomically(output, to_structurizr(model, options.view, options.direction).encode("utf-8"))
