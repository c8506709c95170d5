"""Re-exporting an import: an item written as its original text when that is what it would be written as,
parsed and patched only when it changed or another tool wrote it."""

from __future__ import annotations

import pytest

from exporters.archimate import export_archimate, import_archimate_bytes
from exporters.archimate.writing import concepts
from model.templates import build_template


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The fragments the export parses, by the identifier it patches."""
    seen: list[str] = []
    real = concepts.parse_fragment

    def counting(raw: str):  # type: ignore[no-untyped-def]
        node = real(raw)
        seen.append(node.get("identifier"))
        return node

    monkeypatch.setattr(concepts, "parse_fragment", counting)
    return seen


def test_an_unchanged_import_of_our_own_file_is_written_without_parsing(parses: list[str]) -> None:
    written = export_archimate(build_template("retail"))
    model = import_archimate_bytes(written, "retail.xml")
    assert export_archimate(model) == written
    assert parses == []


def test_a_changed_item_is_patched_from_its_original(parses: list[str]) -> None:
    written = export_archimate(build_template("retail"))
    model = import_archimate_bytes(written, "retail.xml")
    with model.transaction("Rename"):
        model.update_element("ctx-ordering", name="Orders")
    again = export_archimate(model)
    assert parses == ["ctx-ordering"]
    assert b">Orders</name>" in again and again.replace(b">Orders<", b">Ordering<") == written


def test_another_tools_fragment_is_patched_to_keep_what_it_holds(parses: list[str]) -> None:
    from tests.archimate_reference import require_reference

    sample = require_reference() / "samples" / "03_archi-testdata_archisurance.xml"
    model = import_archimate_bytes(sample.read_bytes(), str(sample))
    export_archimate(model)
    assert parses  # Archi's elements carry no steelframe properties: each is patched, never replaced
