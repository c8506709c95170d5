"""Mermaid flowcharts of a model or one of its views, as GitHub and GitLab render them in Markdown."""

from exporters.mermaid.flowchart import TooLarge, to_mermaid

__all__ = ["TooLarge", "to_mermaid"]
