"""``python -m bench.teams``: diff, merge and ``check --baseline`` on a large estate, whole process.

Two branches each make about 100 scattered edits (renames, attribute changes, moved boxes, new
contexts with a flow, deleted flows) to the generated estate; each command runs as its own
``python -m app`` process, as CI and git run it, and the median of three runs is reported.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.estate import generate
from model.elements import Context
from model.fileformat import from_json, save_model, to_json
from model.relations import Flow
from model.store import Model
from model.views import Bounds
from model.vocabulary import DomainClass, ElementKind, FlowStyle

TARGET_S = 1.0


def scatter(model: Model, edits: int, seed: int, tag: str) -> None:
    """About ``edits`` edits spread over the estate, in one transaction."""
    rng = random.Random(seed)
    contexts = sorted(e.id for e in model.elements(ElementKind.CONTEXT))
    flows = sorted(r.id for r in model.relations() if isinstance(r, Flow))
    view = model.views()[0].id
    with model.transaction(f"{tag} edits"):
        for number in range(edits):
            action = number % 5
            target = rng.choice(contexts)
            if action == 0:
                model.update_element(target, name=f"{tag} {number}")
            elif action == 1:
                model.update_element(target, domain=rng.choice(list(DomainClass)))
            elif action == 2 and isinstance(model.layout(view, target), Bounds):
                box = model.layout(view, target)
                assert isinstance(box, Bounds)
                model.place(view, target, Bounds(x=box.x + 40, y=box.y + 20, w=box.w, h=box.h))
            elif action == 3:
                new = f"{tag}-ctx-{number}"
                model.add_element(Context(id=new, name=f"New {tag} {number}"))
                model.add_relation(Flow(id=f"{new}-flow", source=new, target=target, style=FlowStyle.EVENT))
            else:
                flow = rng.choice(flows)
                if model.find_relation(flow) is not None:
                    model.remove_relation(flow)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(argv: Sequence[str], cwd: Path, runs: int) -> tuple[float, float, int]:
    """Median wall time and CPU time (user + system, what a shared machine does not inflate) and the exit."""
    samples, cpu, code = [], [], 0
    for _ in range(runs):
        start, used = time.perf_counter(), _children_cpu()
        done = subprocess.run([sys.executable, "-m", "app", *argv], cwd=cwd, capture_output=True, check=False)
        samples.append(time.perf_counter() - start)
        cpu.append(_children_cpu() - used)
        code = done.returncode
        if code == 2:
            raise SystemExit(f"steelframe {' '.join(argv)} failed: {done.stderr.decode()}")
    return statistics.median(samples), statistics.median(cpu), code


def report(contexts: int, edits: int, seed: int, runs: int) -> str:
    base = generate(contexts, seed)
    ours, theirs = from_json(to_json(base)), from_json(to_json(base))
    scatter(ours, edits, seed + 1, "ours")
    scatter(theirs, edits, seed + 2, "theirs")
    items = len(base.elements()) + len(base.relations())
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for name, model in (("base", base), ("ours", ours), ("theirs", theirs)):
            save_model(model, work / f"{name}.steelframe.json")
        size = (work / "base.steelframe.json").stat().st_size / 2**20
        commands = {
            "diff BASE OURS": ["diff", "base.steelframe.json", "ours.steelframe.json"],
            "merge BASE OURS THEIRS -o OUT": ["merge", "base.steelframe.json", "ours.steelframe.json",
                                              "theirs.steelframe.json", "-o", "out.steelframe.json"],
            "check OURS --baseline BASE": ["check", "ours.steelframe.json", "--baseline", "base.steelframe.json"],
            "check OURS (no baseline, for scale)": ["check", "ours.steelframe.json"],
        }
        rows = [(label, *_timed(argv, work, runs)) for label, argv in commands.items()]
    lines = [
        f"Estate of {contexts:,} contexts (seed {seed}): {items:,} elements and relations, {size:.1f} MiB; "
        f"{edits} edits on each side; median of {runs} whole-process runs (`python -m app ...`).",
        "",
        "| command | wall | CPU | exit | target < 1 s |",
        "|---|---:|---:|---:|---|",
    ]
    for label, seconds, cpu, code in rows:
        verdict = "" if "scale" in label else ("met" if seconds < TARGET_S else "MISSED")
        lines.append(f"| `{label}` | {seconds:.2f} s | {cpu:.2f} s | {code} | {verdict} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.teams", description=__doc__)
    parser.add_argument("--contexts", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print(report(args.contexts, args.edits, args.seed, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
