"""What Archi and other consumers of the exchange file complained about: each fix and its check."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from app.cli.main import main
from exporters.archimate import import_archimate
from exporters.archimate.limits import not_carried
from exporters.archimate.mapping import XSI
from exporters.archimate.reading.importer import import_archimate_bytes
from exporters.archimate.writing.export import export_archimate
from model.fileformat import save_model
from model.templates import build_template
from model.views import Bounds, ViewInfo
from tests.builders import Builder
from tests.exporters.archimate.test_archimate_export import NS, assert_valid
from tests.exporters.archimate.test_archimate_import import foreign_estate


def test_an_access_without_access_type_keeps_the_default() -> None:
    model = foreign_estate().load()
    root = etree.fromstring(export_archimate(model))
    (unspecified,) = root.xpath("//a:relationship[@identifier='r2']", namespaces=NS)
    assert "accessType" not in unspecified.attrib
    (read,) = root.xpath("//a:relationship[@identifier='r1']", namespaces=NS)
    assert read.get("accessType") == "Read"


def test_what_the_exchange_cannot_carry_is_said() -> None:
    builder = Builder()
    builder.context("a")
    assert not_carried(builder.model) is None
    builder.decision("d1", status="accepted")
    builder.decision("d2")
    builder.waiver("w", "d1", "SF014", ["a"], "Shared for now")
    assert not_carried(builder.model) == (
        "the ArchiMate exchange format cannot carry 2 decisions (export them as decision records: --to adr) "
        "and 1 waiver (they stay in the model file)"
    )
    builder.note("n1", text="Ask finance")
    builder.note("n2", text="Shown")
    with builder.model.transaction("view"):
        builder.model.add_view(ViewInfo(id="v", name="Map"))
        builder.model.place("v", "n2", Bounds(x=0, y=0))
    said = not_carried(builder.model)
    assert said is not None and said.endswith(", 1 waiver (they stay in the model file) and 1 note that no view "
                                              "shows (place them in a view to keep them)")
    root = etree.fromstring(export_archimate(builder.model))
    (label,) = root.xpath("//a:node[@xsi:type='Label']/a:label", namespaces={**NS, "xsi": XSI})
    assert label.text == "Shown"


def test_the_command_line_says_it_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_model(build_template("retail"), tmp_path / "m.steelframe.json")
    model_file, exchange = str(tmp_path / "m.steelframe.json"), str(tmp_path / "m.xml")
    assert main(["export", model_file, "--to", "archimate", "-o", exchange]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("wrote ") and "cannot carry 1 decision" in err
    assert main(["export", str(tmp_path / "m.steelframe.json"), "--to", "dot", "-o", str(tmp_path / "m.dot")]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("template", ["blank", "decisions only"])
def test_a_model_without_archimate_elements_still_has_elements(template: str, tmp_path: Path) -> None:
    builder = Builder()
    if template != "blank":
        builder.decision("d", status="accepted")
    data = export_archimate(builder.model)
    root = assert_valid(data)  # the schema wants at least one element in <elements>
    (grouping,) = root.xpath("a:elements/a:element", namespaces=NS)
    assert grouping.get("identifier") == "id-steelframe-empty-model"
    back = import_archimate_bytes(data)
    assert back.elements() == [] and back.relations() == []
    (tmp_path / "m.xml").write_bytes(data)
    assert import_archimate(tmp_path / "m.xml").elements() == []


def test_a_foreign_file_with_one_grouping_keeps_it() -> None:
    model = foreign_estate().load()
    root = etree.fromstring(export_archimate(model))
    assert not root.xpath("//a:element[@identifier='id-steelframe-empty-model']", namespaces=NS)
