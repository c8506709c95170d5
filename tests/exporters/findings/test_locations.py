"""Placing a finding in the model file: the lines of each object that has an id."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from exporters.findings.locations import artifact_uri, id_spans, relative_path


def test_spans_of_nested_and_compact_objects() -> None:
    text = '{\n  "elements": [\n    {\n      "attributes": {"id": "inner"},\n      "id": "a"\n    },\n' \
           '    {"id": "b\\"q", "kind": "fact"}\n  ],\n  "name": "id"\n}\n'
    json.loads(text)
    assert id_spans(text) == {"inner": (4, 4), "a": (3, 6), 'b"q': (7, 7)}


@given(st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=6, unique=True))
def test_every_id_of_an_indented_document_is_found(ids: list[str]) -> None:
    text = json.dumps({"items": [{"id": item, "name": "x"} for item in ids]}, indent=2, ensure_ascii=False)
    spans = id_spans(text)
    lines = text.split("\n")  # only line feeds end lines, as in code-scanning tools (not U+0085 or U+2028)
    for item in ids:
        start, end = spans[item]
        assert json.loads("\n".join(lines[start - 1 : end]).rstrip(","))["id"] == item


def test_paths_relative_to_the_working_directory(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    assert artifact_uri(str(tmp_path / "arch" / "my model.steelframe.json")) == "arch/my%20model.steelframe.json"
    assert relative_path(str(tmp_path / "arch" / "m.json")).as_posix() == "arch/m.json"
    assert artifact_uri("/elsewhere/m.json").startswith("file:///")
