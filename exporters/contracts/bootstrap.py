"""A model of the estate as it runs, built from its contracts: where a workshop can start."""

from __future__ import annotations

from exporters.contracts.estate import Estate
from exporters.contracts.mapping import plan_estate
from exporters.contracts.placing import place_estate
from model.store import Model

VIEW_ID, VIEW_NAME = "view-estate", "Running estate"


def build_model(estate: Estate, name: str) -> Model:
    """Every element and relation of the estate, in one transaction, and a view of it."""
    plan = plan_estate(estate)
    model = Model()
    with model.transaction("Import contracts"):
        model.update_settings(name=name)
        for element in plan.elements.values():
            model.add_element(element)
        for relation in plan.relations.values():
            model.add_relation(relation)
        place_estate(model, VIEW_ID, VIEW_NAME)
    return model
