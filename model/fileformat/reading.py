"""Reading a model file: trust nothing, and say what is wrong in one line naming the file and the JSON path.

The model is only built, through its verbs in one transaction, once the whole document is known to be consistent.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from model.atomic import clean_stale_temporaries
from model.errors import describe_validation_error, json_path
from model.fileformat.building import build
from model.fileformat.checks import document_problem
from model.fileformat.document import ModelDocument
from model.fileformat.errors import file_error, os_reason
from model.fileformat.upgrades import upgraded
from model.gcpause import collector_paused
from model.safe_files import MODEL_LIMIT, read_regular
from model.safe_text import lone_surrogate_escape
from model.store import Model


def load_model(path: str | os.PathLike[str]) -> Model:
    """Read and validate a model file; any problem raises FileFormatError naming the file."""
    name = os.fspath(path)
    return from_json(read_model_file(path), source=name)


def read_model_file(path: str | os.PathLike[str]) -> str:
    """The text of a model file, or FileFormatError saying in words why it cannot be read."""
    name = os.fspath(path)
    target = Path(path)
    if target.is_dir():
        raise file_error(name, "is a directory, not a model file")
    clean_stale_temporaries(target)
    try:
        raw = read_regular(target, MODEL_LIMIT, "model file")
    except OSError as error:
        raise file_error(name, f"cannot read it: {os_reason(error, target)}") from error
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise file_error(name, f"is not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start})") from None
    return text.removeprefix("\ufeff")


def from_json(text: str, source: str = "<string>") -> Model:
    """Parse, upgrade, validate and check ``text``, then build the model in one "Load" transaction."""
    with collector_paused():
        return _from_json(text, source)


def _from_json(text: str, source: str) -> Model:
    data = upgraded(_parse(text, source), source)
    try:
        document = ModelDocument.model_validate(data)
    except ValidationError as error:
        raise file_error(source, _describe(error)) from None
    problem = document_problem(document)
    if problem is not None:
        raise file_error(source, problem)
    return build(document)


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
        raise file_error(source, "is empty, not a Steelframe model")
    try:
        data = json.loads(text, parse_constant=_reject_constant, parse_float=_finite)
    except json.JSONDecodeError as error:
        reason = f"is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        raise file_error(source, reason) from None
    except _NotJson as error:
        raise file_error(source, f"is not valid JSON: {error}") from None
    except RecursionError:
        raise file_error(source, "is not valid JSON: nested too deeply") from None
    except ValueError:  # an integer of more digits than Python converts
        limit = sys.get_int_max_str_digits()
        raise file_error(source, f"is not valid JSON: a number has more than {limit} digits") from None
    surrogate = lone_surrogate_escape(text)
    if surrogate is not None:
        line, column, escape = surrogate
        raise file_error(source, f"line {line} column {column}: {escape} is half of a UTF-16 surrogate pair, "
                                 "not a character; such text cannot be saved, so the file is not read")
    if not isinstance(data, dict):
        raise file_error(source, f"$: expected a JSON object with a format version, got {_json_type(data)}")
    return data


def _json_type(value: object) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _describe(error: ValidationError) -> str:
    """The first problem with its JSON path; a bad ``kind``/``type`` tag is named at the tag itself."""
    first = error.errors(include_url=False)[0]
    location = tuple(first["loc"])
    if location and location[-1] == "[key]":  # a map keyed by ids (view nodes, rule settings)
        return f"{json_path(location[:-1])}: {location[-2]!r} is not a valid key: {first['msg']}"
    if first["type"] not in ("union_tag_invalid", "union_tag_not_found"):
        return describe_validation_error(error)
    tag = str(first.get("ctx", {}).get("discriminator", "kind")).strip("'\"")
    path = json_path((*location, tag))
    if first["type"] == "union_tag_not_found":
        return f"{path}: Field required"
    expected = re.findall(r"'([^']*)'", str(first["ctx"].get("expected_tags", "")))
    given = first["input"].get(tag) if isinstance(first["input"], dict) else None
    return f"{path}: Input should be one of {', '.join(sorted(expected))}, not {json.dumps(given)[:60]}"
