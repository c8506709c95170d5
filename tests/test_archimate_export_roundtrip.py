"""Export after import, on the reference samples and the templates: valid, foreign parts unchanged,
and a second round trip gives the same bytes. Skipped while the importer is not there."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from exporters.archimate.export import export_archimate
from model.templates import build_template
from tests.archimate_reference import relationship_allowed, require_reference, samples, schema_errors
from tests.builders import rich_model
from tests.test_archimate_export import NS, TYPE, assert_valid, parse

importer = pytest.importorskip("exporters.archimate.importer")


def sample_paths() -> list[Path]:
    try:
        return [p for p in samples() if "INVALID" not in p.name]
    except pytest.skip.Exception:
        return []


@pytest.fixture(params=sample_paths(), ids=lambda p: p.name[:2])
def sample(request: pytest.FixtureRequest) -> Path:
    return request.param


def steelframe_relationships_allowed(root: etree._Element, relation_ids: set[str]) -> list[str]:
    types = {e.get("identifier"): e.get(TYPE) for e in root.iterfind("a:elements/a:element", NS)}
    return [r.get("identifier") for r in root.iterfind("a:relationships/a:relationship", NS)
            if r.get("identifier") in relation_ids
            and not relationship_allowed(types[r.get("source")], types[r.get("target")], r.get(TYPE))]


def test_an_imported_sample_exports_valid_with_its_foreign_parts_unchanged(sample: Path) -> None:
    require_reference()
    model = importer.import_archimate(sample)
    data = export_archimate(model)
    written = parse(data)
    assert schema_errors(written) == []
    assert steelframe_relationships_allowed(written, {r.id for r in model.relations()}) == []
    source = etree.parse(str(sample), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    archive = model.exchange
    assert archive is not None
    foreign = {*archive.elements, *archive.relationships}
    by_id = {e.get("identifier"): e for e in written.iter() if isinstance(e.tag, str) and e.get("identifier")}
    for item in source.iter():
        identifier = item.get("identifier") if isinstance(item.tag, str) else None
        if identifier in foreign:
            assert etree.tostring(by_id[identifier], method="c14n", exclusive=True) == etree.tostring(
                item, method="c14n", exclusive=True), identifier


def test_a_second_round_trip_of_a_sample_gives_the_same_bytes(sample: Path) -> None:
    require_reference()
    once = export_archimate(importer.import_archimate(sample))
    assert export_archimate(importer.import_archimate_bytes(once)) == once


@pytest.mark.parametrize("make", [rich_model, lambda: build_template("retail"), lambda: build_template("insurer")],
                         ids=["rich", "retail", "insurer"])
def test_export_import_export_gives_the_same_bytes(make) -> None:
    data = export_archimate(make())
    again = export_archimate(importer.import_archimate_bytes(data))
    assert again == data
    assert_valid(again)
