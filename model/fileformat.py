"""The native ``*.steelframe.json`` format: a versioned, validated document that diffs well in git.

Writing is deterministic (items sorted by id, keys sorted, defaults left out) so that the same
model always gives the same bytes. Reading trusts nothing: each problem is reported as one line
naming the file and the JSON path of the first problem, and the model is only built, through its
verbs in one transaction, once the whole document is known to be consistent.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import secrets
import stat
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from model.elements import Element, ElementBase
from model.errors import ModelError, describe_validation_error, json_path
from model.ids import Identifier
from model.references import reference_problem
from model.relations import ENDPOINTS, Relation, RelationBase, endpoint_problem
from model.settings import Settings, Waiver
from model.store import Model
from model.views import Bounds, Route, ViewInfo
from model.vocabulary import RelationKind

FORMAT_VERSION = 1

#: version N -> a function turning the data of a format-N file into format N+1 data.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class FileFormatError(ModelError):
    """A model file that cannot be read or written; the message is ``"{file}: {reason}"`` on one line."""


class ViewDocument(BaseModel):
    """A view as stored: its attributes and what it shows, element boxes and relation routes by id."""

    model_config = ConfigDict(extra="forbid")

    id: Identifier
    name: str
    documentation: str = ""
    nodes: dict[Identifier, Bounds] = Field(default_factory=dict)
    edges: dict[Identifier, Route] = Field(default_factory=dict)


class ModelDocument(BaseModel):
    """The whole file; its JSON Schema is what resources/steelframe.schema.json ships."""

    model_config = ConfigDict(extra="forbid", title="Steelframe model")

    format: int = Field(json_schema_extra={"const": FORMAT_VERSION})
    settings: Settings = Field(default_factory=Settings)
    elements: list[Element] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    views: list[ViewDocument] = Field(default_factory=list)
    waivers: list[Waiver] = Field(default_factory=list)


# ------------------------------------------------------------------ writing


def to_json(model: Model) -> str:
    """The file text of ``model``: byte-identical for equal models, whatever order they were built in."""
    data = {
        "format": FORMAT_VERSION,
        "settings": _settings_data(model.settings),
        "elements": [_item_data(e) for e in sorted(model.elements(), key=_by_id)],
        "relations": [_item_data(r) for r in sorted(model.relations(), key=_by_id)],
        "views": [_view_data(model, v) for v in sorted(model.views(), key=_by_id)],
        "waivers": [w.model_dump(mode="json", exclude_defaults=True) for w in sorted(model.waivers(), key=_by_id)],
    }
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n"


def _by_id(item: ElementBase | RelationBase | ViewInfo | Waiver) -> str:
    return item.id


def _item_data(item: ElementBase | RelationBase) -> dict[str, Any]:
    """Attributes that differ from their default, plus ``kind``, which a reader needs to pick the class."""
    data = item.model_dump(mode="json", exclude_defaults=True)
    data["kind"] = str(item.kind)  # type: ignore[attr-defined]
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
        _write_atomically(target, data)
    except OSError as error:
        raise _error(name, f"cannot write it: {_os_reason(error, target)}") from error


def _write_atomically(target: Path, data: bytes) -> None:
    """Temporary file beside the target, synced, then renamed over it; the rename is the commit."""
    directory = target.parent
    mode = stat.S_IMODE(target.stat().st_mode) if target.is_file() else None
    fd, temporary = _create_temporary(directory, target.name)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_directory(directory)


def _create_temporary(directory: Path, name: str) -> tuple[int, Path]:
    """A new file created with mode 0o666 so the user's umask applies, as for any ordinary file."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        candidate = directory / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(candidate, flags, 0o666), candidate
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {name}")


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable; platforms that cannot open a directory (Windows) skip this."""
    flag = getattr(os, "O_DIRECTORY", None)
    if flag is None:
        return
    try:
        fd = os.open(directory, os.O_RDONLY | flag)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):  # some file systems refuse fsync on a directory
            os.fsync(fd)
    finally:
        os.close(fd)


# ------------------------------------------------------------------ reading


def load_model(path: str | os.PathLike[str]) -> Model:
    """Read and validate a model file; any problem raises FileFormatError naming the file."""
    name = os.fspath(path)
    return from_json(read_model_file(path), source=name)


def read_model_file(path: str | os.PathLike[str]) -> str:
    """The text of a model file, or FileFormatError saying in words why it cannot be read."""
    name = os.fspath(path)
    target = Path(path)
    if target.is_dir():
        raise _error(name, "is a directory, not a model file")
    try:
        raw = target.read_bytes()
    except OSError as error:
        raise _error(name, f"cannot read it: {_os_reason(error, target)}") from error
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _error(name, f"is not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start})") from None
    return text.removeprefix("\ufeff")


def from_json(text: str, source: str = "<string>") -> Model:
    """Parse, upgrade, validate and check ``text``, then build the model in one "Load" transaction."""
    data = _upgraded(_parse(text, source), source)
    try:
        document = ModelDocument.model_validate(data)
    except ValidationError as error:
        raise _error(source, _describe(error)) from None
    problem = document_problem(document)
    if problem is not None:
        raise _error(source, problem)
    return _build(document, source)


class _NotJson(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise _NotJson(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NotJson(f"{text} is too large a number")
    return value


def _parse(text: str, source: str) -> dict[str, Any]:
    if not text.strip():
        raise _error(source, "is empty, not a Steelframe model")
    try:
        data = json.loads(text, parse_constant=_reject_constant, parse_float=_finite)
    except json.JSONDecodeError as error:
        raise _error(source, f"is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}") from None
    except _NotJson as error:
        raise _error(source, f"is not valid JSON: {error}") from None
    except RecursionError:
        raise _error(source, "is not valid JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise _error(source, f"$: expected a JSON object with a format version, got {_json_type(data)}")
    return data


def _json_type(value: object) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _upgraded(data: dict[str, Any], source: str) -> dict[str, Any]:
    """Bring an older file's data up to FORMAT_VERSION one registered step at a time."""
    if "format" not in data:
        raise _error(source, "$.format: missing; a Steelframe model file starts with its format version")
    version = data["format"]
    if not isinstance(version, int) or isinstance(version, bool):
        raise _error(source, f"$.format: expected a whole number, got {json.dumps(version)[:40]}")
    if version > FORMAT_VERSION:
        raise _error(
            source, f"written by a newer Steelframe (format {version}; this version reads up to {FORMAT_VERSION})"
        )
    while version < FORMAT_VERSION:
        step = UPGRADES.get(version)
        if step is None:
            reason = f"unknown format version {version} (this version reads up to {FORMAT_VERSION})"
            raise _error(source, f"$.format: {reason}")
        try:
            data = step(data)
        except Exception as error:  # an upgrade meeting malformed old data is unusable input, not a crash
            raise _error(source, f"cannot upgrade it from format {version}: {error}") from None
        if not isinstance(data, dict):
            raise _error(source, f"cannot upgrade it from format {version}: the upgrade gave no object")
        version += 1
        data["format"] = version
    return data


