"""The benchmark machinery on tiny estates: the table is complete, the estate is realistic and
deterministic, and the live engine stays equal to a full check under the benchmark's edits."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bench.__main__ import main
from bench.edits import KINDS, Editor
from bench.estate import generate
from bench.measure import median, p99, run_size
from bench.table import ROWS, format_table
from model.engine import Engine, check_model
from model.relations import Flow
from model.vocabulary import ElementKind, FlowStyle, RelationKind


def test_the_table_has_every_row() -> None:
    result = run_size(20, 10, seed=3)
    table = format_table([result], edits=10, seed=3)
    for row in ROWS:
        assert row.label in table
    assert "20 contexts" in table
    assert sum(len(samples) for samples in result.edits.values()) == 10
    assert sum(len(samples) for samples in result.bare_edits.values()) == 10
    assert result.consistent is True
    assert result.save_ms is not None and result.load_ms is not None


def test_the_command_line_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--sizes", "12", "--edits", "4", "--no-bare"]) == 0
    out = capsys.readouterr().out
    assert "12 contexts" in out and "full check (median of 3)" in out


def test_percentiles() -> None:
    assert p99([float(n) for n in range(1, 101)]) == 99.0
    assert p99([5.0]) == 5.0
    assert median([3.0, 1.0, 2.0]) == 2.0


def test_the_estate_is_deterministic() -> None:
    first, second = generate(30, seed=5), generate(30, seed=5)
    assert first.elements() == second.elements()
    assert first.relations() == second.relations()
    assert first.waivers() == second.waivers()
    assert generate(30, seed=6).relations() != first.relations()


def test_the_estate_has_a_realistic_shape() -> None:
    contexts = 300
    model = generate(contexts, seed=7)
    facts = model.elements(ElementKind.FACT)
    flows = [f for f in model.relations(RelationKind.FLOW) if isinstance(f, Flow)]
    assert len(facts) == 3 * contexts
    assert 4.5 * contexts <= len(flows) <= 5.5 * contexts
    styles = Counter(f.style for f in flows)
    assert 0.35 <= styles[FlowStyle.EVENT] / len(flows) <= 0.5
    for kind in (ElementKind.TEAM, ElementKind.SERVICE, ElementKind.DATASTORE, ElementKind.EVENT, ElementKind.TOPIC,
                 ElementKind.SAGA, ElementKind.INVARIANT, ElementKind.RECONCILIATION, ElementKind.SYSTEM,
                 ElementKind.ACL):
        assert model.elements(kind), kind
    fired = {v.rule for v in check_model(model)}
    assert len(fired) >= 15, sorted(fired)


def test_the_engine_stays_consistent_under_the_benchmark_edits() -> None:
    model = generate(60, seed=11)
    engine = Engine(model)
    editor = Editor(model, seed=11)
    done = Counter()
    for kind in editor.schedule(40):
        label, edit = editor.next(kind)
        with model.transaction(label):
            edit()
        done[label] += 1
        assert engine.violations() == check_model(model), label
    assert set(done) == set(KINDS)
    engine.close()


def test_the_edits_replay_identically_without_an_engine() -> None:
    with_engine, bare = generate(40, seed=2), generate(40, seed=2)
    engine = Engine(with_engine)
    for model in (with_engine, bare):
        editor = Editor(model, seed=9)
        for kind in editor.schedule(20):
            label, edit = editor.next(kind)
            with model.transaction(label):
                edit()
    assert with_engine.relations() == bare.relations()
    assert with_engine.elements() == bare.elements()
    engine.close()


def test_the_repeated_exchange_file_is_the_model_n_times_and_imports(tmp_path: Path) -> None:
    from bench.exchange_files import repeated
    from exporters.archimate import import_archimate
    from tests.archimate_reference import require_reference

    sample = require_reference() / "samples" / "03_archi-testdata_archisurance.xml"
    once = import_archimate(sample)
    thrice = import_archimate(repeated(sample, 3, tmp_path / "x3.xml"))
    assert len(thrice.elements()) == 3 * len(once.elements())
    assert len(thrice.relations()) == 3 * len(once.relations())
    assert len(thrice.views()) == 3 * len(once.views())
