"""A captured line's route: right-angle bends around the other boxes of the view, in a lane of its own.

The templates' router (``model.templates._layout.Router``) does the work; it is first given the
lines the view already shows, so that the new one takes the next free lane at its ends and does not
run on top of them.
"""

from __future__ import annotations

from model.store import Model
from model.templates._layout import Router
from model.views import Bounds, Route


def route_around(model: Model, view_id: str, source: str, target: str) -> Route:
    """Bends for a new line from ``source`` to ``target`` in the view (both drawn there)."""
    layouts = model.layouts(view_id)
    placements = {i: b for i, b in layouts.items() if isinstance(b, Bounds)}
    router = Router(placements)
    for relation_id, layout in layouts.items():
        relation = model.find_relation(relation_id)
        if isinstance(layout, Route) and relation is not None and relation.source in placements \
                and relation.target in placements:
            router.route(relation.source, relation.target)  # only to learn the lanes and segments in use
    return router.route(source, target)
