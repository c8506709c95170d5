"""The JSON Schema of the model file, generated from the pydantic document so the two cannot drift.

Editors and governance pipelines validate ``*.steelframe.json`` against the copy shipped in
resources/; ``python -m model.schema`` regenerates it and a test fails when it is stale.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from model.fileformat import FORMAT_VERSION, ModelDocument

SCHEMA_ID = f"urn:steelframe:model-file:format-{FORMAT_VERSION}"
RESOURCE = Path(__file__).resolve().parents[1] / "resources" / "steelframe.schema.json"

#: Properties that pick the class of an item in a tagged union: always written, so always required.
_TAGS = ("kind", "type")


def json_schema() -> dict[str, Any]:
    """The schema of the current format (JSON Schema 2020-12, as pydantic writes it)."""
    generated = ModelDocument.model_json_schema()
    for definition in generated.get("$defs", {}).values():
        _require_tag(definition)
    _close_keyed_objects(generated)
    _drop_openapi_keywords(generated)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **generated,
        "title": "Steelframe model file",
        "description": (
            f"A *.steelframe.json file, format {FORMAT_VERSION}: the settings, elements, relations, views "
            "and waivers of one Steelframe model. Attributes equal to their default may be left out."
        ),
    }


def _require_tag(definition: dict[str, Any]) -> None:
    """A file without its ``kind`` cannot be read, so the schema must not call it optional."""
    properties = definition.get("properties", {})
    for tag in _TAGS:
        if "const" in properties.get(tag, {}):
            required = definition.setdefault("required", [])
            if tag not in required:
                required.append(tag)


def _close_keyed_objects(node: Any) -> None:
    """Maps keyed by ids accept only keys matching the id pattern, as the loader does; say so."""
    if isinstance(node, dict):
        if "patternProperties" in node:
            node.setdefault("additionalProperties", False)
        for value in node.values():
            _close_keyed_objects(value)
    elif isinstance(node, list):
        for value in node:
            _close_keyed_objects(value)


def _drop_openapi_keywords(node: Any) -> None:
    """pydantic marks tagged unions with OpenAPI's ``discriminator``, which is no JSON Schema keyword.

    Strict validators (Ajv by default) refuse an unknown keyword; the ``oneOf`` it annotates already
    picks the class by its required ``const`` tag, so nothing is lost.
    """
    if isinstance(node, dict):
        if isinstance(node.get("discriminator"), dict) and "oneOf" in node:
            del node["discriminator"]
        for value in node.values():
            _drop_openapi_keywords(value)
    elif isinstance(node, list):
        for value in node:
            _drop_openapi_keywords(value)


def schema_text() -> str:
    """Deterministic text of the schema: sorted keys and a trailing newline, so it diffs cleanly."""
    return json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schema(path: Path = RESOURCE) -> Path:
    path.write_text(schema_text(), encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m model.schema", description="Write the model file's JSON Schema.")
    parser.add_argument("path", nargs="?", type=Path, default=RESOURCE, help=f"where to write it (default {RESOURCE})")
    args = parser.parse_args(argv)
    write_schema(args.path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
