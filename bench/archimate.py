"""ArchiMate import and export, Steelframe against pyArchimate, side by side in one run, at three sizes.

pyArchimate (GPL, on PyPI as ``pyarchimate``) is installed only to run this comparison; it is not a
dependency of Steelframe. Every figure is a process of its own (``bench.exchange_driver``):

- *import*: the whole process that reads the file into a model (start-up and imports included);
- *export*: the write of that model back to a file, timed inside the process;
- *peak*: the peak memory of the process that read and wrote.

Each is the median of ``repeat`` runs. The files are the reference file
(``10_pyarchimate_synthetic_large.xml``), that model ten times over, and the export of the
generated estate (2,000 contexts by default, 10,000 with ``--large``).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.exchange_files import SAMPLE, estate_export, repeated

IMPORT_TARGET = 2.0
EXPORT_TARGET = 3.0


@dataclass(frozen=True)
class Side:
    import_s: float
    export_s: float
    peak_mib: float


def _run(tool: str, path: Path, out: Path | None) -> tuple[float, dict[str, float]]:
    command = [sys.executable, "-m", "bench.exchange_driver", tool, str(path), *([str(out)] if out else [])]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, json.loads(done.stdout.strip().splitlines()[-1])


def measure(tool: str, path: Path, folder: Path, repeat: int) -> Side:
    imports = [_run(tool, path, None)[0] for _ in range(repeat)]
    writes = [_run(tool, path, folder / f"{tool}.xml")[1] for _ in range(repeat)]
    return Side(statistics.median(imports), statistics.median(w["write_s"] for w in writes),
                max(w["peak_mib"] for w in writes))


def has_pyarchimate() -> bool:
    done = subprocess.run([sys.executable, "-c", "import pyArchimate"], capture_output=True, check=False)
    return done.returncode == 0


def files(folder: Path, estate: int) -> list[tuple[str, Path]]:
    return [
        ("reference", SAMPLE),
        ("10x reference", repeated(SAMPLE, 10, folder / "reference-x10.xml")),
        (f"estate {estate:,}", estate_export(estate, folder / f"estate-{estate}.xml")),
    ]


def report(repeat: int = 3, estate: int = 2000) -> str:
    if not SAMPLE.is_file():
        return f"archimate: {SAMPLE.name} is not in ../shared/reference/archimate/samples; skipped"
    if not has_pyarchimate():
        return "archimate: pyArchimate is not installed (.venv/bin/pip install pyarchimate); skipped"
    lines = [
        f"ArchiMate exchange, whole processes, median of {repeat} (import: read in a process of its own;"
        " export: the write inside the process; peak: the process that read and wrote)",
        "",
        f"{'file':<16} {'MiB':>6}  {'work':<7} {'steelframe':>11} {'pyArchimate':>12} {'ratio':>6}  target",
        f"{'-' * 16} {'-' * 6}  {'-' * 7} {'-' * 11} {'-' * 12} {'-' * 6}  {'-' * 12}",
    ]
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for name, path in files(folder, estate):
            ours, theirs = measure("steelframe", path, folder, repeat), measure("pyarchimate", path, folder, repeat)
            rows = (("import", ours.import_s, theirs.import_s, IMPORT_TARGET),
                    ("export", ours.export_s, theirs.export_s, EXPORT_TARGET))
            for first, (work, mine, peer, target) in enumerate(rows):
                label, size = (name, f"{path.stat().st_size / 2**20:.1f}") if first == 0 else ("", "")
                ratio = peer / mine
                verdict = "ok" if ratio >= target else "MISSED"
                lines.append(f"{label:<16} {size:>6}  {work:<7} {mine:>9.2f} s {peer:>10.2f} s {ratio:>5.1f}x"
                             f"  >= {target:g}x {verdict}")
            verdict = "ok" if ours.peak_mib <= theirs.peak_mib else "MISSED"
            lines.append(f"{'':<16} {'':>6}  {'peak':<7} {ours.peak_mib:>7.0f} MiB {theirs.peak_mib:>8.0f} MiB"
                         f" {'':>6}  no higher {verdict}")
    return "\n".join(lines)
