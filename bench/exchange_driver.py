"""One side of the ArchiMate comparison in a process of its own, so that each figure is a whole process.

``python -m bench.exchange_driver steelframe|pyarchimate FILE [OUT]`` reads FILE (and with OUT
writes it back there) and prints one JSON line: how long the write took inside the process, and
the process's peak memory. The caller times the whole process from outside.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import sys
import time
from pathlib import Path


def steelframe(path: Path, out: Path | None) -> float:
    from exporters.archimate import import_archimate, write_archimate

    model = import_archimate(path)
    if out is None:
        return 0.0
    started = time.perf_counter()
    write_archimate(model, out)
    return time.perf_counter() - started


def pyarchimate(path: Path, out: Path | None) -> float:
    """pyArchimate prints a warning per relationship ArchiMate does not allow: kept out of the output."""
    from pyArchimate import Model

    logging.disable(logging.CRITICAL)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        model = Model("benchmark")
        model.read(str(path))
        if out is None:
            return 0.0
        started = time.perf_counter()
        model.write(str(out))
        return time.perf_counter() - started


def main(argv: list[str]) -> int:
    tool, path = argv[0], Path(argv[1])
    out = Path(argv[2]) if len(argv) > 2 else None
    write_s = {"steelframe": steelframe, "pyarchimate": pyarchimate}[tool](path, out)
    print(json.dumps({"write_s": write_s, "peak_mib": peak_mib()}))
    return 0


def peak_mib() -> float:
    """This process's peak resident memory. Not ``getrusage``: its ``ru_maxrss`` survives ``exec`` and so
    would report the parent's peak at the fork."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
