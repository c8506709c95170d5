"""Automatic layout of a view with Graphviz: the graph of a view, the run of ``dot`` or ``sfdp``,
and the boxes read back from its ``-Tplain`` output.

Only the top-level boxes go to Graphviz: a context is sent as one box already sized to hold its
services and anti-corruption layers, which are then set out in a grid inside it (the way the
templates draw them). Graphviz clusters would move a context's children apart from each other and
cost dot much more time; a grid inside the box keeps every child inside its context by construction.
"""

from exporters.graphviz.layout.graph import LayoutGraph, LayoutNode, graph_for_view
from exporters.graphviz.layout.place import arranged_bounds
from exporters.graphviz.layout.run import LayoutResult, layout, run_layout

__all__ = ["LayoutGraph", "LayoutNode", "LayoutResult", "arranged_bounds", "graph_for_view", "layout", "run_layout"]
