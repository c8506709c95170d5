"""How long Arrange's layout takes on generated views: ``python -m bench.layout``.

Each view holds the contexts of a generated estate (one box each) and every flow between two of
them, drawn in a plain grid; the row says which engine Arrange used and how long Graphviz took.
"""

from __future__ import annotations

import sys

from bench.estate import generate
from exporters.graphviz.layout import graph_for_view, run_layout
from model.ids import new_id
from model.store import Model
from model.views import Bounds, Route, ViewInfo
from model.vocabulary import ElementKind, RelationKind

SIZES = (50, 200, 500)


def estate_view(contexts: int, seed: int = 3, neighbours: bool = False) -> tuple[Model, str]:
    """A generated estate and a new view of all its contexts with the flows between them.

    With ``neighbours`` the view also holds the contexts' services and acls (inside them), their
    teams and their datastores, with every relation between two shown elements.
    """
    model = generate(contexts, seed)
    view_id = new_id("view")
    kinds = {ElementKind.CONTEXT}
    if neighbours:
        kinds |= {ElementKind.SERVICE, ElementKind.ACL, ElementKind.TEAM, ElementKind.DATASTORE}
    shown = [element.id for element in model.elements() if element.kind in kinds]
    ids = set(shown)
    with model.transaction("Layout benchmark view"):
        model.add_view(ViewInfo(id=view_id, name=f"{contexts} contexts"))
        for index, element_id in enumerate(shown):
            model.place(view_id, element_id, Bounds(x=(index % 20) * 200.0, y=(index // 20) * 120.0))
        for relation in model.relations():
            if relation.kind == RelationKind.CONTAINS or not (neighbours or relation.kind == RelationKind.FLOW):
                continue
            if relation.source in ids and relation.target in ids:
                model.route(view_id, relation.id, Route())
    return model, view_id


def report(sizes: tuple[int, ...] = SIZES, timeout_s: float = 60.0) -> str:
    rows = [f"{'nodes':>6} {'edges':>6}  {'engine':<22} {'seconds':>8}"]
    for size in sizes:
        model, view_id = estate_view(size)
        graph = graph_for_view(model, view_id)
        result = run_layout(graph, timeout_s)
        rows.append(f"{len(graph):>6} {len(graph.edges):>6}  {result.engine:<22} {result.seconds:>8.2f}")
    return "\n".join(rows)


def main() -> int:
    print(report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
