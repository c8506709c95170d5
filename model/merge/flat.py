"""A model as flat sections of items of attributes: the common ground of diff and merge.

Every item (an element, a relation, a view, a waiver, the settings, the kept exchange data, a
recorded conflict) becomes ``{attribute: JSON value}`` as the file writes it: an attribute at its
default is absent, so "absent" and "default" never differ. A view's boxes and routes and the settings'
per-rule entries are attributes of their own (``nodes.<id>``, ``rules.<id>``), so that two people
moving different boxes or tuning different rules touch different attributes.
"""

from __future__ import annotations

from typing import Any

from model.gcpause import collector_paused
from model.store import Model

Attributes = dict[str, Any]
Flat = dict[str, dict[str, Attributes]]

SECTIONS = ("settings", "elements", "relations", "views", "waivers", "exchange", "conflicts")
SETTINGS, EXCHANGE = "settings", "exchange"
#: Settings and view attributes that are maps or lists keyed by id: one attribute per entry.
KEYED = {"settings": ("rules", "custom_rules"), "views": ("nodes", "edges")}


def flatten(model: Model) -> Flat:
    """The model's items by section and id, each as a dict of its written attributes (ids left out)."""
    from model.fileformat.writing import model_data

    with collector_paused():
        return flatten_data(model_data(model))


def flatten_data(data: dict[str, Any]) -> Flat:
    """Flat sections of a model file's data as Steelframe writes it (attributes at their default are
    left out there, so an absent attribute, ``None`` here, always means the default)."""
    flat: Flat = {section: {} for section in SECTIONS}
    flat[SETTINGS][SETTINGS] = _keyed(data.get("settings", {}), KEYED["settings"])
    for section in ("elements", "relations", "waivers", "conflicts"):
        flat[section] = {item["id"]: _without_id(item) for item in data.get(section, [])}
    flat["views"] = {view["id"]: _keyed(_without_id(view), KEYED["views"]) for view in data.get("views", [])}
    if data.get(EXCHANGE) is not None:
        flat[EXCHANGE][EXCHANGE] = {"": data[EXCHANGE]}
    return flat


def _without_id(item: dict[str, Any]) -> Attributes:
    return {key: value for key, value in item.items() if key != "id"}


def _keyed(data: dict[str, Any], keyed: tuple[str, ...]) -> Attributes:
    """``{"nodes": {"a": ...}}`` -> ``{"nodes.a": ...}``; lists of custom rules are keyed by their ids."""
    attributes: Attributes = {}
    for name, value in data.items():
        if name not in keyed:
            attributes[name] = value
            continue
        entries = value.items() if isinstance(value, dict) else ((entry["id"], entry) for entry in value)
        for key, entry in entries:
            attributes[f"{name}.{key}"] = entry
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
        if value is None:
            continue
        if head in keyed and key:
            data[head][key] = value
        else:
            data[attribute] = value
    return data