def _describe(error: ValidationError) -> str:
    """The first problem with its JSON path; a bad ``kind``/``type`` tag is named at the tag itself."""
    first = error.errors(include_url=False)[0]
    if first["type"] not in ("union_tag_invalid", "union_tag_not_found"):
        return describe_validation_error(error)
    tag = str(first.get("ctx", {}).get("discriminator", "kind")).strip("'\"")
    path = json_path((*first["loc"], tag))
    if first["type"] == "union_tag_not_found":
        return f"{path}: Field required"
    expected = re.findall(r"'([^']*)'", str(first["ctx"].get("expected_tags", "")))
    given = first["input"].get(tag) if isinstance(first["input"], dict) else None
    return f"{path}: Input should be one of {', '.join(sorted(expected))}, not {json.dumps(given)[:60]}"


def _error(source: str, reason: str) -> FileFormatError:
    return FileFormatError(" ".join(f"{source}: {reason}".splitlines()))


def _os_reason(error: OSError, target: Path) -> str:
    if isinstance(error, FileNotFoundError):
        parent = target.parent
        return f"the folder {os.fspath(parent)!r} does not exist" if not parent.is_dir() else "no such file"
    if isinstance(error, IsADirectoryError):
        return "it is a directory"
    if isinstance(error, PermissionError):
        return "permission denied"
    return error.strerror or str(error)


# ------------------------------------------------------- referential checks


