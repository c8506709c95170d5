"""A model as flat sections of items of attributes: the common ground of diff and merge.

Every item (an element, a relation, a view, a waiver, the settings, the kept exchange data, a
recorded conflict) becomes ``{attribute: JSON value}`` with every attribute present, defaults
included, so that "absent" and "default" never differ. A view's boxes and routes and the settings'
per-rule entries are attributes of their own (``nodes.<id>``, ``rules.<id>``), so that two people
moving different boxes or tuning different rules touch different attributes.
"""

from __future__ import annotations

from typing import Any

from model.store import Model
from model.views import Bounds

Attributes = dict[str, Any]
Flat = dict[str, dict[str, Attributes]]

SECTIONS = ("settings", "elements", "relations", "views", "waivers", "exchange", "conflicts")
SETTINGS, EXCHANGE = "settings", "exchange"
#: Settings and view attributes that are maps or lists keyed by id: one attribute per entry.
KEYED = {"settings": ("rules", "custom_rules"), "views": ("nodes", "edges")}


def flatten(model: Model) -> Flat:
    """The model's items by section and id, each as a full dict of JSON attributes (ids left out)."""
    flat: Flat = {section: {} for section in SECTIONS}
    flat[SETTINGS][SETTINGS] = _settings(model)
    for element in model.elements():
        flat["elements"][element.id] = _without_id(element.model_dump(mode="json"))
    for relation in model.relations():
        flat["relations"][relation.id] = _without_id(relation.model_dump(mode="json"))
    for view in model.views():
        flat["views"][view.id] = _view(model, view.id)
    for waiver in model.waivers():
        flat["waivers"][waiver.id] = _without_id(waiver.model_dump(mode="json"))
    if model.exchange is not None:
        flat[EXCHANGE][EXCHANGE] = {"": model.exchange.model_dump(mode="json")}
    for conflict in model.conflicts():
        flat["conflicts"][conflict.id] = _without_id(conflict.model_dump(mode="json"))
    return flat


def _without_id(data: dict[str, Any]) -> Attributes:
    data.pop("id", None)
    return data


def _settings(model: Model) -> Attributes:
    settings = model.settings
    attributes: Attributes = {"name": settings.name, "description": settings.description, "language": settings.language}
    for rule_id, rule in settings.rules.items():
        attributes[f"rules.{rule_id}"] = rule.model_dump(mode="json")
    for custom in settings.custom_rules:
        attributes[f"custom_rules.{custom.id}"] = custom.model_dump(mode="json")
    return attributes


def _view(model: Model, view_id: str) -> Attributes:
    view = model.view(view_id)
    attributes: Attributes = {"name": view.name, "documentation": view.documentation}
    for item_id, layout in model.layouts(view_id).items():
        where = "nodes" if isinstance(layout, Bounds) else "edges"
        attributes[f"{where}.{item_id}"] = layout.model_dump(mode="json")
    return attributes


def split(attribute: str) -> tuple[str, str]:
    """``"nodes.ctx-1"`` -> ``("nodes", "ctx-1")``; a plain attribute -> ``(attribute, "")``."""
    head, _, rest = attribute.partition(".")
    return head, rest


def document_data(flat: Flat) -> dict[str, Any]:
    """The file data (as ``ModelDocument`` reads it) of flat sections."""
    from model.fileformat.document import FORMAT_VERSION

    data: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "settings": unkeyed(flat[SETTINGS][SETTINGS], KEYED["settings"]),
        "elements": [{"id": i, **a} for i, a in flat["elements"].items()],
        "relations": [{"id": i, **a} for i, a in flat["relations"].items()],
        "views": [{"id": i, **unkeyed(a, KEYED["views"])} for i, a in flat["views"].items()],
        "waivers": [{"id": i, **a} for i, a in flat["waivers"].items()],
        "conflicts": [{"id": i, **a} for i, a in flat["conflicts"].items()],
    }
    settings = data["settings"]
    settings["custom_rules"] = list(settings["custom_rules"].values())
    if EXCHANGE in flat[EXCHANGE]:
        data["exchange"] = flat[EXCHANGE][EXCHANGE][""]
    return data


def unkeyed(attributes: Attributes, keyed: tuple[str, ...]) -> dict[str, Any]:
    data: dict[str, Any] = {name: {} for name in keyed}
    for attribute, value in attributes.items():
        head, key = split(attribute)
        if head in keyed and key:
            if value is not None:
                data[head][key] = value
        else:
            data[attribute] = value
    return data
