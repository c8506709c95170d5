"""The graph of one view as Graphviz sees it: top-level boxes, the children each context holds,
and the edges between top-level boxes that the view's drawn relations make."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from model.store import Model
from model.views import Bounds, Route

#: Scene units per inch: Bounds are in points, Graphviz's plain output is in inches.
POINTS = 72.0
#: Room above a context's first row of children, for its name; the gap around each child.
TITLE, PAD = 36.0, 16.0


@dataclass(frozen=True)
class LayoutNode:
    id: str
    w: float  # scene units
    h: float

    @property
    def inches(self) -> tuple[float, float]:
        return self.w / POINTS, self.h / POINTS


@dataclass
class LayoutGraph:
    """Top-level nodes (a context sized to hold its children), clusters and deduplicated edges."""

    view_id: str
    nodes: dict[str, LayoutNode] = field(default_factory=dict)
    clusters: dict[str, list[LayoutNode]] = field(default_factory=dict)  # context id -> its placed children
    edges: list[tuple[str, str]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.nodes)


def grid(count: int) -> tuple[int, int]:
    """Columns and rows of the grid that holds ``count`` children inside a context."""
    cols = 2 if count <= 4 else math.ceil(math.sqrt(count))
    return cols, math.ceil(count / cols)


def cell(children: list[LayoutNode]) -> tuple[float, float]:
    return max(c.w for c in children), max(c.h for c in children)


def graph_for_view(model: Model, view_id: str) -> LayoutGraph:
    """Every element placed in the view, and every relation routed in it, as a LayoutGraph."""
    layouts = model.layouts(view_id)
    boxes = {i: b for i, b in layouts.items() if isinstance(b, Bounds)}
    graph = LayoutGraph(view_id)
    top: dict[str, str] = {}  # placed element -> the top-level node that carries it
    children: dict[str, list[LayoutNode]] = {}
    for element_id, bounds in boxes.items():
        holder = model.container_of(element_id)
        if holder is not None and holder in boxes:
            children.setdefault(holder, []).append(LayoutNode(element_id, bounds.w, bounds.h))
            top[element_id] = holder
        else:
            top[element_id] = element_id
    for element_id, bounds in boxes.items():
        if top[element_id] != element_id:
            continue
        w, h = bounds.w, bounds.h
        held = children.get(element_id)
        if held:
            cols, rows = grid(len(held))
            cw, ch = cell(held)
            w, h = max(w, cols * (cw + PAD) + PAD), max(h, TITLE + rows * (ch + PAD))
            graph.clusters[element_id] = held
        graph.nodes[element_id] = LayoutNode(element_id, w, h)
    seen: set[tuple[str, str]] = set()
    for item_id, layout in layouts.items():
        relation = model.find_relation(item_id) if isinstance(layout, Route) else None
        if relation is None or relation.source not in top or relation.target not in top:
            continue
        edge = (top[relation.source], top[relation.target])
        if edge[0] != edge[1] and edge not in seen:
            seen.add(edge)
            graph.edges.append(edge)
    return graph
