"""Import and export of a large ArchiMate exchange file, Steelframe against pyArchimate.

pyArchimate (GPL, on PyPI as ``pyarchimate``) is installed only to run this comparison; it is not
a dependency of Steelframe. Both sides read the same file and write an exchange file to disk.
"""

from __future__ import annotations

import contextlib
import io
import logging
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SAMPLE = "10_pyarchimate_synthetic_large.xml"
TARGET_RATIO = 3.0


def sample_path() -> Path | None:
    path = Path(__file__).resolve().parents[2] / "shared" / "reference" / "archimate" / "samples" / SAMPLE
    return path if path.is_file() else None


def _median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _quietly(action: Callable[[], object]) -> Callable[[], object]:
    """pyArchimate prints a warning per relationship ArchiMate does not allow; keep the table readable."""

    def run() -> object:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            return action()

    return run


def steelframe_times(path: Path, out: Path, repeat: int) -> tuple[float, float]:
    from exporters.archimate import import_archimate, write_archimate

    model = import_archimate(path)
    return _median_ms(lambda: import_archimate(path), repeat), _median_ms(lambda: write_archimate(model, out), repeat)


def pyarchimate_times(path: Path, out: Path, repeat: int) -> tuple[float, float] | None:
    try:
        from pyArchimate import Model
    except ImportError:
        return None
    logging.disable(logging.CRITICAL)

    def read() -> object:
        model = Model("benchmark")
        model.read(str(path))
        return model

    model = _quietly(read)()
    return (
        _median_ms(_quietly(read), repeat),
        _median_ms(_quietly(lambda: model.write(str(out))), repeat),  # type: ignore[attr-defined]
    )


def report(repeat: int = 5) -> str:
    path = sample_path()
    if path is None:
        return f"archimate: {SAMPLE} is not in ../shared/reference/archimate/samples; skipped"
    with tempfile.TemporaryDirectory() as folder:
        ours = steelframe_times(path, Path(folder) / "steelframe.xml", repeat)
        theirs = pyarchimate_times(path, Path(folder) / "pyarchimate.xml", repeat)
    size = path.stat().st_size / 2**20
    lines = [
        f"ArchiMate exchange: {SAMPLE} ({size:.1f} MiB), median of {repeat}",
        "",
        f"{'work':<8}  {'steelframe':>11}  {'pyArchimate':>11}  {'ratio':>6}  target",
        f"{'-' * 8}  {'-' * 11}  {'-' * 11}  {'-' * 6}  ------",
    ]
    for index, work in enumerate(("import", "export")):
        mine = ours[index]
        if theirs is None:
            lines.append(f"{work:<8}  {mine:>8.0f} ms  {'n/a':>11}  {'':>6}  (pip install pyarchimate)")
            continue
        ratio = theirs[index] / mine
        verdict = "ok" if ratio >= TARGET_RATIO else "MISSED"
        lines.append(f"{work:<8}  {mine:>8.0f} ms  {theirs[index]:>8.0f} ms  {ratio:>5.1f}x  >= 3x {verdict}")
    return "\n".join(lines)
