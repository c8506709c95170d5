"""Where the time goes: cProfile over the full check, the engine build and the incremental edits."""

from __future__ import annotations

import cProfile
import io
import pstats
import time
from collections.abc import Callable

from bench.edits import Editor
from bench.estate import generate
from model.engine import Engine, check_model
from model.engine.engine import Evaluator, default_rules
from model.store import Model


def rule_times(model: Model) -> list[tuple[str, int, float]]:
    """(rule id, subjects, total ms) of a full check, slowest first: which rule a full check waits on."""
    evaluator = Evaluator(model, default_rules())
    kinds: dict[str, list[str]] = {}
    for subject, kind in evaluator.subjects():
        kinds.setdefault(kind, []).append(subject)
    totals: dict[str, tuple[int, float]] = {}
    for kind, entries in evaluator.by_subject.items():
        for entry in entries:
            subjects = kinds.get(kind, [])
            start = time.perf_counter()
            for subject in subjects:
                list(entry.rule.check(evaluator.reader, subject, entry.params))
            spent = (time.perf_counter() - start) * 1000
            count, total = totals.get(entry.rule.id, (0, 0.0))
            totals[entry.rule.id] = (count + len(subjects), total + spent)
    return sorted(((rule, n, ms) for rule, (n, ms) in totals.items()), key=lambda row: -row[2])


def format_rule_times(model: Model) -> str:
    start = time.perf_counter()
    Evaluator(model, default_rules())
    setup = (time.perf_counter() - start) * 1000
    lines = [f"==== time per rule over a full check (evaluator and indexes set-up: {setup:.0f} ms) ===="]
    lines += [f"{rule:8} {subjects:>7,} subjects  {ms:7.1f} ms" for rule, subjects, ms in rule_times(model)]
    return "\n".join(lines)


def _profiled(title: str, work: Callable[[], object], top: int) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    work()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return f"==== {title} ====\n{out.getvalue()}"


def profile(contexts: int, edits: int, seed: int, top: int = 25) -> str:
    """Profiles of one estate size, as text (sorted by own time, then by cumulative time)."""
    model = generate(contexts, seed)
    reports = [format_rule_times(model), _profiled(f"full check, {contexts} contexts", lambda: check_model(model), top)]
    holder: list[Engine] = []
    reports.append(_profiled(f"engine build, {contexts} contexts", lambda: holder.append(Engine(model)), top))
    editor = Editor(model, seed)

    def run_edits() -> None:
        for kind in editor.schedule(edits):
            label, edit = editor.next(kind)
            with model.transaction(label):
                edit()

    reports.append(_profiled(f"{edits} incremental edits, {contexts} contexts", run_edits, top))
    holder[0].close()
    return "\n".join(reports)
