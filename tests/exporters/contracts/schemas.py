"""The official JSON Schemas, as the tests use them: AsyncAPI's bundled ones, Backstage's per kind.

Backstage's schema files refer to each other by relative file name and to definitions by a
``$id`` fragment (``shared/common.schema.json#relation``), which no resolver reads the same way; as
no kind schema is recursive, each is used with its references inlined and its ``$id``s dropped.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft7Validator

from tests.exporters.contracts.reference import ASYNCAPI_SCHEMAS, BACKSTAGE_SCHEMAS


@cache
def asyncapi_validator(version: str) -> Draft7Validator:
    return Draft7Validator(json.loads((ASYNCAPI_SCHEMAS / f"{version}.json").read_text()))


def _definition(schema: Any, name: str) -> Any:
    for value in (schema.get("definitions") or {}).values():
        if value.get("$id") in (name, f"#{name}"):
            return value
    raise KeyError(name)


def _inline(value: Any, here: Path) -> Any:
    if isinstance(value, dict):
        if "$ref" in value:
            file, _, fragment = value["$ref"].partition("#")
            path = (here.parent / file).resolve() if file else here
            target = json.loads(path.read_text())
            return _inline(_definition(target, fragment) if fragment else target, path)
        return {k: _inline(v, here) for k, v in value.items() if k != "$id"}
    if isinstance(value, list):
        return [_inline(item, here) for item in value]
    return value


@cache
def backstage_validator(kind: str) -> Draft7Validator:
    path = BACKSTAGE_SCHEMAS / "kinds" / f"{kind}.v1alpha1.schema.json"
    return Draft7Validator(_inline(json.loads(path.read_text()), path))


def backstage_errors(entity: dict[str, Any]) -> list[str]:
    return [error.message for error in backstage_validator(entity["kind"]).iter_errors(entity)]


def asyncapi_errors(document: dict[str, Any], version: str = "3.0.0") -> list[str]:
    return [error.message for error in asyncapi_validator(version).iter_errors(document)]
