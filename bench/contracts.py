"""``python -m bench --contracts``: contracts of a large estate imported, and the estate checked against them.

The contracts are generated from ``bench.estate.generate(2000, 7)`` by Steelframe's own exports:
200 AsyncAPI documents (those of the first 200 contexts that send or receive events) and a catalog of
2,000 entities (every Group, then the Components, APIs and Resources in the export's order, cut at
2,000), with a deliberate drift: one Component in 20 names another owner, one message in 10 another
version. Each figure is a whole ``steelframe`` process (interpreter start included), the median of
three runs, since that is what a CI job pays; the breakdown below it is measured in process.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.estate import generate
from exporters.contracts import read_contracts
from exporters.contracts.asyncapi.writing import asyncapi_documents
from exporters.contracts.backstage.writing import catalog_entities
from exporters.contracts.bootstrap import build_model
from exporters.contracts.drift import check_drift
from exporters.contracts.writing import yaml_text
from model.engine import check_model
from model.fileformat import save_model
from model.store import Model

CONTEXTS, SEED, DOCUMENTS, ENTITIES = 2000, 7, 200, 2000
TARGET_S = 2.0
RUNS = 3


def write_contracts(model: Model, folder: Path, documents: int = DOCUMENTS, entities: int = ENTITIES) -> None:
    """The generated contracts of ``model``, with the deliberate drift, under ``folder``."""
    events = folder / "asyncapi"
    events.mkdir(parents=True)
    for number, (name, document) in enumerate(sorted(asyncapi_documents(model).items())[:documents]):
        for index, message in enumerate(document.get("components", {}).get("messages", {}).values()):
            if (number + index) % 10 == 0 and message.get("x-steelframe-schema-version"):
                message["x-steelframe-schema-version"] += ".9"
        (events / name).write_text(yaml_text([document]), encoding="utf-8")
    kept = _catalog(catalog_entities(model), entities)
    (folder / "catalog").mkdir()
    (folder / "catalog" / "catalog-info.yaml").write_text(yaml_text(kept), encoding="utf-8")


def _catalog(entities: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    order = {"Group": 0, "Domain": 1, "System": 1, "Component": 2, "API": 3, "Resource": 4}
    kept = sorted(entities, key=lambda e: order[e["kind"]])[:count]
    groups = [e["metadata"]["name"] for e in kept if e["kind"] == "Group"]
    for index, entity in enumerate(e for e in kept if e["kind"] == "Component"):
        if index % 20 == 0 and groups:
            entity["spec"]["owner"] = f"group:{groups[index % len(groups)]}"
    return kept


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _process(*args: str) -> tuple[float, float]:
    """Median CPU time and wall time of a whole ``steelframe`` process, in seconds.

    CPU time is the figure to read on a shared machine: wall time grows with the other jobs' load.
    """
    cpu, wall = [], []
    for _ in range(RUNS):
        start, before = time.perf_counter(), _cpu()
        done = subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, check=False)
        wall.append(time.perf_counter() - start)
        cpu.append(_cpu() - before)
        if done.returncode not in (0, 1):
            raise RuntimeError(f"steelframe {' '.join(args)}: {done.stderr.strip()}")
    return statistics.median(cpu), statistics.median(wall)


def _timed(function: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def report(contexts: int = CONTEXTS, seed: int = SEED) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        model = generate(contexts, seed)
        save_model(model, folder / "estate.steelframe.json")
        write_contracts(model, folder / "contracts")
        sources = [str(folder / "contracts")]
        size = sum(p.stat().st_size for p in (folder / "contracts").rglob("*") if p.is_file())
        imported = _process("import", *sources, "-o", str(folder / "running.steelframe.json"), "--force")
        checked = _process("check", str(folder / "estate.steelframe.json"), "--against", *sources, "--format", "json")
        plain = _process("check", str(folder / "estate.steelframe.json"), "--format", "json")
        read_s, estate = _timed(lambda: read_contracts(sources))
        build_s, running = _timed(lambda: build_model(estate, "running"))
        drift_s, drifts = _timed(lambda: check_drift(model, estate))
        engine_s, _ = _timed(lambda: check_model(model))
    rules: dict[str, int] = {}
    for drift in drifts:
        rules[drift.violation.rule] = rules.get(drift.violation.rule, 0) + 1
    mark = "meets" if checked[0] < TARGET_S else "MISSES"
    lines = [
        f"contracts of the {contexts:,}-context estate (seed {seed}): {DOCUMENTS} AsyncAPI documents, "
        f"{ENTITIES:,} catalog entities, {size / 1e6:.1f} MB",
        "",
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
        "",
        "| figure | CPU | wall | target (CPU) |",
        "| --- | --- | --- | --- |",
        f"| `steelframe import CONTRACTS` (whole process) | {imported[0]:.2f} s | {imported[1]:.2f} s | |",
        f"| `steelframe check ESTATE --against CONTRACTS` (whole process) | {checked[0]:.2f} s | {checked[1]:.2f} s "
        f"| < {TARGET_S:.0f} s: {mark} |",
        f"| `steelframe check ESTATE` alone (whole process) | {plain[0]:.2f} s | {plain[1]:.2f} s | |",
        f"| read and map the contracts (in process) | | {read_s * 1000:,.0f} ms | |",
        f"| build the running estate's model and view (in process) | | {build_s * 1000:,.0f} ms | |",
        f"| drift rules against the estate (in process) | | {drift_s * 1000:,.0f} ms | |",
        f"| SF001-SF019 on the estate (in process) | | {engine_s * 1000:,.0f} ms | |",
        "",
        f"{len(estate.applications):,} applications, {len(estate.flows()):,} contract flows; imported model: "
        f"{len(running.elements()):,} elements, {len(running.relations()):,} relations",
        "drift findings: " + ", ".join(f"{rule} {count:,}" for rule, count in sorted(rules.items())),
    ]
    return "\n".join(lines)
