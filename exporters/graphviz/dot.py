"""``to_dot``: a view or the whole model as Graphviz DOT text.

Two layouts. Up to ``LARGE`` nodes, ``dot`` draws each context as a cluster holding its services
and anti-corruption layers; edges to a context aim at an invisible anchor node inside the cluster
and are clipped at its border (``compound=true`` with ``lhead``/``ltail``). Beyond that, ``dot``
can take minutes on a dense cyclic estate, so the text asks for ``sfdp`` (``layout=sfdp``, where the
other says ``layout=dot``), which draws no clusters: contexts become nodes of their own and their
members hang on thin edges.

A fact is joined to its owner by an ``owns`` edge (bold, fact-green, a diamond at the owner as in
a UML composition) rather than placed in the owner's cluster: a contested fact has two owners, and
the diagram must show both.
"""

from __future__ import annotations

from collections.abc import Mapping

from exporters.graphviz import edges, styles
from exporters.graphviz.legend import legend, legend_table
from exporters.graphviz.overlay import Mark, marks
from exporters.graphviz.runner import LARGE  # beyond this many nodes the diagram is laid out flat by sfdp
from exporters.graphviz.scope import Scope, scope_of
from exporters.graphviz.text import AttrValue, Html, font, indent, quote, statement, wrapped
from model.errors import ModelError
from model.relations import Flow, RelationBase
from model.store import Model

DIRECTIONS = ("LR", "TB")
LAYOUTS = ("dot", "sfdp")
#: Beyond this many nodes or relations the layout is tuned for speed: edge labels become ``xlabel``s,
#: placed after the layout (as ``label``s, each one is a node of its own that dot must rank, order
#: and route around: on a dense view of 100 contexts, 13 s instead of 0.6 s), and dot spends less
#: effort on the last few crossings.
BUSY = 60
BUSY_RELATIONS = 120


def to_dot(
    model: Model, view: str | None = None, overlay: bool = False, direction: str = "LR",
    layout: str | None = None,
) -> str:
    """DOT for one view (by name or id) or the whole model (``view`` None).

    ``overlay`` outlines every element and relation a violation involves in its severity colour,
    with the rule ids; ``layout`` forces ``dot`` (clusters) or ``sfdp`` (flat), else the size decides.
    """
    if direction not in DIRECTIONS:
        raise ModelError(f"unknown direction {direction!r}: choose LR or TB")
    if layout is not None and layout not in LAYOUTS:
        raise ModelError(f"unknown layout {layout!r}: choose dot or sfdp")
    scope = scope_of(model, view)
    found = marks(model) if overlay else {}
    flat = layout == "sfdp" or (layout is None and len(scope.elements) > LARGE)
    busy = len(scope.elements) > BUSY or len(scope.relations) > BUSY_RELATIONS
    lines = _defaults(scope, direction, flat, busy)
    lines += _flat(model, scope, found, busy) if flat else _clustered(model, scope, found, busy)
    kinds = {element.kind for element in scope.elements.values()}
    styles_drawn = {r.style for r in scope.relations if isinstance(r, Flow)}
    relations = {r.kind for r in scope.relations}
    if flat:
        lines.append(legend_table(kinds, styles_drawn, relations, overlay))
    else:
        lines += legend(kinds, styles_drawn, relations, overlay)
    return "\n".join(["digraph \"steelframe\" {", *indent(lines), "}", ""])


def _defaults(scope: Scope, direction: str, flat: bool, busy: bool) -> list[str]:
    title = Html(font(wrapped(scope.title, 80), size=14, bold=True))
    graph: dict[str, AttrValue | None] = {
        "label": title, "labelloc": "t", "labeljust": "l", "fontname": styles.FONT, "pad": 0.3,
        "outputorder": "edgesfirst", "tooltip": scope.title,
    }
    if flat:
        graph |= {"layout": "sfdp", "overlap": "prism", "splines": "false", "K": 1.2}
    else:
        graph |= {"layout": "dot", "rankdir": direction, "compound": "true", "newrank": "true",
                  "nodesep": 0.35, "ranksep": 0.7, "splines": "spline"}
        if busy:
            graph |= {"mclimit": 0.5, "nslimit": 4.0, "nslimit1": 4.0, "searchsize": 50.0, "forcelabels": "true"}
    return [
        statement("graph", graph),
        statement("node", {"fontname": styles.FONT, "fontsize": 10.0, "margin": "0.14,0.06", "penwidth": 1.2}),
        statement("edge", {"fontname": styles.FONT, "fontsize": 9.0, "arrowsize": 0.8}),
    ]


def _clustered(model: Model, scope: Scope, found: Mapping[str, Mark], busy: bool) -> list[str]:
    lines: list[str] = []
    for context_id, members in scope.members.items():
        body = [statement("graph", styles.cluster(scope.elements[context_id], found.get(context_id))),
                statement(quote(context_id), styles.anchor(context_id, bool(members)))]
        body += [_node(scope, member, found) for member in members]
        if members:  # the anchor stands beside a member, so edges to the context do not stretch its box
            body.append(f"{{rank=same; {quote(context_id)}; {quote(members[0])}}}")
        lines += [f"subgraph {quote('cluster_' + context_id)} {{", *indent(body), "}"]
    lines += [_node(scope, i, found) for i in scope.elements if i not in scope.members and i not in scope.container]
    for relation in scope.relations:
        attributes = edges.edge(model, relation, found.get(relation.id), busy) | _clipping(scope, relation)
        lines.append(statement(f"{quote(relation.source)} -> {quote(relation.target)}", attributes))
    return lines


def _clipping(scope: Scope, relation: RelationBase) -> dict[str, AttrValue | None]:
    """``lhead``/``ltail`` for an end that is a context, unless the other end sits inside it."""
    clip: dict[str, AttrValue | None] = {}
    if relation.target in scope.members and scope.holder(relation.source) != relation.target:
        clip["lhead"] = "cluster_" + relation.target
    if relation.source in scope.members and scope.holder(relation.target) != relation.source:
        clip["ltail"] = "cluster_" + relation.source
    return clip


def _flat(model: Model, scope: Scope, found: Mapping[str, Mark], busy: bool) -> list[str]:
    lines = [_node(scope, element_id, found) for element_id in scope.elements]
    for member, holder in scope.container.items():
        lines.append(statement(f"{quote(holder)} -> {quote(member)}", {
            "class": "contains", "color": edges.OTHER_INK, "penwidth": 1.0, "arrowhead": "none",
        }))
    for relation in scope.relations:
        lines.append(statement(f"{quote(relation.source)} -> {quote(relation.target)}",
                               edges.edge(model, relation, found.get(relation.id), busy)))
    return lines


def _node(scope: Scope, element_id: str, found: Mapping[str, Mark]) -> str:
    return statement(quote(element_id), styles.node(scope.elements[element_id], found.get(element_id)))

