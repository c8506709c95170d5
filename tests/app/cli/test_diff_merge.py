"""``steelframe diff``, ``merge`` and ``check --baseline`` on files: formats, exit codes, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from model.elements import Fact
from model.fileformat import load_model, save_model, to_json
from model.store import Model
from model.templates import build_template
from tests.bad_files import BAD_CONTENT


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def changed(model: Model, name: str = "Ordering v2", orphan: str | None = "orphan") -> Model:
    with model.transaction("edit"):
        model.update_element("ctx-ordering", name=name)
        if orphan:
            model.add_element(Fact(id=orphan, name="Orphan fact"))
    return model


@pytest.fixture
def pair(workdir: Path) -> tuple[str, str]:
    save_model(build_template("retail"), "old.steelframe.json")
    save_model(changed(build_template("retail")), "new.steelframe.json")
    return "old.steelframe.json", "new.steelframe.json"


def test_diff_text_and_exit_codes(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "diff", *pair)
    assert (code, err) == (1, "")
    assert "context Ordering v2" in out and 'name: "Ordering" → "Ordering v2"' in out
    assert "+ fact Orphan fact" in out and "New violations:" in out and "SF001" in out
    assert run(capsys, "diff", pair[0], pair[0])[:2] == (0, f"{pair[0]} → {pair[0]}: no changes\n")


def test_diff_markdown_is_a_pull_request_comment(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", *pair, "--format", "markdown")
    assert code == 1
    assert out.startswith("### Steelframe model changes")
    assert "**2 elements (1 added, 1 changed); " in out
    assert "| added | fact Orphan fact |" in out and "| error | SF001 |" in out


def test_diff_json_is_stable(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", *pair, "--format", "json")
    report = json.loads(out)
    assert code == 1 and report["format"] == 1 and report["same"] is False
    assert [(e["change"], e["id"]) for e in report["elements"]] == [("added", "orphan"), ("changed", "ctx-ordering")]
    assert report["elements"][1]["attributes"] == [{"attribute": "name", "old": "Ordering", "new": "Ordering v2"}]
    assert {v["rule"] for v in report["violations"]["new"]} >= {"SF001"}
    assert run(capsys, "diff", *pair, "--format", "json")[1] == out


def test_merge_writes_ours_and_exits_by_conflicts(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_model(build_template("retail"), "base.json")
    save_model(changed(build_template("retail"), "Ours", orphan=None), "ours.json")
    save_model(changed(build_template("retail"), "Ours", orphan="theirs_fact"), "theirs.json")
    code, out, _ = run(capsys, "merge", "base.json", "ours.json", "theirs.json")
    assert code == 0 and "cleanly" in out
    assert load_model("ours.json").find_element("theirs_fact") is not None
    save_model(changed(build_template("retail"), "Theirs", orphan=None), "theirs.json")
    code, out, _ = run(capsys, "merge", "base.json", "ours.json", "theirs.json", "-o", "out.json")
    assert code == 1 and "1 conflict" in out
    merged = load_model("out.json")
    assert merged.element("ctx-ordering").name == "Ours" and len(merged.conflicts()) == 1
    code, out, _ = run(capsys, "check", "out.json")
    assert code == 1 and "SF201" in out


def test_a_model_added_on_both_sides_merges_against_an_empty_base(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("base.json").write_bytes(b"")
    save_model(build_template("retail"), "ours.json")
    save_model(build_template("retail"), "theirs.json")
    assert run(capsys, "merge", "base.json", "ours.json", "theirs.json")[0] == 0
    assert to_json(load_model("ours.json")) == to_json(build_template("retail"))


def test_check_with_a_baseline_fails_only_on_new_violations(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = pair
    assert run(capsys, "check", old)[0] == 1, "the old estate already has errors"
    code, out, _ = run(capsys, "check", old, "--baseline", old)
    assert code == 0 and "0 new and 0 fixed since old.steelframe.json" in out
    code, out, _ = run(capsys, "check", new, "--baseline", old, "--format", "json")
    report = json.loads(out)
    assert code == 1
    states = {(v["rule"], tuple(v["elements"])): v["baseline"] for v in report["violations"]}
    assert states[("SF001", ("orphan",))] == "new" and "unchanged" in states.values()
    code, out, _ = run(capsys, "check", old, "--baseline", new, "--format", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    assert code == 0
    assert {r["baselineState"] for r in results} == {"unchanged", "absent"}
    assert [r["ruleId"] for r in results if r["baselineState"] == "absent"] == ["SF001"]


BAD = {name: content for name, content, _ in BAD_CONTENT}


@pytest.mark.parametrize("argv", [
    ["diff", "bad.json", "good.json"],
    ["diff", "good.json", "conflicted.json"],
    ["merge", "good.json", "good.json", "bad.json"],
    ["merge", "bad.json", "good.json", "good.json"],
    ["check", "good.json", "--baseline", "no-such-revision"],
    ["diff", "good.json"],
])
def test_bad_input_is_one_line_exit_2_and_nothing_written(
    workdir: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    Path("bad.json").write_bytes(BAD["unknown-kind"])
    save_model(build_template("retail"), "good.json")
    conflicted = build_template("retail")
    with conflicted.transaction("conflict"):
        from model.conflicts import Conflict

        conflicted.add_conflict(
            Conflict(id="c1", kind="attribute", section="settings", item="settings", attribute="name")
        )
    save_model(conflicted, "conflicted.json")
    before = {p.name: p.read_bytes() for p in workdir.iterdir()}
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith("steelframe: ") and err.count("\n") == 1 and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in workdir.iterdir()} == before
