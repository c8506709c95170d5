"""From Graphviz's centres to boxes: top-left corners for the top-level boxes, a grid inside each
context for its children, and the Bounds the Arrange command writes."""

from __future__ import annotations

from exporters.graphviz.layout.graph import PAD, TITLE, LayoutGraph, cell, grid
from model.views import Bounds

#: Where the drawing starts on the canvas.
MARGIN = 40.0


def corners(graph: LayoutGraph, centres: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Top-left corners (rounded) of every box: Graphviz's centres moved to start at MARGIN, children in a grid."""
    left = min(x - graph.nodes[i].w / 2 for i, (x, _) in centres.items())
    top = min(y - graph.nodes[i].h / 2 for i, (_, y) in centres.items())
    positions: dict[str, tuple[float, float]] = {}
    for node_id, (x, y) in centres.items():
        node = graph.nodes[node_id]
        cx = round(x - node.w / 2 - left + MARGIN, 1)
        cy = round(y - node.h / 2 - top + MARGIN, 1)
        positions[node_id] = (cx, cy)
        held = graph.clusters.get(node_id)
        if held:
            cols, _ = grid(len(held))
            cw, ch = cell(held)
            for index, child in enumerate(held):
                column, row = index % cols, index // cols
                positions[child.id] = (cx + PAD + column * (cw + PAD), cy + TITLE + row * (ch + PAD))
    return positions


def arranged_bounds(graph: LayoutGraph, positions: dict[str, tuple[float, float]]) -> dict[str, Bounds]:
    """The new Bounds of every positioned box, contexts with the size that holds their children."""
    sizes = {n.id: n for n in graph.nodes.values()} | {c.id: c for held in graph.clusters.values() for c in held}
    return {i: Bounds(x=x, y=y, w=sizes[i].w, h=sizes[i].h) for i, (x, y) in positions.items() if i in sizes}
