"""The governance report as one Markdown document, assembled from its sections."""

from __future__ import annotations

from pathlib import Path

from exporters.adr.files import usable_folder, write_atomically
from exporters.adr.waived import known_rules
from exporters.report.diagram import draw_context_map
from exporters.report.interactions import interactions
from exporters.report.ownership import ownership
from exporters.report.summary import summary
from exporters.report.violations import by_context, by_rule, decisions, waivers
from model.engine import check_model
from model.errors import ModelError
from model.store import Model

DIAGRAM_SUFFIX = "-diagram.svg"


def diagram_section(diagram: str | None, missing: str) -> list[str]:
    lines = ["## Context map", ""]
    if diagram is not None:
        note = "Elements and relations involved in a violation are outlined in the colour of its severity."
        return [*lines, f"![Context map]({diagram})", "", note, ""]
    reason = missing or "it is drawn only when the report is exported to a file"
    return [*lines, f"The diagram is not included: {reason}.", ""]


def report_markdown(model: Model, diagram: str | None = None, missing_diagram: str = "") -> str:
    """The whole report; ``diagram`` is the relative path of the context map SVG when one is written beside it."""
    violations = check_model(model)
    rules = known_rules(model)
    lines = [f"# Architecture report: {' '.join(model.name.split())}", ""]
    if model.settings.description.strip():
        lines += [" ".join(model.settings.description.split()), ""]
    lines += summary(model, violations)
    lines += diagram_section(diagram, missing_diagram)
    lines += ownership(model)
    lines += interactions(model)
    lines += by_rule(model, violations, rules)
    lines += by_context(model, violations, rules)
    lines += waivers(model, violations, rules)
    lines += decisions(model)
    return "\n".join(lines).rstrip("\n") + "\n"


def write_report(model: Model, output: Path, view: str | None = None, direction: str = "LR") -> list[Path]:
    """Write the report to ``output`` and, when Graphviz can draw it, the context map (or ``view``) beside it."""
    output = Path(output)
    if output.is_dir():
        raise ModelError(f"{output}: is a folder; name the report file to write, such as report.md")
    diagram = draw_context_map(model, view, direction)
    svg_path = output.with_name(output.stem + DIAGRAM_SUFFIX)
    text = report_markdown(model, svg_path.name if diagram.svg is not None else None, diagram.reason)
    usable_folder(output.parent)
    written = []
    if diagram.svg is not None:
        write_atomically(svg_path, diagram.svg)
        written.append(svg_path)
    write_atomically(output, text.encode("utf-8"))
    return [output, *written]
