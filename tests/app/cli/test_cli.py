"""The ``steelframe`` command line, in-process and as a real process: outputs, exit codes, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import jsonschema
import pytest

from app.cli.main import main
from exporters.contracts.rules import DRIFT_RULES
from model.engine import default_rules
from model.fileformat import load_model, save_model, to_json
from model.settings import ForbidFlowRule, RequireAttributeRule, RuleSettings, Selector
from model.store import Model
from model.templates import build_template
from tests.bad_files import BAD_CONTENT
from tests.builders import Builder
from tests.paths import REFERENCE

SARIF_SCHEMA = REFERENCE / "sarif/sarif-schema-2.1.0.json"
MODEL = "estate.steelframe.json"


def estate(orphan: bool = True, describe_a: bool = False) -> Model:
    """A model whose violations do not depend on how far the catalogue has grown.

    Every catalogue rule but SF001 is switched off; the model's own rules give a warning (a
    context without description, twice, once waived) and an info (a query between contexts).
    """
    builder = Builder()
    model = builder.model
    with model.transaction("settings"):
        model.update_settings(
            name="Estate",
            rules={rule.id: RuleSettings(enabled=False) for rule in default_rules() if rule.id != "SF001"},
            custom_rules=[
                RequireAttributeRule(id="described", title="Contexts are described", kind="context",
                                     attribute="description"),
                ForbidFlowRule(id="no-queries", title="No queries between contexts", severity="info", style="query",
                               source=Selector(kind="context"), target=Selector(kind="context")),
            ],
        )
    builder.context("ctx_a", name="Alpha", description="Described" if describe_a else "")
    builder.context("ctx_b", name="Beta")
    builder.fact("owned")
    builder.owns("ctx_a", "owned", "r_owns")
    if orphan:
        builder.fact("loose", name="Loose fact")
    builder.flow("ctx_a", "ctx_b", "r_query", style="query")
    builder.decision("adr_1", name="Beta stays terse", status="accepted")
    builder.waiver("w_1", "adr_1", "described", ["ctx_b"], "Beta is self-explanatory")
    return model


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def model_file(workdir: Path) -> Path:
    save_model(estate(), workdir / MODEL)
    return workdir / MODEL


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------- check


def test_check_text(model_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", MODEL)
    lines = out.splitlines()
    assert code == 1 and err == ""
    assert len(lines) == 5
    assert lines[0].startswith("error    SF001") and lines[0].endswith("[loose]") and "Loose fact" in lines[0]
    assert any(line.startswith("warning  described") and line.endswith("[ctx_a]") for line in lines)
    waived = next(line for line in lines if "[ctx_b]" in line)
    assert waived.endswith("(waived by decision adr_1)")
    assert any(line.startswith("info     no-queries") for line in lines)
    assert lines[-1] == "Estate: 1 error, 1 warning, 1 info; 1 waived"


def test_check_json_is_the_designed_object(model_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", MODEL, "--format", "json")
    report = json.loads(out)
    assert code == 1
    assert list(report) == ["model", "violations", "counts"]
    assert report["model"] == "Estate"
    assert report["counts"] == {"error": 1, "warning": 1, "info": 1, "waived": 1}
    for violation in report["violations"]:
        assert list(violation) == ["rule", "severity", "message", "elements", "waived", "decision"]
    waived = [v for v in report["violations"] if v["waived"]]
    assert waived == [{"rule": "described", "severity": "warning", "message": waived[0]["message"],
                       "elements": ["ctx_b"], "waived": True, "decision": "adr_1"}]
    orphan = next(v for v in report["violations"] if v["rule"] == "SF001")
    assert orphan["elements"] == ["loose"] and orphan["decision"] is None


@pytest.mark.parametrize(
    ("orphan", "describe_a", "fail_on", "expected"),
    [
        (True, False, "error", 1),
        (False, False, "error", 0),
        (False, False, "warning", 1),
        (False, True, "warning", 0),  # the only warning left is waived
        (False, True, "info", 1),
    ],
)
def test_fail_on_threshold(
    workdir: Path, capsys: pytest.CaptureFixture[str], *, orphan: bool, describe_a: bool, fail_on: str, expected: int
) -> None:
    save_model(estate(orphan=orphan, describe_a=describe_a), workdir / MODEL)
    code, out, _ = run(capsys, "check", MODEL, "--fail-on", fail_on, "--format", "json")
    assert code == expected, out


def test_a_clean_model(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_model(Model(), workdir / MODEL)
    assert run(capsys, "check", MODEL, "--fail-on", "info") == (0, "Untitled: no violations\n", "")


def test_check_sarif(model_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", MODEL, "--format", "sarif")
    sarif = json.loads(out)
    assert code == 1
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"the SARIF 2.1.0 schema is not at {SARIF_SCHEMA}")
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(sarif)
    assert sarif["version"] == "2.1.0"
    run_ = sarif["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "steelframe" and driver["version"] == version("steelframe")
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert rule_ids == [*(rule.id for rule in default_rules()), "described", "no-queries"]
    sf001 = driver["rules"][rule_ids.index("SF001")]
    assert sf001["defaultConfiguration"] == {"level": "error"}
    assert sf001["shortDescription"]["text"] and sf001["fullDescription"]["text"]
    results = {result["ruleId"] + ":" + result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]: result
               for result in run_["results"]}
    assert sorted(results) == ["SF001:loose", "described:ctx_a", "described:ctx_b", "no-queries:ctx_a"]
    for result in run_["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert results["no-queries:ctx_a"]["level"] == "note"
    orphan = results["SF001:loose"]
    location = orphan["locations"][0]
    assert location["physicalLocation"]["artifactLocation"] == {"uri": MODEL}
    region = location["physicalLocation"]["region"]
    lines = model_file.read_text(encoding="utf-8").splitlines()[region["startLine"] - 1 : region["endLine"]]
    assert lines[0].strip() == "{" and lines[-1].strip() in ("}", "},") and '      "id": "loose",' in lines
    assert location["logicalLocations"] == [{"name": "Loose fact", "fullyQualifiedName": "loose"}]
    assert "suppressions" not in orphan
    assert results["described:ctx_b"]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "decision adr_1: Beta is self-explanatory"}
    ]


def test_check_codequality(model_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", MODEL, "--format", "codequality")
    assert code == 1
    issues = {issue["check_name"]: issue for issue in json.loads(out)}
    assert sorted(issues) == ["SF001", "described", "no-queries"]  # the waived one is left out
    assert issues["SF001"]["location"]["path"] == MODEL and issues["SF001"]["severity"] == "major"
    assert issues["no-queries"]["severity"] == "info"


def test_a_model_whose_rule_settings_do_not_fit(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = Model()
    with model.transaction("settings"):
        model.update_settings(rules={"SF005": RuleSettings(params={"depth": 2})})
    save_model(model, workdir / MODEL)
    code, out, err = run(capsys, "check", MODEL)
    assert (code, out) == (2, "")
    assert err.startswith(f"steelframe: {MODEL}: $.settings.rules.SF005.params: ") and err.count("\n") == 1


# ------------------------------------------------------ unusable input


def assert_refused(workdir: Path, before: set[str], result: tuple[int, str, str], name: str) -> None:
    code, out, err = result
    assert code == 2
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("steelframe: ") and name in err
    assert "Traceback" not in err
    assert {p.name for p in workdir.iterdir()} == before, "nothing is written"


@pytest.mark.parametrize("content", [c for _, c, _ in BAD_CONTENT], ids=[n for n, _, _ in BAD_CONTENT])
def test_check_refuses_a_bad_file(workdir: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    """``gui`` opens the window on a bad file and says why there: tests/app/window/test_gui_start.py."""
    (workdir / "bad.steelframe.json").write_bytes(content)
    before = {p.name for p in workdir.iterdir()}
    assert_refused(workdir, before, run(capsys, "check", "bad.steelframe.json"), "bad.steelframe.json")


def _refuse_to_read(self: Path, limit: int, what: str) -> bytes:
    raise PermissionError(13, "Permission denied", str(self))


@pytest.mark.parametrize("case", ["missing", "directory", "unreadable"])
def test_check_refuses_what_is_not_a_readable_file(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    name = "estate.steelframe.json"
    if case == "directory":
        (workdir / name).mkdir()
    elif case == "unreadable":
        (workdir / name).write_text(to_json(Model()))
        monkeypatch.setattr("model.fileformat.reading.read_regular", _refuse_to_read)
    before = {p.name for p in workdir.iterdir()}
    assert_refused(workdir, before, run(capsys, "check", name), name)


@pytest.mark.parametrize(
    "argv",
    [["check", MODEL, "--format", "xml"], ["check"], ["check", MODEL, "--fail-on", "never"], ["frobnicate"],
     ["new", "--template", "bank", "-o", "x.steelframe.json"], ["new", "--template", "retail"]],
    ids=["bad-format", "no-model", "bad-threshold", "unknown-command", "unknown-template", "no-output"],
)
def test_usage_errors_are_one_line(model_file: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    workdir = model_file.parent
    before = {p.name for p in workdir.iterdir()}
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and err.count("\n") == 1 and err.startswith("steelframe: ")
    assert "--help" in err
    assert {p.name for p in workdir.iterdir()} == before


# --------------------------------------------------------------------- new


@pytest.mark.parametrize("template", ["retail", "insurer", "blank"])
def test_new_writes_a_template(workdir: Path, capsys: pytest.CaptureFixture[str], template: str) -> None:
    code, out, err = run(capsys, "new", "--template", template, "-o", "new.steelframe.json")
    assert (code, err) == (0, "")
    assert "new.steelframe.json" in out
    written = (workdir / "new.steelframe.json").read_text(encoding="utf-8")
    assert written == to_json(build_template(template))
    assert to_json(load_model(workdir / "new.steelframe.json")) == written


def test_new_refuses_to_overwrite(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workdir / MODEL).write_text("precious", encoding="utf-8")
    before = {p.name for p in workdir.iterdir()}
    assert_refused(workdir, before, run(capsys, "new", "--template", "retail", "-o", MODEL), MODEL)
    assert (workdir / MODEL).read_text(encoding="utf-8") == "precious"
    assert run(capsys, "new", "--template", "retail", "-o", MODEL, "--force")[0] == 0
    assert (workdir / MODEL).read_text(encoding="utf-8") == to_json(build_template("retail"))


@pytest.mark.parametrize("output", ["absent/estate.steelframe.json", "folder"])
def test_new_refuses_an_unusable_output(
    workdir: Path, capsys: pytest.CaptureFixture[str], output: str
) -> None:
    (workdir / "folder").mkdir()
    before = {p.name for p in workdir.iterdir()}
    assert_refused(workdir, before, run(capsys, "new", "--template", "blank", "-o", output, "--force"), output)
    assert not (workdir / "absent").exists()


# ------------------------------------------------------- rules, gui, version


def test_rules_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    lines = out.splitlines()
    rules = [*default_rules(), *DRIFT_RULES]
    assert code == 0 and len(lines) == len(rules)
    for rule, line in zip(rules, lines, strict=True):
        assert line.split()[:2] == [rule.id, str(rule.severity)]
        assert rule.title in line
        for name, value in rule.params.items():
            assert f"{name}={value}" in line


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """What ``steelframe`` asked the desktop app to open (an event loop cannot run in a test)."""
    import app.window.main

    calls: list[str | None] = []
    monkeypatch.setattr(app.window.main, "run_gui", lambda model_path: calls.append(model_path) or 0)
    return calls


def test_no_arguments_opens_the_desktop_app(capsys: pytest.CaptureFixture[str], opened: list[str | None]) -> None:
    assert run(capsys) == (0, "", "")
    assert run(capsys, "gui") == (0, "", "")
    assert opened == [None, None]


def test_gui_opens_the_desktop_app_on_a_model(
    model_file: Path, capsys: pytest.CaptureFixture[str], opened: list[str | None]
) -> None:
    assert run(capsys, "gui", MODEL) == (0, "", "")
    assert opened == [MODEL]


def test_gui_runs_the_main_window_on_the_model(
    model_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The real thing, offscreen: the window opens on the model, then closes itself; exit code 0."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.window.main import application
    from app.window.mainwindow import MainWindow

    monkeypatch.setenv("STEELFRAME_SETTINGS", str(model_file.parent / "settings.ini"))
    monkeypatch.setenv("STEELFRAME_RECOVERY_DIR", str(model_file.parent / "recovery"))
    seen: list[tuple[str, str | None, int]] = []

    def look_and_close() -> None:  # closing the last window ends the event loop (no second quit left queued)
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow) and window.isVisible():
                seen.append((window.windowTitle(), window.document.model.name, window.tabs.count()))
                window.close()

    application().setQuitOnLastWindowClosed(True)
    QTimer.singleShot(0, look_and_close)
    assert run(capsys, "gui", MODEL) == (0, "", "")
    assert seen == [(f"{MODEL}[*] — Steelframe", "Estate", 0)]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, f"steelframe {version('steelframe')}\n", "")


# ------------------------------------------------------------ real processes


def steelframe(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("steelframe")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "app"]
    return subprocess.run([*command, *argv], check=False, capture_output=True, text=True, cwd=cwd,
                          encoding="utf-8", timeout=60)


def test_python_m_app_checks_a_model(model_file: Path) -> None:
    command = [sys.executable, "-m", "app", "check", MODEL, "--format", "json"]
    result = subprocess.run(command, check=False, capture_output=True, text=True, cwd=model_file.parent,
                            encoding="utf-8", timeout=60)
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["counts"] == {"error": 1, "warning": 1, "info": 1, "waived": 1}


def test_the_installed_script_refuses_a_bad_file_without_a_traceback(workdir: Path) -> None:
    (workdir / "bad.steelframe.json").write_text('{"format": 1, "elements": [{"id": "a", "kind": "widget"}]}')
    result = steelframe("check", "bad.steelframe.json", cwd=workdir)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("steelframe: bad.steelframe.json: $.elements[0].kind: ")
    assert result.stderr.count("\n") == 1


def test_the_installed_script_reports_its_version(workdir: Path) -> None:
    result = steelframe("--version", cwd=workdir)
    assert (result.returncode, result.stdout) == (0, f"steelframe {version('steelframe')}\n")
