"""Building a model from a checked document in one "Load" transaction."""

from __future__ import annotations

from model.fileformat.document import ModelDocument, ViewDocument
from model.store import Layouts, Model
from model.views import ViewInfo


def build(document: ModelDocument) -> Model:
    """The model of a document that ``checks.document_problem`` found nothing wrong with."""
    model = Model(document.settings)
    with model.transaction("Load"):
        model.add_checked(
            document.elements, document.relations, [_view(view) for view in document.views], document.waivers
        )
        model.set_exchange(document.exchange)
        for conflict in document.conflicts:
            model.add_conflict(conflict)
    return model


def _view(view: ViewDocument) -> tuple[ViewInfo, Layouts]:
    layouts: Layouts = {**view.nodes, **view.edges}
    return ViewInfo(id=view.id, name=view.name, documentation=view.documentation), layouts
