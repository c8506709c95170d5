"""Graphviz export of generated views of 50, 200 and 500 contexts: how long the DOT text takes, how
long Graphviz takes to draw it, and which engine drew it (dot up to 150 nodes, sfdp beyond).

For views drawn by sfdp, dot is also timed on the clustered DOT of the same view (up to a limit),
to show what the switch saves.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from bench.estate import generate
from exporters.graphviz import lay_out, to_dot
from exporters.graphviz.runner import GraphvizTimeout, run
from model.store import Model
from model.views import Bounds, Route, ViewInfo
from model.vocabulary import ElementKind, RelationKind

SIZES = (50, 200, 500)
VIEW = "view-bench-graphviz"
DOT_LIMIT = 30.0


@dataclass(frozen=True)
class GraphvizRow:
    size: int
    flows: int
    dot_text_ms: float
    engine: str
    layout_s: float
    forced_dot_s: float | None  # None: not measured (dot drew it anyway); inf: past DOT_LIMIT


def add_view(model: Model, size: int) -> str:
    """A view of the first ``size`` contexts with every flow between two of them."""
    contexts = [element.id for element in model.elements(ElementKind.CONTEXT)][:size]
    shown = set(contexts)
    with model.transaction("Graphviz benchmark view"):
        model.add_view(ViewInfo(id=VIEW, name=f"{size} contexts"))
        for index, context_id in enumerate(contexts):
            model.place(VIEW, context_id, Bounds(x=(index % 20) * 200.0, y=(index // 20) * 120.0))
        for flow in model.relations(RelationKind.FLOW):
            if flow.source in shown and flow.target in shown:
                model.route(VIEW, flow.id, Route())
    return VIEW


def measure(size: int, seed: int, fmt: str = "svg") -> GraphvizRow:
    model = generate(size, seed)
    view = add_view(model, size)
    times = []
    for _ in range(3):
        started = time.perf_counter()
        text = to_dot(model, view)
        times.append((time.perf_counter() - started) * 1000)
    drawn = lay_out(text, fmt)
    forced: float | None = None
    if drawn.engine != "dot":
        try:
            forced = run("dot", to_dot(model, view, layout="dot"), [f"-T{fmt}"], DOT_LIMIT).seconds
        except GraphvizTimeout:
            forced = float("inf")
    flows = sum(1 for relation in model.relations(RelationKind.FLOW) if relation.id in model.layouts(view))
    return GraphvizRow(size, flows, statistics.median(times), drawn.engine, drawn.seconds, forced)


def report(sizes: tuple[int, ...] = SIZES, seed: int = 7) -> str:
    lines = [
        f"Graphviz export (svg) of generated views, seed {seed}: DOT text median of 3, layout once",
        "",
        f"{'nodes':>5}  {'flows':>5}  {'DOT text':>9}  {'engine':<6}  {'layout':>8}  dot instead",
        f"{'-' * 5}  {'-' * 5}  {'-' * 9}  {'-' * 6}  {'-' * 8}  -----------",
    ]
    for size in sizes:
        row = measure(size, seed)
        if row.forced_dot_s is None:
            instead = "-"
        elif row.forced_dot_s == float("inf"):
            instead = f"> {DOT_LIMIT:.0f} s (stopped)"
        else:
            instead = f"{row.forced_dot_s:.2f} s"
        text_ms, layout_s = f"{row.dot_text_ms:>6.1f} ms", f"{row.layout_s:>6.2f} s"
        lines.append(f"{row.size:>5}  {row.flows:>5}  {text_ms}  {row.engine:<6}  {layout_s}  {instead}")
    return "\n".join(lines)
