"""The main window: toolbar, palette, view tabs, model tree and properties, violations and history,
and the status bar with the violation counts. It assembles the pieces and swaps the document they
show; files, the action table, the edit verbs, presentation and themes live in their own modules.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.canvas.tool_state import ToolState
from app.canvas.view import DiagramView
from app.contracts.commands import ContractCommands
from app.document import editing
from app.document.controller import Document
from app.document.selection import Selection
from app.files.controller import FileController, reason
from app.files.exports import ModelExports
from app.files.recent import RecentMenu
from app.files.recovery import AUTOSAVE_MS, QUIET_MS, RecoveryStore
from app.printing.commands import PrintCommands
from app.window import actions as table
from app.window.arrange import Arranger
from app.window.capture import CaptureBar, CaptureBox
from app.window.capture_commands import CaptureCommands
from app.window.counts import CountPills
from app.window.docks import Docks, Panels
from app.window.help import show_about, show_shortcuts
from app.window.host import NO_VIEW
from app.window.presentation import CountsOverlay, Presentation
from app.window.settings import open_settings
from app.window.teamwork import Teamwork
from app.window.themes import DEFAULT_THEME, THEMES, apply_theme, canvas_background
from app.window.views_tabs import ViewTabs
from model.engine import Diff
from model.errors import ModelError
from model.templates import build_template
from model.vocabulary import FlowStyle

log = logging.getLogger(__name__)
APP_NAME = "Steelframe"


class MainWindow(QMainWindow):
    """One model at a time, in the layout Archi and Sparx users know."""

    def __init__(self, document: Document | None = None, *, settings: QSettings | None = None,
                 recovery: RecoveryStore | None = None, autosave_ms: int = AUTOSAVE_MS,
                 quiet_ms: int = QUIET_MS) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.settings = settings if settings is not None else open_settings()
        self.recovery = recovery or RecoveryStore()
        self.tool_state = ToolState()
        self.imported_from: Path | None = None
        self.theme = self._apply_theme(str(self.settings.value("view/theme", DEFAULT_THEME)))
        self.document: Document = None  # type: ignore[assignment]  # set by install() below
        self.selection = Selection()
        self.tabs: ViewTabs = None  # type: ignore[assignment]
        self.panels: Panels | None = None
        self._edits, self._autosaved = 0, -1  # transactions committed on this document; as of the last autosave
        self.files = FileController(self, self.settings, self.recovery)
        self.printing = PrintCommands(self)
        self.exports = ModelExports(self)
        self.arranger = Arranger(self)
        self.contracts = ContractCommands(self)
        self.action_map = table.build_actions(self, self)
        self.menus = table.build_menus(self, self.action_map)
        self.capturing = CaptureCommands(self)
        self.capture = CaptureBox(self.tool_state, self.capturing.submit, self.capturing.preview,
                                  self.capturing.complete)
        self.toolbar = self._build_toolbar()
        self.capture_bar = self._build_capture_bar()  # after the toolbar: on the row below it
        self.docks = Docks(self, self.tool_state)
        self.teamwork = Teamwork(self)
        self._build_view_menu_extras()
        self.recent_menu = RecentMenu(self, self.files.recent, self.files.open, self.menus["File"],
                                      before=self.action_map["save"])
        self.canvas_area = QWidget()
        self.canvas_box = QVBoxLayout(self.canvas_area)
        self.canvas_box.setContentsMargins(0, 0, 0, 0)
        self.setCentralWidget(self.canvas_area)
        self.overlay = CountsOverlay(self.canvas_area)
        self.presentation = Presentation(self, self.overlay, self._presenting)
        self.pills = CountPills()
        self.statusBar().addPermanentWidget(self.pills)
        self.autosave_timer, self.quiet_timer = self._autosave_timers(autosave_ms, quiet_ms)
        self.files.recent_changed.connect(self.recent_menu.fill)
        self.tool_state.changed.connect(self._follow_tool_state)
        self.resize(1440, 900)
        self.install(document or Document(build_template("blank")))
        self.set_theme(self.theme)
        self.docks.default_sizes()
        self._restore_layout()
        self._follow_tool_state()

    # --------------------------------------------------------------- building

    def _autosave_timers(self, autosave_ms: int, quiet_ms: int) -> tuple[QTimer, QTimer]:
        """A recovery copy every ``autosave_ms`` while edits go on, and ``quiet_ms`` after they pause."""
        regular = QTimer(self)
        regular.setInterval(autosave_ms)
        regular.timeout.connect(self.autosave)
        regular.start()
        quiet = QTimer(self)
        quiet.setSingleShot(True)
        quiet.setInterval(min(quiet_ms, autosave_ms))
        quiet.timeout.connect(self.autosave)
        return regular, quiet

    def _build_toolbar(self) -> QToolBar:
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("toolbar-main")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for key in table.TOOLBAR:
            if key == "|":
                toolbar.addSeparator()
            else:
                toolbar.addAction(self.action_map[key])
        return toolbar

    def _build_capture_bar(self) -> QToolBar:
        """The capture field on a toolbar row of its own: no other button can push it into an overflow."""
        self.addToolBarBreak()
        bar = self.addToolBar("Capture")
        bar.setObjectName("toolbar-capture")
        bar.addWidget(CaptureBar(self.capture))
        self.capture.left.connect(self._focus_canvas)
        self.capture.back.connect(self.focus_search)
        return bar

    def _fix_toolbar_text(self) -> None:
        """Undo and redo show their icon only: "Undo Add context" must not widen the toolbar."""
        for key in ("undo", "redo"):
            button = self.toolbar.widgetForAction(self.action_map[key])
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def _build_view_menu_extras(self) -> None:
        panels = self.menus["View"].addMenu("Pa&nels")
        toggles = self.docks.toggle_actions()
        panels.addActions(toggles)
        self.addActions(toggles)  # their keys work while the menu bar is hidden too

    # --------------------------------------------------------------- document

    def widget(self) -> QWidget:
        return self

    def install(self, document: Document, imported_from: Path | None = None) -> None:
        """Show ``document`` in every part of the window; the previous document is closed."""
        old, old_tabs = self.document, self.tabs
        if old_tabs is not None:
            old_tabs.detach()
            old_tabs.deleteLater()
        self.document, self.imported_from = document, imported_from
        self.selection = Selection()
        self.tabs = ViewTabs(document, self.selection, self.tool_state)
        self.tabs.set_background(canvas_background(self.theme))
        if self.presentation.active:
            self.tabs.set_canvas_font(Presentation.canvas_font())
        self.tabs.status.connect(self.show_status)
        self.canvas_box.addWidget(self.tabs)
        self.panels = self.docks.install(document, self.selection)
        self.panels.tree.reveal.connect(self.tabs.reveal)
        self.panels.violations.reveal.connect(self.tabs.reveal)
        self.teamwork.install(document, self.selection)
        stack = document.undo_stack
        table.replace(self, self.action_map, "undo", stack.createUndoAction(self, "&Undo"))
        table.replace(self, self.action_map, "redo", stack.createRedoAction(self, "&Redo"))
        self._fix_toolbar_text()
        self._show_counts(document.counts())
        document.violations_changed.connect(self._on_diff)
        document.committed.connect(self._count_edit)
        self.capturing.watch(document)
        QTimer.singleShot(0, self.fit)  # a model opens fitted to the window
        self._edits, self._autosaved = 0, -1
        document.dirty_changed.connect(self.setWindowModified)
        document.path_changed.connect(self._update_title)
        self._update_title()
        self.setWindowModified(document.dirty)
        self.overlay.raise_()
        self._focus_canvas()
        if old is not None:
            old.close()
            old.deleteLater()

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.files.display_name()}[*] — {APP_NAME}")

    def _count_edit(self) -> None:
        """An edit: copied once the edits pause for QUIET_MS (the 30 s clock covers editing without a pause)."""
        self._edits += 1
        self.quiet_timer.start()

    def _on_diff(self, diff: Diff) -> None:
        self._show_counts(self.document.counts())

    def _show_counts(self, counts: dict[str, int]) -> None:
        self.pills.set_counts(counts)
        self.overlay.set_counts(counts)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # ------------------------------------------------------------ small verbs

    def on_canvas(self, verb: Callable[[DiagramView], object]) -> None:
        """Run an edit verb on the current view (a refusal goes to the status bar), or say there is none."""
        if view := self.tabs.current_view():
            verb(view)
        else:
            self.show_status(NO_VIEW)

    def rename(self) -> None:
        """F2: in place on the canvas; in a small dialog when the item is not drawn in this view."""
        item_id, view = self.selection.single, self.tabs.current_view()
        if item_id is None or (view is not None and view.diagram.item_for(item_id) is not None):
            self.on_canvas(lambda view: view.start_rename())
            return
        try:
            current = editing.editable_text(self.document.model, item_id)
            name, ok = QInputDialog.getText(self, "Rename", "Name:", text=current)
            if ok:
                editing.rename(self.document, item_id, name)
        except ModelError as error:
            self.show_status(str(error))

    def set_flow_style(self, style: FlowStyle) -> None:
        self.tool_state.flow_style = style
        self.show_status(f"New flows are {style} flows (Ctrl+L links two selected elements)")

    def zoom_in(self) -> None:
        if view := self.tabs.current_view():
            view.zoom_in()

    def zoom_out(self) -> None:
        if view := self.tabs.current_view():
            view.zoom_out()

    def fit(self) -> None:
        if view := self.tabs.current_view():
            view.fit()

    def next_view(self, step: int = 1) -> None:
        if self.tabs.count():
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def previous_view(self) -> None:
        self.next_view(-1)

    def focus_capture(self) -> None:
        """Ctrl+K: the capture field takes the keyboard, wherever the toolbars were put or hidden."""
        self.capture_bar.show()
        self.activateWindow()
        self.capture.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.capture.selectAll()

    def focus_search(self) -> None:
        if self.panels is not None:
            self.docks.tree.show()
            self.docks.tree.raise_()
            self.panels.tree.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.panels.tree.search.selectAll()

    def _focus_canvas(self) -> None:
        if view := self.tabs.current_view():
            view.setFocus()

    def show_shortcuts(self) -> None:
        show_shortcuts(self, table.shortcut_table(self.action_map))

    def show_about(self) -> None:
        show_about(self)

    @staticmethod
    def _apply_theme(theme: str) -> str:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            return apply_theme(app, theme)
        return theme if theme in THEMES else DEFAULT_THEME

    def set_theme(self, theme: str) -> None:
        """View > Theme: restyle the application and the canvases, and remember the choice."""
        self.theme = self._apply_theme(theme)
        self.settings.setValue("view/theme", self.theme)
        self.action_map[f"theme_{self.theme}"].setChecked(True)
        self.tabs.set_background(canvas_background(self.theme))

    def _presenting(self, active: bool) -> None:
        self.action_map["presentation"].setChecked(active)
        self.action_map["leave_presentation"].setEnabled(active)
        self.tabs.set_canvas_font(Presentation.canvas_font() if active else None)

    def _follow_tool_state(self) -> None:
        style = self.tool_state.flow_style
        if style in (FlowStyle.QUERY, FlowStyle.COMMAND, FlowStyle.EVENT):
            self.action_map[f"style_{style}"].setChecked(True)

    # --------------------------------------------------- autosave and closing

    def autosave(self) -> Path | None:
        """Copy a dirty model to the recovery folder if it changed since the last copy.

        Returns the file written. Writing a 2,000-context estate takes most of a second, so an idle
        window does not write the same copy again and again.
        """
        if not self.document.dirty or self._autosaved == self._edits:
            return None
        path = None if self.imported_from else self.document.path
        try:
            written = self.recovery.write(self.document.model, path, self.document)
        except Exception as error:  # a timer must not raise; the previous copy stays
            log.warning("autosave failed: %s", error, exc_info=not isinstance(error, ModelError | OSError))
            self.show_status(f"Autosave failed: {reason(error)}")
            return None
        self._autosaved = self._edits
        return written

    def closeEvent(self, event: QCloseEvent) -> None:
        self.presentation.leave()
        self.arranger.cancel()
        if not self._may_close():
            event.ignore()
            return
        self.files.release_current()
        self.autosave_timer.stop()
        self.quiet_timer.stop()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
        self.tabs.detach()
        self.document.close()
        event.accept()

    def _may_close(self) -> bool:
        """The save prompt; whatever goes wrong in it keeps the window (and the work) open."""
        try:
            return self.files.maybe_save()
        except Exception as error:  # closing must never drop unsaved work
            log.exception("the save prompt failed")
            QMessageBox.warning(self, "Cannot close the window",
                                f"{reason(error)}\n\nThe window stays open with your changes.")
            return False

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray | bytes):  # docks first: hidden ones must not hold the size up
            self.restoreState(QByteArray(state))
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))

    def all_actions(self) -> dict[str, QAction]:
        return dict(self.action_map)
