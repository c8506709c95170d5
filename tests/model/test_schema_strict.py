"""The model file's JSON Schema passes strict validators, and a model file may name it in ``$schema``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from model.fileformat import FileFormatError, from_json, load_model, save_model, to_json
from model.history import History
from model.schema import RESOURCE, json_schema
from tests.builders import rich_model

#: Every keyword of JSON Schema 2020-12 (core, applicator, validation, format, meta-data, content).
KEYWORDS = {
    "$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment", "$defs",
    "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "prefixItems", "items",
    "contains", "properties", "patternProperties", "additionalProperties", "propertyNames",
    "unevaluatedItems", "unevaluatedProperties", "type", "enum", "const", "multipleOf", "maximum",
    "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems",
    "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties", "minProperties", "required",
    "dependentRequired", "format", "title", "description", "default", "deprecated", "readOnly", "writeOnly",
    "examples", "contentEncoding", "contentMediaType", "contentSchema",
}
_MAPS = ("properties", "patternProperties", "$defs", "dependentSchemas")
_ONE = ("not", "if", "then", "else", "items", "contains", "additionalProperties", "propertyNames",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema")
_MANY = ("allOf", "anyOf", "oneOf", "prefixItems")


def unknown_keywords(schema: dict[str, Any], path: str = "#") -> list[str]:
    """Where the schema uses a keyword that is not JSON Schema's (Ajv's strict mode refuses those)."""
    found = [f"{path}/{key}" for key in schema if key not in KEYWORDS]
    for key in _MAPS:
        for name, sub in schema.get(key, {}).items():
            found += unknown_keywords(sub, f"{path}/{key}/{name}")
    for key in _ONE:
        if isinstance(schema.get(key), dict):
            found += unknown_keywords(schema[key], f"{path}/{key}")
    for key in _MANY:
        for index, sub in enumerate(schema.get(key, [])):
            found += unknown_keywords(sub, f"{path}/{key}/{index}")
    return found


def test_the_schema_uses_only_json_schema_keywords() -> None:
    assert unknown_keywords(json.loads(RESOURCE.read_text(encoding="utf-8"))) == []


def test_tagged_unions_still_pick_one_class() -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    data = json.loads(to_json(rich_model()))
    data["elements"][0]["kind"] = "no-such-kind"
    assert not validator.is_valid(data)


def named(text: str, uri: Any = "../steelframe.schema.json") -> str:
    return json.dumps({"$schema": uri, **json.loads(text)}, indent=2)


def test_a_file_may_name_its_schema_and_keeps_it(tmp_path: Path) -> None:
    text = named(to_json(rich_model()))
    jsonschema.Draft202012Validator(json_schema()).validate(json.loads(text))
    model = from_json(text)
    assert model.schema_uri == "../steelframe.schema.json"
    path = tmp_path / "named.steelframe.json"
    save_model(model, path)
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["$schema"] == "../steelframe.schema.json"
    assert load_model(path).schema_uri == "../steelframe.schema.json"
    assert to_json(load_model(path)) == to_json(model)


def test_a_model_born_in_steelframe_names_no_schema() -> None:
    model = rich_model()
    assert model.schema_uri is None
    assert "$schema" not in json.loads(to_json(model))


@pytest.mark.parametrize("uri", [5, "", None])
def test_a_schema_that_is_not_a_uri_is_refused(uri: Any) -> None:
    with pytest.raises(FileFormatError, match=r"\$\.\$schema"):
        from_json(named(to_json(rich_model()), uri), "m.steelframe.json")


def test_naming_the_schema_is_one_undoable_change() -> None:
    model = rich_model()
    history = History(model)
    with model.transaction("name the schema"):
        model.set_schema_uri("https://example.org/steelframe.schema.json")
    assert model.schema_uri == "https://example.org/steelframe.schema.json"
    history.undo()
    assert model.schema_uri is None
    history.redo()
    assert model.schema_uri == "https://example.org/steelframe.schema.json"
