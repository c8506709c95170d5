"""The measurements of one estate size: build, full check, engine, incremental edits, file, memory.

An incremental edit is timed from the start of its transaction to the moment the engine delivers
its diff: the engine listens to the commit, so that span is what a user waits for between a click
and the marks on the canvas.
"""

from __future__ import annotations

import importlib.util
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.edits import KINDS, Editor
from bench.estate import generate
from model.engine import Diff, Engine, check_model
from model.store import Model


@dataclass
class SizeResult:
    """Every figure of one estate size; times in milliseconds unless named otherwise."""

    contexts: int
    elements: int = 0
    relations: int = 0
    generate_ms: float = 0.0
    full_check_ms: float = 0.0
    engine_build_ms: float = 0.0
    violations: int = 0
    waived: int = 0
    rules_firing: int = 0
    edits: dict[str, list[float]] = field(default_factory=dict)
    bare_edits: dict[str, list[float]] = field(default_factory=dict)
    consistent: bool | None = None
    save_ms: float | None = None
    load_ms: float | None = None
    file_mb: float | None = None
    peak_rss_mb: float = 0.0

    def all_edits(self, bare: bool = False) -> list[float]:
        source = self.bare_edits if bare else self.edits
        return [t for samples in source.values() for t in samples]


def median(samples: list[float]) -> float:
    return statistics.median(samples) if samples else float("nan")


def p99(samples: list[float]) -> float:
    """The 99th percentile (nearest rank): with fewer than 100 samples, the largest."""
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, -(-99 * len(ordered) // 100) - 1))]


def _ms(start: float, end: float) -> float:
    return (end - start) * 1000.0


def run_size(contexts: int, edits: int, seed: int, *, bare: bool = True) -> SizeResult:
    """Measure one estate size; ``bare`` also replays the edits on a copy without an engine."""
    result = SizeResult(contexts)
    start = time.perf_counter()
    model = generate(contexts, seed)
    result.generate_ms = _ms(start, time.perf_counter())
    result.elements, result.relations = len(model.elements()), len(model.relations())

    checks = []
    for _ in range(3):
        start = time.perf_counter()
        check_model(model)
        checks.append(_ms(start, time.perf_counter()))
    result.full_check_ms = median(checks)

    start = time.perf_counter()
    engine = Engine(model)
    result.engine_build_ms = _ms(start, time.perf_counter())
    found = engine.violations()
    result.violations, result.waived = len(found), sum(v.waived for v in found)
    result.rules_firing = len({v.rule for v in found})

    result.edits = _timed_edits(model, edits, seed, engine)
    result.consistent = engine.violations() == check_model(model)
    engine.close()
    _file_times(model, result)
    del model, engine
    if bare:
        result.bare_edits = _timed_edits(generate(contexts, seed), edits, seed, None)
    result.peak_rss_mb = peak_rss_mb()
    return result


def _timed_edits(model: Model, count: int, seed: int, engine: Engine | None) -> dict[str, list[float]]:
    """Run ``count`` random edits, each one transaction; with an engine, wait for its diff."""
    delivered: list[float] = []

    def on_diff(diff: Diff) -> None:
        delivered.append(time.perf_counter())

    unsubscribe = engine.subscribe(on_diff) if engine is not None else None
    editor = Editor(model, seed)
    samples: dict[str, list[float]] = {kind: [] for kind in KINDS}
    for kind in editor.schedule(count):
        done, edit = editor.next(kind)
        delivered.clear()
        start = time.perf_counter()
        with model.transaction(done):
            edit()
        end = time.perf_counter()
        if engine is not None:
            if not delivered:
                raise RuntimeError(f"the engine delivered no diff after {done!r}")
            end = delivered[-1]
        samples[done].append(_ms(start, end))
    if unsubscribe is not None:
        unsubscribe()
    return samples


def _file_times(model: Model, result: SizeResult) -> None:
    """Save and load through the native file format, once it exists."""
    if importlib.util.find_spec("model.fileformat") is None:
        return
    from model.fileformat import load_model, save_model

    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "estate.steelframe.json"
        start = time.perf_counter()
        save_model(model, path)
        result.save_ms = _ms(start, time.perf_counter())
        result.file_mb = path.stat().st_size / 2**20
        start = time.perf_counter()
        load_model(path)
        result.load_ms = _ms(start, time.perf_counter())


def peak_rss_mb() -> float:
    """The process's peak resident memory so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10
