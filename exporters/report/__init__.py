"""A Markdown governance report of a model: estate, ownership, interactions, violations and waivers."""

from exporters.report.document import report_markdown, write_report

__all__ = ["report_markdown", "write_report"]
