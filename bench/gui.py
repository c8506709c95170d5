"""``python -m bench.gui``: how long from an edit to the repainted badge, in the real main window.

The generated estate (2,000 contexts by default) is opened in the main window offscreen, on its
landscape view (every context drawn). Each sample times, from the start of the edit: the edit
through ``app.document.editing`` or ``document.edit`` (one undo step), the engine's incremental check, every
listener (scene badges, status bar counts, model tree, violations panel, history), and
``QApplication.processEvents()``, in which Qt repaints what changed: that is *repainted*, and the
sample checks that the canvas really received a paint event over the edited box. Then it forces a
repaint of the whole canvas, the worst case (*full repaint*: every visible box, the grid). Edits are
typical canvas work: rename a context, add a flow between two drawn contexts, change a flow's
style. Two zooms: 100 % centred on the edited context (how people work), and the whole estate fitted
in the window (all 2,000 contexts with their services and flows on screen).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QRect, QSettings
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.document import editing
from app.document.controller import Document
from app.files.recovery import RecoveryStore
from app.window.main import application
from app.window.mainwindow import MainWindow
from bench.estate import generate
from bench.measure import median, p99
from model.relations import Flow
from model.views import Bounds
from model.vocabulary import ElementKind, FlowStyle, RelationKind

KINDS = ("rename context", "add flow", "change flow style")
STYLES = (FlowStyle.QUERY, FlowStyle.COMMAND, FlowStyle.EVENT, FlowStyle.UNDECLARED)
TARGET_MS = 16.0  # one frame at 60 Hz


@dataclass
class Result:
    contexts: int
    open_ms: float
    #: zoom -> kind -> (repainted ms, full repaint ms) per sample
    samples: dict[str, dict[str, list[tuple[float, float]]]] = field(default_factory=dict)
    #: samples in which the canvas received no paint event over the edited box (should stay 0)
    unpainted: int = 0
    badges_changed: int = 0


class PaintWatch(QObject):
    """Records the regions of the paint events a widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.regions: list[QRect] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent):
            self.regions.append(event.region().boundingRect())
        return False


class Bench:
    """One window on one estate, and the edits to time on its landscape view."""

    def __init__(self, window: MainWindow, seed: int) -> None:
        self.window = window
        self.document = window.document
        self.rng = random.Random(seed)
        self.view_id = window.tabs.current_view_id() or ""
        self.view = window.tabs.view_for(self.view_id)
        model = self.document.model
        self.placed = [e.id for e in model.elements(ElementKind.CONTEXT)
                       if isinstance(model.layout(self.view_id, e.id), Bounds)]
        self.drawn_flows = [r.id for r in model.relations(RelationKind.FLOW)
                            if model.layout(self.view_id, r.id) is not None]
        self.paints = PaintWatch(self.view.viewport())
        self.unpainted = 0

    def next_edit(self, kind: str) -> tuple[str, Callable[[], object]]:
        """The context the edit is about (to look at it) and the edit itself."""
        document = self.document
        if kind == "change flow style" and self.drawn_flows:
            flow_id = self.rng.choice(self.drawn_flows)
            flow = document.model.relation(flow_id)
            assert isinstance(flow, Flow)
            style = self.rng.choice([s for s in STYLES if s is not flow.style])
            return flow.source, lambda: self._restyle(flow_id, style)
        if kind in ("add flow", "change flow style"):
            source, target = self._neighbours()
            style = self.rng.choice(STYLES[:3])
            return source, lambda: self.drawn_flows.append(editing.connect(
                document, self.view_id, source, target, RelationKind.FLOW, style))
        context_id = self.rng.choice(self.placed)
        name = f"Renamed {self.rng.randrange(10**6)}"
        return context_id, lambda: editing.rename(document, context_id, name)

    def _restyle(self, flow_id: str, style: FlowStyle) -> None:
        with self.document.edit(f"Change style to {style}") as model:
            model.update_relation(flow_id, style=style, synchronous=None)

    def _neighbours(self) -> tuple[str, str]:
        """Two contexts drawn side by side, so the new line is on screen with both badges."""
        index = self.rng.randrange(len(self.placed) - 1)
        return self.placed[index], self.placed[index + 1]

    def look_at(self, element_id: str, fitted: bool) -> None:
        if fitted:
            return
        item = self.view.diagram.item_for(element_id)
        if item is not None:
            self.view.centerOn(item)

    def sample(self, kind: str, fitted: bool) -> tuple[float, float]:
        """Milliseconds from the start of the edit to the repainted canvas, and to a full repaint after it."""
        subject, edit = self.next_edit(kind)
        self.look_at(subject, fitted)
        QApplication.processEvents()
        self.paints.regions.clear()
        start = time.perf_counter()
        edit()
        QApplication.processEvents()
        repainted = time.perf_counter()
        self.view.viewport().repaint()
        done = time.perf_counter()
        if not self._painted(subject):
            self.unpainted += 1
        return (repainted - start) * 1000, (done - start) * 1000

    def _painted(self, subject: str) -> bool:
        """Whether a paint event before the forced repaint covered part of the edited box."""
        item = self.view.diagram.item_for(subject)
        if item is None:
            return False
        box = self.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        return any(region.intersects(box) for region in self.paints.regions[:-1])


