"""Building a model from a checked document, through the model's verbs in one "Load" transaction."""

from __future__ import annotations

from typing import Any

from model.elements import ElementBase
from model.errors import ModelError
from model.fileformat.document import ModelDocument, ViewDocument
from model.fileformat.errors import file_error
from model.store import Model
from model.views import ViewInfo


def build(document: ModelDocument, source: str) -> Model:
    """Build through the verbs, so a loaded model is exactly one the editor could have made."""
    model = Model(document.settings)
    path = "$"
    try:
        with model.transaction("Load"):
            added: set[str] = set()
            deferred: list[tuple[str, ElementBase]] = []
            for index, element in enumerate(document.elements):
                path = f"$.elements[{index}]"
                if not element.REFERENCE_FIELDS or element.references() <= added:
                    model.add_element(element)
                else:  # it names an element further down (or a cycle): add it bare, refer later
                    model.add_element(_without_references(element))
                    deferred.append((path, element))
                added.add(element.id)
            for deferred_path, referring in deferred:
                path = deferred_path
                model.update_element(referring.id, **{f: getattr(referring, f) for f in referring.REFERENCE_FIELDS})
            for index, relation in enumerate(document.relations):
                path = f"$.relations[{index}]"
                model.add_relation(relation)
            for index, view in enumerate(document.views):
                path = f"$.views[{index}]"
                _add_view(model, view)
            for index, waiver in enumerate(document.waivers):
                path = f"$.waivers[{index}]"
                model.add_waiver(waiver)
    except ModelError as error:
        raise file_error(source, f"{path}: {error}") from None
    return model


def _without_references(element: ElementBase) -> ElementBase:
    fields = element.REFERENCE_FIELDS
    update: dict[str, Any] = {f: [] if isinstance(getattr(element, f), list) else None for f in fields}
    return element.model_copy(update=update)


def _add_view(model: Model, view: ViewDocument) -> None:
    model.add_view(ViewInfo(id=view.id, name=view.name, documentation=view.documentation))
    for element_id, bounds in view.nodes.items():
        model.place(view.id, element_id, bounds)
    for relation_id, route in view.edges.items():
        model.route(view.id, relation_id, route)
