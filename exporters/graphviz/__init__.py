"""Graphviz diagrams of a model or one of its views: DOT text, and SVG, PNG or PDF drawn by Graphviz."""

from exporters.graphviz.dot import to_dot
from exporters.graphviz.engines import Rendering, lay_out, render

__all__ = ["Rendering", "lay_out", "render", "to_dot"]
