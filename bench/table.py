"""The printed table: one row per figure, one column per estate size, each target beside its figure."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bench.edits import KINDS
from bench.measure import SizeResult, median, p99

Cell = tuple[str, bool | None]  # the figure, and whether it meets the row's target (None: no target)


@dataclass(frozen=True)
class Row:
    label: str
    target: str
    cell: Callable[[SizeResult], Cell]
    #: the row's time in ms, for rows whose time per element is compared across sizes (linearity)
    time: Callable[[SizeResult], float | None] | None = None


def _ms(value: float | None, limit: float | None = None) -> Cell:
    if value is None or math.isnan(value):
        return "n/a", None
    text = f"{value:,.0f} ms" if value >= 100 else f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms"
    return text, None if limit is None else value < limit


def _count(value: int) -> Cell:
    return f"{value:,}", None


def _pair(samples: list[float]) -> Cell:
    if not samples:
        return "n/a", None
    return f"{median(samples):.2f} / {p99(samples):.2f} ms", None


def _edit_row(kind: str) -> Row:
    return Row(f"  {kind} (median / p99)", "", lambda r: _pair(r.edits.get(kind, [])))


def _file(r: SizeResult) -> Cell:
    if r.file_mb is None:
        return "n/a", None
    return (f"{r.file_mb:.1f} MiB", None) if r.file_mb >= 1 else (f"{r.file_mb * 1024:.0f} KiB", None)


ROWS: tuple[Row, ...] = (
    Row("elements", "", lambda r: _count(r.elements)),
    Row("relations", "", lambda r: _count(r.relations)),
    Row("generate estate", "", lambda r: _ms(r.generate_ms)),
    Row("full check (median of 3)", "< 300 ms", lambda r: _ms(r.full_check_ms, 300), lambda r: r.full_check_ms),
    Row("engine build", "", lambda r: _ms(r.engine_build_ms), lambda r: r.engine_build_ms),
    Row("violations (waived)", "", lambda r: (f"{r.violations:,} ({r.waived})", None)),
    Row("rules firing", "", lambda r: (f"{r.rules_firing} of 19", None)),
    Row("incremental edit + check, by kind:", "", lambda r: ("", None)),
    *(_edit_row(kind) for kind in KINDS),
    Row("incremental, all edits: median", "< 5 ms", lambda r: _ms(median(r.all_edits()), 5)),
    Row("incremental, all edits: p99", "< 16 ms", lambda r: _ms(p99(r.all_edits()), 16)),
    Row("edit alone, no engine (median / p99)", "", lambda r: _pair(r.all_edits(bare=True))),
    Row("engine == full check after edits", "yes", lambda r: (
        ("n/a", None) if r.consistent is None else ("yes", True) if r.consistent else ("NO", False)
    )),
    Row("save file", "< 1 s", lambda r: _ms(r.save_ms, 1000), lambda r: r.save_ms),
    Row("load file", "< 1 s", lambda r: _ms(r.load_ms, 1000), lambda r: r.load_ms),
    Row("file size", "", _file),
    Row("peak RSS (process so far)", "", lambda r: (f"{r.peak_rss_mb:,.0f} MiB", None)),
)


def _mark(cell: Cell) -> str:
    text, met = cell
    return text if met is None else f"{text}  {'ok' if met else 'MISSED'}"


def per_element(row: Row, results: Sequence[SizeResult]) -> str:
    """Time per element (and relation) at each larger size, relative to the smallest: x1.00 is linear."""
    if row.time is None:
        return ""
    first = results[0]
    base = row.time(first)
    if not base:
        return "n/a"
    ratios = []
    for result in results[1:]:
        time = row.time(result)
        items = result.elements + result.relations
        if time is None or not items:
            ratios.append("n/a")
        else:
            ratios.append(f"x{time / items / (base / (first.elements + first.relations)):.2f}")
    return " / ".join(ratios)


def format_table(results: Sequence[SizeResult], edits: int, seed: int) -> str:
    """The benchmark as fixed-width text; with two sizes or more, a column of time per element vs the smallest."""
    linear = len(results) > 1
    header = ["figure", "target", *(f"{r.contexts:,} contexts" for r in results)]
    header += ["per element vs smallest"] if linear else []
    body = [[row.label, row.target, *(_mark(row.cell(r)) for r in results)] for row in ROWS]
    if linear:
        for line, row in zip(body, ROWS, strict=True):
            line.append(per_element(row, results))
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = [
        f"Steelframe benchmark: generated estates, seed {seed}, {edits} random edits per size",
        "",
        "  ".join(text.ljust(width) for text, width in zip(header, widths, strict=True)).rstrip(),
        "  ".join("-" * width for width in widths),
    ]
    lines += ["  ".join(text.ljust(width) for text, width in zip(line, widths, strict=True)).rstrip() for line in body]
    return "\n".join(lines)
