"""Export after import, on the reference samples and the templates: valid, foreign parts unchanged,
and a second round trip gives the same bytes. Skipped while the importer is not there."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from exporters.archimate.kept import check as kept_check
from exporters.archimate.kept import contract as kept
from exporters.archimate.kept.check import check, kept_index
from exporters.archimate.reading import importer
from exporters.archimate.writing.export import export_archimate
from exporters.archimate.writing.text import kept_text
from model.exchange import ExchangeArchive
from model.fileformat import from_json, to_json
from model.store import Model
from model.templates import build_template
from model.views import Bounds
from tests.archimate_reference import relationship_allowed, require_reference, samples, schema_errors
from tests.builders import rich_model
from tests.exporters.archimate.test_archimate_export import NS, TYPE, assert_valid, parse


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


def test_what_the_import_knows_of_its_fragments_is_what_parsing_them_finds(sample: Path) -> None:
    model = importer.import_archimate(sample)
    archive = model.exchange
    assert archive is not None
    known = kept_index(archive)
    checked = check(archive)
    assert as_written(checked.archive(archive)) == as_written(archive)  # the import's fragments are in normal form
    assert (checked.claimed, checked.relationship_ends, checked.diagrams) == (
        known.claimed, known.relationship_ends, known.diagrams)


def as_written(archive: ExchangeArchive) -> dict[str, Any]:
    """Every fragment of the archive as the export writes it into the document."""
    data = archive.model_dump()
    for name, value in data.items():
        if isinstance(value, str) and value.startswith("<"):
            data[name] = kept_text(value)
        elif isinstance(value, list):
            data[name] = [kept_text(raw) for raw in value]
        elif isinstance(value, dict) and name != "diagram_layouts":
            data[name] = {key: kept_text(raw) for key, raw in value.items()}
    return data


def test_what_is_known_of_an_archive_goes_with_it() -> None:
    require_reference()
    model = importer.import_archimate(next(p for p in sample_paths() if p.name.startswith("10")))
    assert model.exchange is not None
    archive = weakref.ref(model.exchange)
    export_archimate(from_json(to_json(model)))  # a second archive, checked by parsing
    del model
    gc.collect()
    assert archive() is None
    assert all(reference() is not None for reference, _ in kept._indexes.values())  # no entry outlives its archive


def test_an_archive_is_parsed_once_and_never_when_the_import_made_it(monkeypatch: pytest.MonkeyPatch) -> None:
    require_reference()
    calls: list[object] = []
    real = kept_check.check
    monkeypatch.setattr(kept_check, "check", lambda archive: calls.append(archive) or real(archive))
    model = importer.import_archimate(next(p for p in sample_paths() if p.name.startswith("10")))
    data = export_archimate(model)
    assert export_archimate(model) == data and calls == []
    loaded = from_json(to_json(model))  # an archive from a model file: checked by parsing, once
    assert export_archimate(loaded) == export_archimate(loaded) == data
    assert len(calls) == 1


def diagram_texts(model: Model) -> dict[str, str]:
    archive = model.exchange
    assert archive is not None
    return {view_id: kept_text(raw) for view_id, raw in archive.diagrams.items()}


def test_diagrams_are_written_as_kept_until_what_they_show_changes() -> None:
    require_reference()
    model = importer.import_archimate(next(p for p in sample_paths() if p.name.startswith("08")))
    kept = diagram_texts(model)
    data = export_archimate(model).decode()
    assert all(text in data for text in kept.values())
    moved_view, renamed_view, *_ = (v for v in model.views() if any(
        isinstance(layout, Bounds) for layout in model.layouts(v.id).values()))
    element_id, bounds = next((i, b) for i, b in model.layouts(moved_view.id).items() if isinstance(b, Bounds))
    with model.transaction("edit"):
        model.place(moved_view.id, element_id, Bounds(x=bounds.x + 1000, y=bounds.y, w=bounds.w, h=bounds.h))
        model.update_view(renamed_view.id, name="Renamed")
    written = parse(export_archimate(model))
    assert schema_errors(written) == []
    data = etree.tostring(written, encoding="unicode")
    unchanged = {v for v in kept if v not in (moved_view.id, renamed_view.id)}
    assert all(kept[v] in data for v in unchanged)
    assert kept[moved_view.id] not in data and kept[renamed_view.id] not in data
    diagram = written.find(f"a:views/a:diagrams/a:view[@identifier='{moved_view.id}']", NS)
    assert diagram.find(f".//a:node[@elementRef='{element_id}']", NS).get("x") == str(round(bounds.x + 1000))


def test_deleting_an_element_patches_the_diagrams_that_show_it() -> None:
    require_reference()
    model = importer.import_archimate(next(p for p in sample_paths() if p.name.startswith("08")))
    kept = diagram_texts(model)
    element_id = next(i for v in model.views() for i, b in model.layouts(v.id).items() if isinstance(b, Bounds))
    showing = {v.id for v in model.views() if f'elementRef="{element_id}"' in kept[v.id]}
    with model.transaction("delete"):
        model.remove_element(element_id)
    written = parse(export_archimate(model))
    assert schema_errors(written) == []
    assert not written.xpath(".//a:node[@elementRef=$e]", namespaces=NS, e=element_id)
    data = etree.tostring(written, encoding="unicode")
    assert showing and not any(kept[v] in data for v in showing)
