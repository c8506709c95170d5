"""Writing a model file: deterministic text, saved atomically.

The same model always gives the same bytes: items sorted by id, keys sorted, defaults left out.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from model.atomic import write_atomically
from model.conflicts import Conflict
from model.elements import ElementBase
from model.fileformat.document import FORMAT_VERSION
from model.fileformat.errors import file_error, os_reason
from model.gcpause import collector_paused
from model.relations import RelationBase
from model.settings import Settings, Waiver
from model.store import Model
from model.views import Bounds, ViewInfo


def to_json(model: Model) -> str:
    """The file text of ``model``: byte-identical for equal models, whatever order they were built in."""
    with collector_paused():
        return _to_json(model)


def _to_json(model: Model) -> str:
    return json.dumps(model_data(model), indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n"


def model_data(model: Model) -> dict[str, Any]:
    """The file's data before it becomes text (what the semantic diff and merge compare)."""
    data: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "settings": _settings_data(model.settings),
        "elements": [_item_data(e) for e in sorted(model.elements(), key=_by_id)],
        "relations": [_item_data(r) for r in sorted(model.relations(), key=_by_id)],
        "views": [_view_data(model, v) for v in sorted(model.views(), key=_by_id)],
        "waivers": [w.model_dump(mode="json", exclude_defaults=True) for w in sorted(model.waivers(), key=_by_id)],
    }
    if model.exchange is not None:
        data["exchange"] = model.exchange.model_dump(mode="json", exclude_defaults=True)
    if model.conflicts():
        conflicts = sorted(model.conflicts(), key=_by_id)
        data["conflicts"] = [c.model_dump(mode="json", exclude_defaults=True) for c in conflicts]
    return data


def _by_id(item: ElementBase | RelationBase | ViewInfo | Waiver | Conflict) -> str:
    return item.id


def _item_data(item: ElementBase | RelationBase) -> dict[str, Any]:
    """Attributes that differ from their default, plus ``kind``, which a reader needs to pick the class."""
    data = item.model_dump(mode="json", exclude_defaults=True)
    data["kind"] = str(item.kind)
    return data


def _settings_data(settings: Settings) -> dict[str, Any]:
    data = settings.model_dump(mode="json", exclude_defaults=True)
    for rule, dumped in zip(settings.custom_rules, data.get("custom_rules", []), strict=True):
        dumped["type"] = rule.type  # the discriminator, left out by exclude_defaults
    return data


def _view_data(model: Model, view: ViewInfo) -> dict[str, Any]:
    data = view.model_dump(mode="json", exclude_defaults=True)
    nodes: dict[str, Any] = {}
    edges: dict[str, Any] = {}
    for item_id, layout in model.layouts(view.id).items():
        target = nodes if isinstance(layout, Bounds) else edges
        target[item_id] = layout.model_dump(mode="json", exclude_defaults=True)
    if nodes:
        data["nodes"] = nodes
    if edges:
        data["edges"] = edges
    return data


def save_model(model: Model, path: str | os.PathLike[str]) -> None:
    """Write ``model`` atomically: whatever fails, the previous file is left exactly as it was."""
    name = os.fspath(path)
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()  # write through the link instead of replacing it with a file
    data = to_json(model).encode("utf-8")
    try:
        write_atomically(target, data)
    except OSError as error:
        raise file_error(name, f"cannot write it: {os_reason(error, target)}") from error
