"""The contracts benchmark's generator on a tiny estate: readable contracts with the deliberate drift."""

from __future__ import annotations

from pathlib import Path

from bench.contracts import write_contracts
from bench.estate import generate
from exporters.contracts import read_contracts
from exporters.contracts.drift import check_drift


def test_generated_contracts_read_and_drift_as_intended(tmp_path: Path) -> None:
    model = generate(40, 3)
    write_contracts(model, tmp_path, documents=10, entities=60)
    assert len(list((tmp_path / "asyncapi").iterdir())) == 10
    estate = read_contracts([str(tmp_path)])
    rules = {drift.violation.rule for drift in check_drift(model, estate)}
    assert "SF103" in rules, "one Component in 20 names another owner"
