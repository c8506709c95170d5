"""Writing a model file: deterministic text, saved atomically.

The same model always gives the same bytes: items sorted by id, keys sorted, defaults left out,
two-space indentation. orjson encodes (the standard library's indenting encoder is pure Python and
took three quarters of a save); it spells numbers as Python does, except a float of magnitude
between 1e-10 and 1e-4, which it writes without an exponent (``0.00001`` for ``1e-05``): the same
number, read back exactly. An integer beyond 64 bits, which orjson cannot encode, falls back to
the standard library.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson
from pydantic import TypeAdapter

from model.atomic import write_atomically
from model.conflicts import Conflict
from model.elements import Element, ElementBase
from model.fileformat.document import FORMAT_VERSION
from model.fileformat.errors import file_error, os_reason
from model.gcpause import collector_paused
from model.relations import Relation, RelationBase
from model.settings import Settings, Waiver
from model.store import Model
from model.views import Bounds, Route, ViewInfo

_ELEMENTS: TypeAdapter[Any] = TypeAdapter(list[Element])
_RELATIONS: TypeAdapter[Any] = TypeAdapter(list[Relation])
_NODES: TypeAdapter[dict[str, Bounds]] = TypeAdapter(dict[str, Bounds])
_EDGES: TypeAdapter[dict[str, Route]] = TypeAdapter(dict[str, Route])
_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE


def to_json(model: Model) -> str:
    """The file text of ``model``: byte-identical for equal models, whatever order they were built in."""
    return to_bytes(model).decode("utf-8")


def to_bytes(model: Model) -> bytes:
    """The file text of ``model`` as UTF-8, what ``save_model`` writes."""
    with collector_paused():
        return _encode(model_data(model))


def model_data(model: Model) -> dict[str, Any]:
    """The file's data before it becomes text (what the semantic diff and merge compare)."""
    data: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "settings": _settings_data(model.settings),
        "elements": _items_data(_ELEMENTS, sorted(model.elements(), key=_by_id)),
        "relations": _items_data(_RELATIONS, sorted(model.relations(), key=_by_id)),
        "views": [_view_data(model, v) for v in sorted(model.views(), key=_by_id)],
        "waivers": [w.model_dump(mode="json", exclude_defaults=True) for w in sorted(model.waivers(), key=_by_id)],
    }
    if model.exchange is not None:
        data["exchange"] = model.exchange.model_dump(mode="json", exclude_defaults=True)
    if model.schema_uri is not None:
        data["$schema"] = model.schema_uri
    if model.conflicts():
        conflicts = sorted(model.conflicts(), key=_by_id)
        data["conflicts"] = [c.model_dump(mode="json", exclude_defaults=True) for c in conflicts]
    return data


def _encode(data: dict[str, Any]) -> bytes:
    try:
        return orjson.dumps(data, option=_OPTIONS)
    except orjson.JSONEncodeError:  # an integer beyond 64 bits
        text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n"
        return text.encode("utf-8")


def _by_id(item: ElementBase | RelationBase | ViewInfo | Waiver | Conflict) -> str:
    return item.id


def _items_data(adapter: TypeAdapter[Any], items: Sequence[ElementBase | RelationBase]) -> list[dict[str, Any]]:
    """Attributes that differ from their default, plus ``kind``, which a reader needs to pick the class."""
    data: list[dict[str, Any]] = adapter.dump_python(list(items), mode="json", exclude_defaults=True)
    for dumped, item in zip(data, items, strict=True):
        dumped["kind"] = str(item.kind)
    return data


def _settings_data(settings: Settings) -> dict[str, Any]:
    data = settings.model_dump(mode="json", exclude_defaults=True)
    for rule, dumped in zip(settings.custom_rules, data.get("custom_rules", []), strict=True):
        dumped["type"] = rule.type  # the discriminator, left out by exclude_defaults
    return data


def _view_data(model: Model, view: ViewInfo) -> dict[str, Any]:
    data = view.model_dump(mode="json", exclude_defaults=True)
    nodes: dict[str, Bounds] = {}
    edges: dict[str, Route] = {}
    for item_id, layout in model.layouts(view.id).items():
        if isinstance(layout, Bounds):
            nodes[item_id] = layout
        else:
            edges[item_id] = layout
    if nodes:
        data["nodes"] = _NODES.dump_python(nodes, mode="json", exclude_defaults=True)
    if edges:
        data["edges"] = _EDGES.dump_python(edges, mode="json", exclude_defaults=True)
    return data


def save_model(model: Model, path: str | os.PathLike[str]) -> None:
    """Write ``model`` atomically: whatever fails, the previous file is left exactly as it was."""
    name = os.fspath(path)
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()  # write through the link instead of replacing it with a file
    data = to_bytes(model)
    try:
        write_atomically(target, data)
    except OSError as error:
        raise file_error(name, f"cannot write it: {os_reason(error, target)}") from error
