"""The JSON Schema shipped in resources/ is current, valid, and accepts what Steelframe writes."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from model.fileformat import FORMAT_VERSION, to_json
from model.schema import RESOURCE, SCHEMA_ID, json_schema, main, schema_text
from tests.builders import rich_model


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_shipped_schema_is_what_the_models_generate() -> None:
    assert RESOURCE.read_text(encoding="utf-8") == schema_text(), "stale: run `python -m model.schema`"


def test_the_schema_names_itself() -> None:
    schema = json_schema()
    assert schema["$id"] == SCHEMA_ID
    assert schema["title"] == "Steelframe model file"
    assert schema["properties"]["format"]["const"] == FORMAT_VERSION


def test_the_text_is_deterministic() -> None:
    text = schema_text()
    assert text == schema_text()
    assert text.endswith("}\n")
    assert list(json.loads(text)) == sorted(json.loads(text))


def test_what_steelframe_writes_is_valid(validator: jsonschema.Draft202012Validator) -> None:
    validator.validate(json.loads(to_json(rich_model())))


def _rich() -> dict[str, Any]:
    return copy.deepcopy(json.loads(to_json(rich_model())))


@pytest.mark.parametrize(
    "break_it",
    [
        lambda d: d["elements"][0].pop("kind"),
        lambda d: d["elements"][0].update(kind="widget"),
        lambda d: d["elements"][0].update(colour="red"),
        lambda d: d["relations"][0].pop("source"),
        lambda d: d["settings"]["custom_rules"][0].pop("type"),
        lambda d: d.update(format=FORMAT_VERSION + 1),
        lambda d: d["views"][0]["nodes"].update({"1bad": {"x": 0, "y": 0}}),
    ],
    ids=["no-kind", "unknown-kind", "extra-attribute", "no-source", "no-rule-type", "other-format", "bad-id"],
)
def test_the_schema_refuses_broken_files(validator: jsonschema.Draft202012Validator, break_it: Any) -> None:
    data = _rich()
    break_it(data)
    assert not validator.is_valid(data)


def test_python_m_model_schema_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    assert main([str(target)]) == 0
    assert target.read_text(encoding="utf-8") == schema_text()
