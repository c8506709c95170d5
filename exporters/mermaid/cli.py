"""The mermaid entry of the export registry: a ``.mmd`` file, or a ``.md`` file with the chart fenced."""

from __future__ import annotations

from pathlib import Path

from exporters.files import write_atomically
from exporters.mermaid.flowchart import to_mermaid
from exporters.registry import ExportOptions
from model.store import Model

MARKDOWN_SUFFIXES = (".md", ".markdown")


def fenced(chart: str) -> str:
    """The chart in a ```` ```mermaid ```` block, as GitHub and GitLab render it inside Markdown."""
    return f"```mermaid\n{chart.rstrip()}\n```\n"


def export(model: Model, output: Path, options: ExportOptions) -> None:
    chart = to_mermaid(model, options.view, options.direction)
    if output.suffix.lower() in MARKDOWN_SUFFIXES:
        chart = fenced(chart)
    write_atomically(output, chart.encode("utf-8"))
