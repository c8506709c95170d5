"""``steelframe import`` and ``steelframe export --to archimate`` as a user runs them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from app.cli.main import main
from model.fileformat import load_model, save_model
from model.templates import build_template
from tests.archimate_reference import SAMPLES, require_reference, schema_errors


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_then_check_then_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    require_reference()
    model_path = tmp_path / "surance.steelframe.json"
    code, out, _ = run(capsys, "import", str(SAMPLES / "08_opengroup_ArchiSurance-3.1-case-study.xml"),
                       "-o", str(model_path))
    assert code == 0 and "69 views" in out
    code, out, _ = run(capsys, "check", str(model_path), "--format", "json")
    assert code == 1 and '"SF004"' in out, "undeclared flows of an imported estate are errors"
    exported = tmp_path / "surance.xml"
    assert run(capsys, "export", str(model_path), "--to", "archimate", "-o", str(exported))[0] == 0
    assert schema_errors(etree.parse(str(exported))) == []


def test_decisions_travel_as_records_beside_the_exchange_file(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """DESIGN: decisions are not ArchiMate concepts; export --to adr and import --decisions carry them."""
    model_path = tmp_path / "retail.steelframe.json"
    original = build_template("retail")
    save_model(original, model_path)
    assert run(capsys, "export", str(model_path), "--to", "archimate", "-o", str(tmp_path / "retail.xml"))[0] == 0
    assert run(capsys, "export", str(model_path), "--to", "adr", "-o", str(tmp_path / "adr"))[0] == 0
    back = tmp_path / "back.steelframe.json"
    code, _, err = run(capsys, "import", str(tmp_path / "retail.xml"), "--decisions", str(tmp_path / "adr"),
                       "-o", str(back))
    assert code == 0, err
    decisions = {e.id: e for e in original.elements("decision")}
    assert decisions and {e.id: e for e in load_model(back).elements("decision")} == decisions
    code, _, err = run(capsys, "import", str(tmp_path / "retail.xml"), "--decisions", str(tmp_path / "nowhere"),
                       "-o", str(tmp_path / "not-written.steelframe.json"))
    assert code == 2 and "nowhere" in err and "not a folder" in err
    assert not (tmp_path / "not-written.steelframe.json").exists()


def test_export_of_a_template_is_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model_path = tmp_path / "retail.steelframe.json"
    save_model(build_template("retail"), model_path)
    exported = tmp_path / "retail.xml"
    assert run(capsys, "export", str(model_path), "--to", "archimate", "-o", str(exported))[0] == 0
    require_reference()
    assert schema_errors(etree.parse(str(exported))) == []


def test_an_invalid_exchange_file_is_refused_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    require_reference()
    source = SAMPLES / "07_INVALID_hand-edited_aoeff_3_1.xml"
    target = tmp_path / "out.steelframe.json"
    code, out, err = run(capsys, "import", str(source), "-o", str(target))
    assert code == 2 and out == ""
    assert re.fullmatch(rf"steelframe: {re.escape(str(source))}:14: .*propertyDefinitionRef.*\n", err)
    assert not target.exists()


@pytest.mark.parametrize("content", [b"", b"not xml", b'<model xmlns="http://www.opengroup.org/xsd/archimate"/>'])
def test_unusable_exchange_files_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               content: bytes) -> None:
    source = tmp_path / "in.xml"
    source.write_bytes(content)
    target = tmp_path / "out.steelframe.json"
    code, _, err = run(capsys, "import", str(source), "-o", str(target))
    assert code == 2 and err.count("\n") == 1 and err.startswith(f"steelframe: {source}:")
    assert not target.exists()


def test_import_does_not_overwrite_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    require_reference()
    target = tmp_path / "out.steelframe.json"
    target.write_text("precious")
    sample = str(SAMPLES / "01_archi-testdata_Sample1.xml")
    assert run(capsys, "import", sample, "-o", str(target))[0] == 2
    assert target.read_text() == "precious"
    assert run(capsys, "import", sample, "-o", str(target), "--force")[0] == 0
    assert load_model(target).exchange is not None
