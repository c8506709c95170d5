"""The context map drawn beside the report, through the Graphviz exporter when it is available."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from model.errors import ModelError
from model.store import Model

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Diagram:
    """Either the SVG of the context map, or why there is none."""

    svg: bytes | None
    reason: str = ""


def draw_context_map(model: Model, view: str | None = None, direction: str = "LR") -> Diagram:
    """The model (or one view) as SVG, violations marked; without Graphviz the report goes without it.

    A view or direction that does not exist is the user's mistake and raises; Graphviz failing
    to draw (not installed, out of time) only costs the picture.
    """
    try:
        from exporters.graphviz import render, to_dot
    except ImportError as error:
        log.info("no context map in the report: %s", error)
        return Diagram(None, "the Graphviz exporter is not available in this installation")
    dot_text = to_dot(model, view=view, overlay=True, direction=direction)
    try:
        return Diagram(render(dot_text, "svg"))
    except (ModelError, OSError) as error:
        log.warning("no context map in the report: %s", error)
        reason = " ".join(str(error).split()) or type(error).__name__
        return Diagram(None, f"Graphviz could not draw it ({reason})")
