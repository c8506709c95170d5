"""``steelframe import CONTRACTS`` and ``steelframe check --against`` as a user runs them, bad input included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from exporters.contracts import yamlfile
from model.fileformat import load_model, save_model
from tests.exporters.contracts.reference import acme_catalog, social, write
from tests.exporters.contracts.shop import shop


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_contracts_then_check_against_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "estate.steelframe.json"
    sources = [*social(), *acme_catalog()]
    code, out, _ = run(capsys, "import", *sources, "-o", str(target))
    assert code == 0 and "1 views" in out
    assert load_model(target).name == "estate"
    code, out, _ = run(capsys, "check", str(target), "--against", *sources, "--format", "json")
    assert code == 0
    assert not [v for v in json.loads(out)["violations"] if v["rule"].startswith("SF1")]


def _drifted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, list[str]]:
    sources = shop(tmp_path / "contracts")
    target = tmp_path / "shop.steelframe.json"
    assert run(capsys, "import", *sources, "-o", str(target))[0] == 0
    model = load_model(target)
    with model.transaction("drift"):
        model.update_element("event-orderplaced", schema_version="1")
        model.remove_relation("flow-ordering-billing-orderplaced")
    save_model(model, target)
    return target, sources


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_drift_in_every_format_with_the_same_exit_codes(fmt: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    target, sources = _drifted(tmp_path, capsys)
    code, out, _ = run(capsys, "check", str(target), "--against", *sources, "--format", fmt)
    assert code == 1, "SF101 is an error"
    assert "SF101" in out and "SF106" in out
    if fmt == "sarif":
        run_ = json.loads(out)["runs"][0]
        ids = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
        assert "SF107" in ids
        result = next(r for r in run_["results"] if r["ruleId"] == "SF101")
        assert ids[result["ruleIndex"]] == "SF101" and result["level"] == "error"
    code, _, _ = run(capsys, "check", str(target), "--against", *sources, "--fail-on", "error")
    assert code == 1
    code, out, _ = run(capsys, "check", str(target), "--format", "json")
    assert not [v for v in json.loads(out)["violations"] if v["rule"].startswith("SF1")], "no --against, no drift"


BOMB = "asyncapi: 3.0.0\na: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(7)
)

#: (case, file name, content, what the one line says)
BAD: list[tuple[str, str, str, str]] = [
    ("not-a-mapping", "list.yaml", "- asyncapi\n- 3.0.0\n", "list.yaml:1: a contract must be a mapping, not list"),
    ("alias-bomb", "bomb.yaml", BOMB, "refused: its aliases expand to more than 1,000,000 nodes"),
    ("python-tag", "tag.yaml", "asyncapi: !!python/object/apply:os.system ['echo owned']\n",
     "tag.yaml:1: the tag !!python/object/apply:os.system is not allowed"),
    ("etc-passwd", "passwd.yaml",
     "asyncapi: 3.0.0\ninfo: {title: A, version: '1'}\nchannels:\n  c: {$ref: '/etc/passwd#/x'}\n",
     "passwd.yaml:4: $ref '/etc/passwd#/x' is an absolute path"),
    ("escape", "up.yaml",
     "asyncapi: 3.0.0\ninfo: {title: A, version: '1'}\nchannels:\n  c: {$ref: '../../../../etc/passwd'}\n",
     "leaves the folder"),
    ("https", "web.yaml",
     "asyncapi: 3.0.0\ninfo: {title: A, version: '1'}\nchannels:\n  c: {$ref: 'https://example.com/c.yaml'}\n",
     "web.yaml:4: $ref 'https://example.com/c.yaml' is not a relative file: Steelframe never fetches"),
    ("cycle", "loop.yaml",
     "asyncapi: 3.0.0\ninfo: {title: A, version: '1'}\nchannels:\n  a: {$ref: '#/channels/b'}\n"
     "  b: {$ref: '#/channels/a'}\n", "is part of a cycle of references"),
    ("unknown-version", "v4.yaml", "asyncapi: 4.0.0\ninfo: {title: A, version: '1'}\n",
     "v4.yaml:1: unknown AsyncAPI version '4.0.0'"),
    ("no-title", "untitled.yaml", "asyncapi: 3.0.0\ninfo: {version: '1'}\n", "untitled.yaml:2: info.title"),
    ("bad-action", "act.yaml",
     "asyncapi: 3.0.0\ninfo: {title: A, version: '1'}\noperations:\n  o: {action: publish, channel: {}}\n",
     "act.yaml:4: operation 'o': action must be send or receive"),
    ("not-yaml", "broken.yaml", "asyncapi: 3.0.0\ninfo: [\n", "broken.yaml:3: not valid YAML"),
]


@pytest.mark.parametrize(("name", "content", "reason"), [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_bad_contracts_are_refused_in_one_line_and_nothing_is_written(
        name: str, content: str, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "in", name, content)
    target = tmp_path / "out.steelframe.json"
    code, out, err = run(capsys, "import", str(path), "-o", str(target))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and reason in err, err
    assert not target.exists()


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlfile, "MAX_BYTES", 1000)
    path = write(tmp_path, "big.yaml", "asyncapi: 3.0.0\n" + "# padding\n" * 200)
    code, _, err = run(capsys, "import", str(path), "-o", str(tmp_path / "out.steelframe.json"))
    assert code == 2 and "big.yaml:0: the file is 2,016 bytes; contracts larger than 1,000 bytes are not read" in err


def test_check_against_bad_contracts_writes_no_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target, _ = _drifted(tmp_path, capsys)
    bad = write(tmp_path, "v4.yaml", "asyncapi: 4.0.0\n")
    code, out, err = run(capsys, "check", str(target), "--against", str(bad))
    assert code == 2 and out == "" and "unknown AsyncAPI version" in err


def test_an_empty_folder_and_a_missing_path_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = run(capsys, "import", str(tmp_path / "empty"), "-o", str(tmp_path / "m.steelframe.json"))
    assert code == 2 and "no AsyncAPI document or Backstage catalog file found" in err
    code, _, err = run(capsys, "import", str(tmp_path / "nowhere"), "-o", str(tmp_path / "m.steelframe.json"))
    assert code == 2 and "no such file or folder" in err
