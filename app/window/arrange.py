"""Model > Arrange: lay the current view out with Graphviz, off the GUI thread, as one undo step.

The graph of the view is taken on the GUI thread, Graphviz runs in a QThreadPool worker (killed
at its timeout or when the user cancels the progress dialog), and the positions come back to the
GUI thread, which writes them in one ``document.edit``: elements not in the view are untouched and
the view's relations lose their bend points (Graphviz placed the boxes for straight lines). Any
failure, or an edit made meanwhile, is said in the status bar and nothing changes.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog

from app.document.controller import Document
from app.window.commands import NO_VIEW, Workspace
from exporters.graphviz.layout import LayoutGraph, LayoutResult, arranged_bounds, graph_for_view, run_layout
from exporters.graphviz.runner import GraphvizCancelled, GraphvizError
from model.errors import ModelError
from model.views import Bounds, Route

LABEL = "Arrange view"
#: Seconds Graphviz may take in all (dot gets half of it before sfdp takes over).
TIMEOUT_S = 60.0
#: The progress dialog shows only for a layout that takes longer than this.
SHOW_AFTER_MS = 400


class _Signals(QObject):
    done = Signal(object)  # LayoutResult or GraphvizError


class _Job(QRunnable):
    def __init__(self, graph: LayoutGraph, timeout_s: float, cancel: threading.Event) -> None:
        super().__init__()
        self.graph, self.timeout_s, self.cancel = graph, timeout_s, cancel
        self.signals = _Signals()

    def run(self) -> None:
        result: LayoutResult | GraphvizError
        try:
            result = run_layout(self.graph, self.timeout_s, self.cancel.is_set)
        except GraphvizCancelled:
            result = GraphvizCancelled("Arrange cancelled")
        except GraphvizError as error:
            result = error
        except Exception as error:
            result = GraphvizError(f"Arrange failed: {error}")
        self.signals.done.emit(result)


class Arranger(QObject):
    """The Arrange command of one window; at most one layout runs at a time."""

    finished = Signal(str)  # what the status bar was told

    def __init__(self, workspace: Workspace, timeout_s: float = TIMEOUT_S) -> None:
        super().__init__(workspace.widget())
        self.ws = workspace
        self.timeout_s = timeout_s
        self.last_engine = ""
        self._job: _Job | None = None
        self._cancel = threading.Event()
        self._stale = False
        self._document: Document | None = None
        self._view_id = ""
        self._graph: LayoutGraph | None = None
        self._progress: QProgressDialog | None = None

    @property
    def running(self) -> bool:
        return self._job is not None

    def arrange(self) -> None:
        if self.running:
            self.ws.show_status("Arrange is already running")
            return
        view_id = self.ws.tabs.current_view_id()
        if view_id is None:
            self.ws.show_status(NO_VIEW)
            return
        document = self.ws.document
        graph = graph_for_view(document.model, view_id)
        if not graph.nodes:
            self.ws.show_status("Nothing to arrange: the view is empty")
            return
        self._document, self._view_id, self._graph, self._stale = document, view_id, graph, False
        self._cancel = threading.Event()
        document.committed.connect(self._on_commit)
        self._job = _Job(graph, self.timeout_s, self._cancel)
        self._job.setAutoDelete(False)  # kept until its answer arrives
        self._job.signals.done.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        QTimer.singleShot(SHOW_AFTER_MS, self, self._show_progress)
        QThreadPool.globalInstance().start(self._job)

    def cancel(self) -> None:
        """Stop a running layout: Graphviz is killed and the view stays as it was."""
        self._cancel.set()

    # ---------------------------------------------------------------- inside

    def _on_commit(self, _committed: object) -> None:
        self._stale = True

    def _show_progress(self) -> None:
        if not self.running or self._progress is not None:
            return
        dialog = QProgressDialog("Graphviz is laying the view out…", "Cancel", 0, 0, self.ws.widget())
        dialog.setWindowTitle("Arrange")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(self.cancel)
        dialog.show()
        self._progress = dialog

    def _finished(self, result: LayoutResult | GraphvizError) -> None:
        document, view_id, graph = self._document, self._view_id, self._graph
        if document is not None:
            document.committed.disconnect(self._on_commit)
        if self._progress is not None:
            self._progress.canceled.disconnect(self.cancel)
            self._progress.close()
            self._progress.deleteLater()
        self._job = self._progress = self._document = self._graph = None
        if isinstance(result, GraphvizError):
            message = "Arrange cancelled: the view is left as it was" if self._cancel.is_set() else str(result)
        elif self._cancel.is_set():
            message = "Arrange cancelled: the view is left as it was"
        elif document is not self.ws.document or self._stale or graph is None:
            message = "The model changed while Graphviz was working: nothing was moved (Arrange again)"
        else:
            self.last_engine = result.engine
            message = self._apply(document, view_id, graph, result)
        self.ws.show_status(message)
        self.finished.emit(message)

    def _apply(self, document: Document, view_id: str, graph: LayoutGraph, result: LayoutResult) -> str:
        bounds = arranged_bounds(graph, result.positions)
        children = {child.id for held in graph.clusters.values() for child in held}
        try:
            with document.edit(LABEL) as model:
                layouts = model.layouts(view_id)
                old = {i: b for i, b in layouts.items() if isinstance(b, Bounds)}
                # The canvas draws a child relative to its context and replays undo backwards: moving
                # children before and after their contexts keeps them in place both ways.
                for child_id in children:
                    model.place(view_id, child_id, _aside(bounds[child_id], old.get(child_id)))
                for element_id, new in bounds.items():
                    if element_id not in children:
                        model.place(view_id, element_id, new)
                for child_id in children:
                    model.place(view_id, child_id, bounds[child_id])
                for item_id, layout in layouts.items():
                    if isinstance(layout, Route) and layout.bends:
                        model.route(view_id, item_id, Route())
        except ModelError as error:
            return f"Arrange failed: {error}"
        return f"Arranged {len(bounds)} elements with Graphviz {result.engine} in {result.seconds:.2f} s"


def _aside(final: Bounds, old: Bounds | None) -> Bounds:
    """A place next to ``final`` that is neither it nor ``old``."""
    for shift in (1.0, 2.0):
        moved = final.model_copy(update={"x": final.x + shift})
        if moved != old:
            return moved
    return final
