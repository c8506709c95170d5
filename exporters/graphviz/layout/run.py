"""Laying out a LayoutGraph with Graphviz (``-Tplain``) through the one runner, within a time budget.

A graph of more than ``runner.LARGE`` nodes goes straight to sfdp; a smaller one goes to dot for
at most half the budget, then to sfdp. Every run is killed at its timeout or when ``cancelled()``
says so; failures are GraphvizError with a one-line message.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from exporters.graphviz.layout.graph import LayoutGraph
from exporters.graphviz.layout.place import corners
from exporters.graphviz.layout.plain import DOT_ATTRS, SFDP_ATTRS, dot_text, parse_plain
from exporters.graphviz.runner import GraphvizError, GraphvizTimeout, dot_then_sfdp, engine_for, never

#: Share of the budget dot may use before sfdp takes over.
DOT_SHARE = 0.5


@dataclass(frozen=True)
class LayoutResult:
    positions: dict[str, tuple[float, float]]  # element id -> top-left corner, scene units
    engine: str
    seconds: float


def run_layout(graph: LayoutGraph, timeout_s: float = 60.0,
               cancelled: Callable[[], bool] = never) -> LayoutResult:
    """Top-left corners for every box of the graph (children inside their contexts), with the engine used."""
    if not graph.nodes:
        return LayoutResult({}, "none", 0.0)
    started = time.monotonic()
    texts: dict[str, tuple[str, dict[str, str]]] = {}

    def text_for(engine: str) -> str:
        texts[engine] = dot_text(graph, DOT_ATTRS if engine == "dot" else SFDP_ATTRS)
        return texts[engine][0]

    try:
        drawn = dot_then_sfdp(text_for, ["-Tplain"], engine=engine_for(len(graph.nodes)),
                              dot_budget=timeout_s * DOT_SHARE, timeout=timeout_s, cancelled=cancelled)
    except GraphvizTimeout:
        raise GraphvizTimeout(f"Graphviz took longer than {timeout_s:.0f} s: the view is left as it was") from None
    centres = parse_plain(drawn.output.decode("utf-8"), texts[drawn.engine][1])
    if centres.keys() != graph.nodes.keys():
        raise GraphvizError(f"Graphviz {drawn.engine} left out {len(graph.nodes.keys() - centres.keys())} boxes")
    engine = "sfdp (dot timed out)" if drawn.dot_timed_out else drawn.engine
    return LayoutResult(corners(graph, centres), engine, time.monotonic() - started)


def layout(graph: LayoutGraph, timeout_s: float = 60.0) -> dict[str, tuple[float, float]]:
    """``run_layout`` without the engine and time: element id -> top-left corner in scene units."""
    return run_layout(graph, timeout_s).positions