def open_window(contexts: int, seed: int, scratch: Path) -> tuple[MainWindow, float]:
    model = generate(contexts, seed)
    app = application()
    start = time.perf_counter()
    settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Document(model), settings=settings, recovery=RecoveryStore(scratch / "recovery"),
                        autosave_ms=3_600_000)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    view = window.tabs.current_view()
    assert view is not None
    view.viewport().repaint()
    return window, (time.perf_counter() - start) * 1000


def run(contexts: int, edits: int, seed: int) -> Result:
    with tempfile.TemporaryDirectory() as scratch:
        window, open_ms = open_window(contexts, seed, Path(scratch))
        result = Result(contexts, open_ms)
        bench = Bench(window, seed)
        before = window.pills.text()
        for zoom, fitted in (("100 %", False), ("whole estate", True)):
            view = bench.view
            view.resetTransform()
            if fitted:
                view.fit()
            kinds = [KINDS[n % len(KINDS)] for n in range(edits)]
            bench.rng.shuffle(kinds)
            samples: dict[str, list[tuple[float, float]]] = {kind: [] for kind in KINDS}
            for _ in range(3):  # warm up caches, fonts and the glyph atlas
                bench.sample(KINDS[0], fitted)
            gc.collect()
            bench.unpainted = 0
            for kind in kinds:
                samples[kind].append(bench.sample(kind, fitted))
            result.samples[zoom] = samples
            result.unpainted += bench.unpainted
        result.badges_changed = int(before != window.pills.text())
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()
    return result


def format_result(result: Result, edits: int, seed: int) -> str:
    lines = [
        f"Steelframe GUI benchmark: edit to repainted badge, {result.contexts:,}-context estate (seed {seed}),"
        f" {edits} edits per zoom, offscreen",
        "",
        f"open the estate in the window (engine, tabs, panels, first paint): {result.open_ms:,.0f} ms",
        f"samples without a paint event over the edited box: {result.unpainted}",
        "",
    ]
    header = ("zoom", "edit", "n", "repainted median", "p99", "max", f"p99 < {TARGET_MS:.0f} ms",
              "full repaint median", "p99")
    rows = []
    for zoom, by_kind in result.samples.items():
        every = [pair for samples in by_kind.values() for pair in samples]
        for kind, samples in [*by_kind.items(), ("all edits", every)]:
            repainted = [first for first, _ in samples]
            full = [second for _, second in samples]
            rows.append((zoom, kind, str(len(samples)), f"{median(repainted):.1f} ms", f"{p99(repainted):.1f} ms",
                         f"{max(repainted):.1f} ms", "ok" if p99(repainted) < TARGET_MS else "MISSED",
                         f"{median(full):.1f} ms", f"{p99(full):.1f} ms"))
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines.append("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.gui", description=__doc__.splitlines()[0])
    parser.add_argument("--contexts", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=102, help="edits per zoom, spread over the three kinds")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.contexts < 2 or args.edits < 1:
        parser.error("at least 2 contexts and 1 edit")
    print(f"opening a {args.contexts:,}-context estate ...", file=sys.stderr, flush=True)
    print(format_result(run(args.contexts, args.edits, args.seed), args.edits, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
