"""DOT text for a LayoutGraph, and the node boxes read back from Graphviz's ``-Tplain`` output.

Nodes are named ``n0``, ``n1``... so no model id needs quoting; boxes keep their size
(``fixedsize``) and have no label, since only their place is wanted.
"""

from __future__ import annotations

from exporters.graphviz.layout.graph import POINTS, LayoutGraph

#: dot tuned for speed over the fewest crossings: a view is tidied by hand afterwards anyway.
DOT_ATTRS = {
    "rankdir": "TB", "nodesep": "0.4", "ranksep": "0.6", "mclimit": "0.5", "nslimit": "2", "nslimit1": "2",
    "searchsize": "30", "splines": "false", "remincross": "false",
}
SFDP_ATTRS = {"overlap": "prism", "overlap_scaling": "-4", "sep": "+12", "splines": "false"}


def dot_text(graph: LayoutGraph, attrs: dict[str, str]) -> tuple[str, dict[str, str]]:
    """The DOT source and the map from its node names back to element ids."""
    names = {node_id: f"n{n}" for n, node_id in enumerate(graph.nodes)}
    lines = ["digraph view {", *(f'  {key}="{value}";' for key, value in attrs.items()),
             '  node [shape=box, fixedsize=true, label=""];']
    for node_id, node in graph.nodes.items():
        w, h = node.inches
        lines.append(f"  {names[node_id]} [width={w:.4f}, height={h:.4f}];")
    lines += [f"  {names[a]} -> {names[b]};" for a, b in graph.edges]
    lines.append("}")
    return "\n".join(lines) + "\n", {name: node_id for node_id, name in names.items()}


def parse_plain(text: str, names: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Centres of the nodes in scene units, y pointing down as on the canvas (plain's y points up)."""
    height = 0.0
    centres: dict[str, tuple[float, float]] = {}
    for line in text.splitlines():
        fields = line.split()
        if not fields:
            continue
        if fields[0] == "graph" and len(fields) >= 4:
            height = float(fields[3])
        elif fields[0] == "node" and len(fields) >= 4 and fields[1].strip('"') in names:
            x, y = float(fields[2]), float(fields[3])
            centres[names[fields[1].strip('"')]] = (x * POINTS, (height - y) * POINTS)
    return centres
