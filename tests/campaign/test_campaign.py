"""The hostile-input campaign, kept in the suite: mutated model files, exchange files and decision
folders through ``check``, ``import`` and ``export``; after every input the command line keeps its
promise (``harness.assert_handled``). Examples per run: see EXAMPLES; about 40 s on the CI machine."""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporters.adr import write_adrs
from exporters.archimate import write_archimate
from model.fileformat import to_json
from model.templates import build_template
from tests.campaign.harness import assert_handled, run_cli, snapshot
from tests.campaign.mutations import mutated_bytes, mutated_json

EXAMPLES = {"native": 200, "json": 200, "exchange": 150, "decisions": 100}
CAMPAIGN = settings(deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@cache
def native_seed() -> str:
    return to_json(build_template("insurer"))


@cache
def exchange_seed() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "seed.xml"
        write_archimate(build_template("insurer"), path)
        return path.read_bytes()


@cache
def record_seeds() -> tuple[tuple[str, bytes], ...]:
    with tempfile.TemporaryDirectory() as folder:
        write_adrs(build_template("insurer"), Path(folder))
        return tuple((p.name, p.read_bytes()) for p in sorted(Path(folder).iterdir()))


@pytest.fixture(autouse=True)
def crash_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STEELFRAME_CRASH_LOG", os.fspath(tmp_path / "crash.log"))


def folder() -> tempfile.TemporaryDirectory[str]:
    """Hypothesis runs many inputs per test (one fixture call): each input gets its own folder."""
    return tempfile.TemporaryDirectory(prefix="campaign-")


def check_model_file(data: bytes) -> None:
    with folder() as name:
        root = Path(name)
        (root / "m.steelframe.json").write_bytes(data)
        before = snapshot(root)
        outcome = run_cli(["check", os.fspath(root / "m.steelframe.json"), "--format", "json"])
        assert_handled(outcome, before, snapshot(root), json_out=True)
        outcome = run_cli(["export", os.fspath(root / "m.steelframe.json"), "--to", "archimate",
                           "-o", os.fspath(root / "out.xml")])
        assert_handled(outcome, before, snapshot(root), outputs=["out.xml"])


@settings(CAMPAIGN, max_examples=EXAMPLES["native"])
@given(st.data())
def test_mutated_model_files_byte_by_byte(data: st.DataObject) -> None:
    check_model_file(data.draw(mutated_bytes(native_seed().encode("utf-8"))))


@settings(CAMPAIGN, max_examples=EXAMPLES["json"])
@given(st.data())
def test_mutated_model_files_value_by_value(data: st.DataObject) -> None:
    check_model_file(data.draw(mutated_json(native_seed())))


@settings(CAMPAIGN, max_examples=EXAMPLES["exchange"])
@given(st.data())
def test_mutated_exchange_files(data: st.DataObject) -> None:
    exchange = data.draw(mutated_bytes(exchange_seed()))
    with folder() as name:
        root = Path(name)
        (root / "x.xml").write_bytes(exchange)
        before = snapshot(root)
        outcome = run_cli(["import", os.fspath(root / "x.xml"), "-o", os.fspath(root / "m.steelframe.json")])
        assert_handled(outcome, before, snapshot(root), outputs=["m.steelframe.json"])


@settings(CAMPAIGN, max_examples=EXAMPLES["decisions"])
@given(st.data())
def test_mutated_decision_folders(data: st.DataObject) -> None:
    seeds = record_seeds()
    index = data.draw(st.integers(0, len(seeds) - 1))
    damaged = data.draw(mutated_bytes(seeds[index][1]))
    with folder() as name:
        root = Path(name)
        (root / "x.xml").write_bytes(exchange_seed())
        decisions = root / "decisions"
        decisions.mkdir()
        for position, (file, content) in enumerate(seeds):
            (decisions / file).write_bytes(damaged if position == index else content)
        before = snapshot(root)
        outcome = run_cli(["import", os.fspath(root / "x.xml"), "--decisions", os.fspath(decisions),
                           "-o", os.fspath(root / "m.steelframe.json")])
        assert_handled(outcome, before, snapshot(root), outputs=["m.steelframe.json"])
        if outcome.code == 0:
            model = root / "m.steelframe.json"
            before = snapshot(root)
            outcome = run_cli(["export", os.fspath(model), "--to", "adr", "-o", os.fspath(decisions)])
            assert_handled(outcome, before, snapshot(root), outputs=["decisions"])
