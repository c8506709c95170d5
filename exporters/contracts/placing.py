"""A first view of an imported estate that reads well: teams on top, contexts as boxes holding their
services (grouped by domain and system), then the topics and the datastores, each on a row of its own.

Relations are routed around the boxes as the templates are; past ``ROUTED`` placed elements the
routes are left straight, since routing every line around every box grows with their product.
"""

from __future__ import annotations

import math

from model.elements import ElementBase
from model.store import Model
from model.templates._layout import MARGIN, Router
from model.views import Bounds, Route, ViewInfo
from model.vocabulary import ElementKind, RelationKind

K = ElementKind
WIDTH, HEIGHT, GAP, PAD, TITLE = 160.0, 80.0, 40.0, 16.0, 36.0
ROUTED = 150
DRAWN = frozenset({RelationKind.FLOW, RelationKind.TEAM_OWNS, RelationKind.USES})


def _group(element: ElementBase) -> tuple[str, str]:
    """Contexts of one domain, and within it of one system, are drawn side by side."""
    def tagged(prefix: str) -> str:
        return next((tag for tag in element.tags if tag.startswith(prefix)), "~")

    return tagged("domain:"), tagged("system:")


def _row(elements: list[ElementBase], y: float, placements: dict[str, Bounds]) -> float:
    """Place plain boxes along a row; the y below it."""
    per_row = max(6, math.ceil(math.sqrt(len(elements)) * 2))
    for index, element in enumerate(elements):
        col, row = index % per_row, index // per_row
        placements[element.id] = Bounds(x=MARGIN + col * (WIDTH + GAP), y=y + row * (HEIGHT + GAP))
    rows = math.ceil(len(elements) / per_row)
    return y + rows * (HEIGHT + GAP) + (GAP if rows else 0)


def _contexts(model: Model, y: float, placements: dict[str, Bounds]) -> float:
    contexts = sorted(model.elements(K.CONTEXT), key=lambda c: (*_group(c), c.name.casefold(), c.id))
    per_row = max(3, math.ceil(math.sqrt(len(contexts))))
    x, row_height = MARGIN, 0.0
    for index, context in enumerate(contexts):
        if index and index % per_row == 0:
            x, y, row_height = MARGIN, y + row_height + GAP, 0.0
        inner = [model.element(r.target) for r in model.outgoing(context.id, RelationKind.CONTAINS)]
        inner.sort(key=lambda e: e.name.casefold())
        cols = min(2, len(inner)) or 1
        rows = math.ceil(len(inner) / cols)
        w = cols * (WIDTH + PAD) + PAD if inner else WIDTH
        h = TITLE + rows * (HEIGHT + PAD) if inner else HEIGHT
        placements[context.id] = Bounds(x=x, y=y, w=w, h=h)
        for slot, element in enumerate(inner):
            placements[element.id] = Bounds(
                x=x + PAD + (slot % cols) * (WIDTH + PAD), y=y + TITLE + (slot // cols) * (HEIGHT + PAD)
            )
        x += w + GAP
        row_height = max(row_height, h)
    return y + row_height + 2 * GAP


def place_estate(model: Model, view_id: str, name: str) -> None:
    """Add a view showing the estate (the caller holds the transaction)."""
    placements: dict[str, Bounds] = {}
    y = _row(sorted(model.elements(K.TEAM), key=lambda t: t.name.casefold()), MARGIN, placements)
    y = _contexts(model, y, placements)
    y = _row(sorted(model.elements(K.TOPIC), key=lambda t: t.name.casefold()), y, placements)
    _row(sorted(model.elements(K.DATASTORE), key=lambda t: t.name.casefold()), y, placements)
    model.add_view(ViewInfo(id=view_id, name=name))
    for element_id, bounds in placements.items():
        model.place(view_id, element_id, bounds)
    router = Router(placements) if len(placements) <= ROUTED else None
    for relation in model.relations():
        ends = (relation.source, relation.target)  # type: ignore[attr-defined]
        if relation.kind in DRAWN and all(end in placements for end in ends):
            model.route(view_id, relation.id, router.route(*ends) if router else Route())