def document_problem(document: ModelDocument) -> str | None:
    """The first referential problem of a well-shaped document, as ``"$.path: reason"``, or None."""
    elements: dict[str, ElementBase] = {e.id: e for e in document.elements}
    return (
        _duplicate_id(document)
        or _element_reference_problem(document, elements)
        or _relation_problem(document, elements)
        or _view_problem(document, elements)
    )


def _duplicate_id(document: ModelDocument) -> str | None:
    seen: dict[str, str] = {}
    sections: list[tuple[str, list[Any]]] = [
        ("elements", document.elements), ("relations", document.relations),
        ("views", document.views), ("waivers", document.waivers),
    ]
    for section, items in sections:
        for index, item in enumerate(items):
            path = f"$.{section}[{index}]"
            if item.id in seen:
                return f"{path}.id: the id {item.id!r} is already used by {seen[item.id]}"
            seen[item.id] = path
    return None


def _references_problem(item: ElementBase | RelationBase, path: str, elements: Mapping[str, ElementBase]) -> str | None:
    for field in item.REFERENCE_FIELDS:
        value = getattr(item, field)
        targets = [(f"{path}.{field}", value)] if isinstance(value, str) else [
            (f"{path}.{field}[{i}]", v) for i, v in enumerate(value or [])
        ]
        for where, target in targets:
            problem = reference_problem(item, field, elements.get(target), target)
            if problem:
                return f"{where}: {problem}"
    return None


def _element_reference_problem(document: ModelDocument, elements: Mapping[str, ElementBase]) -> str | None:
    for index, element in enumerate(document.elements):
        if element.REFERENCE_FIELDS:
            problem = _references_problem(element, f"$.elements[{index}]", elements)
            if problem:
                return problem
    return None


def _relation_problem(document: ModelDocument, elements: Mapping[str, ElementBase]) -> str | None:
    container: dict[str, str] = {}
    for index, relation in enumerate(document.relations):
        path = f"$.relations[{index}]"
        problem = _endpoint_problem(relation, path, elements) or _references_problem(relation, path, elements)
        if problem:
            return problem
        if relation.kind == RelationKind.CONTAINS:
            if relation.target in container:
                held = elements[relation.target]
                return (
                    f"{path}.target: {held.kind} {held.name or held.id!r} is already contained by "  # type: ignore[attr-defined]
                    f"another context ({container[relation.target]}); it belongs to one context"
                )
            container[relation.target] = path
    return None


def _endpoint_problem(relation: RelationBase, path: str, elements: Mapping[str, ElementBase]) -> str | None:
    for end in ("source", "target"):
        element_id = getattr(relation, end)
        if element_id not in elements:
            return f"{path}.{end}: {element_id!r} is not an element of the model"
    if relation.source == relation.target:
        return f"{path}.target: a {relation.kind} relation joins two different elements"  # type: ignore[attr-defined]
    kind: RelationKind = relation.kind  # type: ignore[attr-defined]
    source, target = elements[relation.source].kind, elements[relation.target].kind  # type: ignore[attr-defined]
    problem = endpoint_problem(kind, source, target)
    if problem:
        end = "source" if source not in ENDPOINTS[kind][0] else "target"
        return f"{path}.{end}: {problem}"
    return None


def _view_problem(document: ModelDocument, elements: Mapping[str, ElementBase]) -> str | None:
    relations = {r.id for r in document.relations}
    for index, view in enumerate(document.views):
        for node in view.nodes:
            if node not in elements:
                return f"$.views[{index}].nodes.{node}: {node!r} is not an element of the model"
        for edge in view.edges:
            if edge not in relations:
                return f"$.views[{index}].edges.{edge}: {edge!r} is not a relation of the model"
    return None


# ----------------------------------------------------------------- building


def _build(document: ModelDocument, source: str) -> Model:
    """Build through the verbs, so a loaded model is exactly one the editor could have made."""
    model = Model(document.settings)
    path = "$"
    try:
        with model.transaction("Load"):
            added: set[str] = set()
            deferred: list[tuple[str, ElementBase]] = []
            for index, element in enumerate(document.elements):
                path = f"$.elements[{index}]"
                if element.references() <= added:
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
        raise _error(source, f"{path}: {error}") from None
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
