"""The dot, svg, png and pdf entries of the export registry: each writes one file atomically."""

from __future__ import annotations

from pathlib import Path

from exporters.files import write_atomically
from exporters.graphviz.dot import to_dot
from exporters.graphviz.engines import Rendering, lay_out
from exporters.registry import ExportOptions
from model.store import Model


def dot_text(model: Model, options: ExportOptions, layout: str | None = None) -> str:
    return to_dot(model, options.view, overlay=options.overlay, direction=options.direction, layout=layout)


def draw(model: Model, fmt: str, options: ExportOptions) -> Rendering:
    """The diagram drawn as ``fmt``; if dot runs past its budget, the flat layout of it drawn by sfdp."""
    return lay_out(dot_text(model, options), fmt, fallback=lambda: dot_text(model, options, layout="sfdp"))


def export_dot(model: Model, output: Path, options: ExportOptions) -> None:
    write_atomically(output, dot_text(model, options).encode("utf-8"))


def export_svg(model: Model, output: Path, options: ExportOptions) -> None:
    write_atomically(output, draw(model, "svg", options).data)


def export_png(model: Model, output: Path, options: ExportOptions) -> None:
    write_atomically(output, draw(model, "png", options).data)


def export_pdf(model: Model, output: Path, options: ExportOptions) -> None:
    write_atomically(output, draw(model, "pdf", options).data)
