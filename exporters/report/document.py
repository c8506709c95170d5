"""The governance report from its sections: Markdown (``.md``), or one self-contained HTML page (``.html``)."""

from __future__ import annotations

from pathlib import Path

from exporters.adr.files import usable_folder, write_atomically
from exporters.adr.waived import known_rules
from exporters.mermaid import TooLarge, to_mermaid
from exporters.report.diagram import Diagram, draw_context_map
from exporters.report.html import report_page
from exporters.report.interactions import interactions
from exporters.report.ownership import ownership
from exporters.report.summary import summary
from exporters.report.violations import by_context, by_rule, decisions, waivers
from model.engine import check_model
from model.errors import ModelError
from model.store import Model

DIAGRAM_SUFFIX = "-diagram.svg"
MARKDOWN = (".md", ".markdown")
HTML = (".html", ".htm")
OVERLAY_NOTE = "Elements and relations involved in a violation are outlined in the colour of its severity."


def mermaid_section(model: Model, view: str | None, direction: str) -> list[str]:
    """The map as a Mermaid chart, which GitHub and GitLab draw in place; or why it is left out."""
    try:
        chart = to_mermaid(model, view, direction)
    except TooLarge as error:
        return [f"The Mermaid chart is left out: {str(error).split(';')[0]}.", ""]
    return ["```mermaid", *chart.rstrip("\n").split("\n"), "```", ""]


def diagram_section(diagram: str | None, missing: str, chart: list[str] | None = None) -> list[str]:
    lines = ["## Context map", "", *(chart or [])]
    if diagram is not None:
        return [*lines, f"![Context map]({diagram})", "", OVERLAY_NOTE, ""]
    reason = missing or "it is drawn only when the report is exported to a file"
    return [*lines, f"The diagram is not included: {reason}.", ""]


def report_parts(model: Model) -> tuple[list[str], list[str]]:
    """The Markdown before the context map (title, summary) and after it (every other section)."""
    violations = check_model(model)
    rules = known_rules(model)
    head = [f"# Architecture report: {' '.join(model.name.split())}", ""]
    if model.settings.description.strip():
        head += [" ".join(model.settings.description.split()), ""]
    head += summary(model, violations)
    tail = ownership(model) + interactions(model) + by_rule(model, violations, rules)
    tail += by_context(model, violations, rules) + waivers(model, violations, rules) + decisions(model)
    return head, tail


def report_markdown(
    model: Model, diagram: str | None = None, missing_diagram: str = "", view: str | None = None,
    direction: str = "LR",
) -> str:
    """The whole report; ``diagram`` is the relative path of the context map SVG when one is written beside it."""
    head, tail = report_parts(model)
    middle = diagram_section(diagram, missing_diagram, mermaid_section(model, view, direction))
    return "\n".join(head + middle + tail).rstrip("\n") + "\n"


def report_html(model: Model, diagram: Diagram) -> str:
    """The whole report as one HTML page, the context map's SVG inline."""
    head, tail = report_parts(model)
    return report_page(model.name, "\n".join(head), diagram, OVERLAY_NOTE, "\n".join(tail))


def write_report(model: Model, output: Path, view: str | None = None, direction: str = "LR") -> list[Path]:
    """Write the report to ``output`` (Markdown, with the context map SVG beside it; or one HTML page)."""
    output = Path(output)
    if output.is_dir():
        raise ModelError(f"{output}: is a folder; name the report file to write, such as report.md")
    suffix = output.suffix.lower()
    if suffix not in MARKDOWN + HTML:
        found = f"not {output.suffix}" if output.suffix else "the name has no extension"
        raise ModelError(f"{output}: a report is Markdown (.md) or HTML (.html); {found}")
    diagram = draw_context_map(model, view, direction)
    usable_folder(output.parent)
    if suffix in HTML:
        write_atomically(output, report_html(model, diagram).encode("utf-8"))
        return [output]
    svg_path = output.with_name(output.stem + DIAGRAM_SUFFIX)
    text = report_markdown(model, svg_path.name if diagram.svg is not None else None, diagram.reason, view, direction)
    written = []
    if diagram.svg is not None:
        write_atomically(svg_path, diagram.svg)
        written.append(svg_path)
    write_atomically(output, text.encode("utf-8"))
    return [output, *written]
