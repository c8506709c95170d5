"""Building a model from a checked document."""

from __future__ import annotations

from model.fileformat.document import ModelDocument, ViewDocument
from model.store import Layouts, Model
from model.views import ViewInfo


def build(document: ModelDocument) -> Model:
    """The model of a document that ``checks.document_problem`` found nothing wrong with."""
    return Model.from_checked(
        document.settings,
        elements=document.elements,
        relations=document.relations,
        views=[_view(view) for view in document.views],
        waivers=document.waivers,
        exchange=document.exchange,
        schema_uri=document.schema_uri,
        conflicts=document.conflicts,
    )


def _view(view: ViewDocument) -> tuple[ViewInfo, Layouts]:
    layouts: Layouts = {**view.nodes, **view.edges}
    return ViewInfo(id=view.id, name=view.name, documentation=view.documentation), layouts
