"""Working as a team in the window: File → Compare With… (another file, or a git revision of the open
file) marks changes on the canvas and lists them; the conflicts panel resolves a merge's conflicts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QFileDialog, QInputDialog

from app.canvas.change_marks import clear_marks, mark_changes
from app.cli.revisions import revision_text
from app.document.controller import Document
from app.document.selection import Selection
from app.panels.changes import ChangesPanel
from app.panels.conflicts import ConflictsPanel
from app.window.docks import Docks, Panels
from app.window.host import WindowHost
from app.window.views_tabs import ViewTabs
from model.diff import ModelDiff, diff_models
from model.diff.violations import violation_key
from model.engine import check_model
from model.errors import ModelError
from model.fileformat import from_json, load_model
from model.store import Model


class TeamworkHost(WindowHost, Protocol):
    """What the comparison and the conflicts need of the main window (not the window itself: no import cycle)."""

    document: Document
    tabs: ViewTabs
    docks: Docks
    panels: Panels | None

    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget) -> None: ...
    def tabifyDockWidget(self, first: QDockWidget, second: QDockWidget) -> None: ...

FILE, REVISION = "Another model file…", "A git revision of this file…"
MODEL_FILTER = "Steelframe models (*.steelframe.json *.json);;All files (*)"


@dataclass(frozen=True)
class Compared:
    source: str
    baseline: Model
    diff: ModelDiff


class Teamwork:
    """The changes and conflicts docks, and the comparison the canvas and the violations panel follow."""

    def __init__(self, window: TeamworkHost) -> None:
        self.window = window
        self.changes_dock = self._dock("changes", "Changes")
        self.conflicts_dock = self._dock("conflicts", "Conflicts")
        window.docks.violations.raise_()  # the last dock tabified shows; the violations are what a user looks for
        self.changes: ChangesPanel | None = None
        self.conflicts: ConflictsPanel | None = None
        self.compared: Compared | None = None

    def _dock(self, name: str, title: str) -> QDockWidget:
        dock = QDockWidget(title, self.window.widget())
        dock.setObjectName(f"dock-{name}")
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.window.tabifyDockWidget(self.window.docks.violations, dock)
        return dock

    def install(self, document: Document, selection: Selection) -> None:
        """Fresh panels for a new document; a comparison belongs to the document it was made on."""
        self.compared = None
        self.changes = ChangesPanel(document, selection)
        self.conflicts = ConflictsPanel(document, selection)
        for dock, panel in ((self.changes_dock, self.changes), (self.conflicts_dock, self.conflicts)):
            old = dock.widget()
            dock.setWidget(panel)
            panel.reveal.connect(self.window.tabs.reveal)
            if old is not None:
                old.deleteLater()
        self.window.tabs.currentChanged.connect(lambda _: self.mark())
        document.committed.connect(lambda _: self.refresh())
        if document.model.conflicts():
            self.conflicts_dock.show()
            self.conflicts_dock.raise_()
        if self.window.panels is not None:
            self.window.panels.violations.set_baseline(None)

    # ------------------------------------------------------------ comparing

    def compare(self) -> bool:
        """File → Compare With…: ask for a file or a git revision, then compare the open model with it."""
        choice, accepted = QInputDialog.getItem(self.window.widget(), "Compare With", "Compare the model with:",
                                                [FILE, REVISION], 0, False)
        if not accepted:
            return False
        try:
            loaded = self._ask_file() if choice == FILE else self._ask_revision()
        except ModelError as error:
            self.window.show_status(str(error))
            return False
        if loaded is None:
            return False
        self.compare_with(*loaded)
        return True

    def _ask_file(self) -> tuple[Model, str] | None:
        path, _ = QFileDialog.getOpenFileName(self.window.widget(), "Compare With", "", MODEL_FILTER)
        return (load_model(path), Path(path).name) if path else None

    def _ask_revision(self) -> tuple[Model, str] | None:
        path = self.window.document.path
        if path is None:
            raise ModelError("Save the model in a git repository first: an unsaved model has no revisions")
        revision, accepted = QInputDialog.getText(self.window.widget(), "Compare With",
                                                  "Git revision (branch, tag, commit):", text="HEAD")
        if not accepted or not revision.strip():
            return None
        label = f"{path.name}@{revision.strip()}"
        return from_json(revision_text(str(path), revision.strip()), source=label), label

    def compare_with(self, baseline: Model, source: str) -> ModelDiff:
        """Compare the open model with ``baseline``: canvas marks, the changes list, "new since" violations."""
        assert self.window.panels is not None
        self.window.panels.violations.set_baseline({violation_key(v) for v in check_model(baseline)}, source)
        diff = self._compare(baseline, source)
        self.changes_dock.show()
        self.changes_dock.raise_()
        self.window.show_status(f"Compared with {source}: {len(diff.elements)} element change(s)")
        return diff

    def refresh(self) -> None:
        """After an edit: the open model moved on, so the comparison is made again."""
        if self.compared is not None:
            self._compare(self.compared.baseline, self.compared.source)

    def _compare(self, baseline: Model, source: str) -> ModelDiff:
        diff = diff_models(baseline, self.window.document.model, violations=False)
        self.compared = Compared(source, baseline, diff)
        if self.changes is not None:
            self.changes.show_diff(diff, source)
        self.mark()
        return diff

    def clear(self) -> None:
        self.compared = None
        if self.changes is not None:
            self.changes.show_diff(None)
        if self.window.panels is not None:
            self.window.panels.violations.set_baseline(None)
        self.mark()

    def mark(self) -> None:
        """(Re)draw the marks on the shown view: boxes move and tabs open after the comparison."""
        scene = self.window.tabs.current_scene() if self.window.tabs is not None else None
        if scene is None:
            return
        if self.compared is None:
            clear_marks(scene)
        else:
            mark_changes(scene, self.compared.diff, self.compared.baseline)
