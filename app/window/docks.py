"""The docks around the canvas, in the habits of Archi and Sparx users: the palette on the left, the
model tree above the property editor on the right, violations and history tabbed at the bottom.

The docks stay for the window's life (their layout is saved between runs); the panels inside them
are made anew for each document the window shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from app.canvas.tool_state import ToolState
from app.document.controller import Document
from app.document.selection import Selection
from app.panels.history import HistoryPanel
from app.panels.model_tree import ModelTree
from app.panels.palette import Palette
from app.panels.properties import PropertyEditor
from app.panels.violations import ViolationsPanel

Area = Qt.DockWidgetArea


@dataclass
class Panels:
    tree: ModelTree
    properties: PropertyEditor
    violations: ViolationsPanel
    history: HistoryPanel


class Docks:
    def __init__(self, window: QMainWindow, tool_state: ToolState) -> None:
        self.window = window
        window.setCorner(Qt.Corner.BottomLeftCorner, Area.LeftDockWidgetArea)
        window.setCorner(Qt.Corner.BottomRightCorner, Area.RightDockWidgetArea)
        self.palette = self._dock("palette", "Palette", Area.LeftDockWidgetArea, Palette(tool_state))
        self.tree = self._dock("model-tree", "Model", Area.RightDockWidgetArea)
        self.properties = self._dock("properties", "Properties", Area.RightDockWidgetArea)
        window.splitDockWidget(self.tree, self.properties, Qt.Orientation.Vertical)
        self.violations = self._dock("violations", "Violations", Area.BottomDockWidgetArea)
        self.history = self._dock("history", "History", Area.BottomDockWidgetArea)
        window.tabifyDockWidget(self.violations, self.history)
        self.violations.raise_()

    def default_sizes(self) -> None:
        """Room for the canvas first, then enough rows of violations to read (a saved layout overrides this)."""
        self.window.resizeDocks([self.palette, self.tree], [190, 340], Qt.Orientation.Horizontal)
        self.window.resizeDocks([self.tree, self.violations], [300, 240], Qt.Orientation.Vertical)

    def _dock(self, name: str, title: str, area: Area, widget: QWidget | None = None) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget or QWidget())
        self.window.addDockWidget(area, dock)
        return dock

    def all(self) -> list[QDockWidget]:
        return [self.palette, self.tree, self.properties, self.violations, self.history]

    def install(self, document: Document, selection: Selection) -> Panels:
        """Fresh panels on ``document``; the previous ones are deleted."""
        panels = Panels(ModelTree(document, selection), PropertyEditor(document, selection),
                        ViolationsPanel(document, selection), HistoryPanel(document))
        for dock, panel in zip((self.tree, self.properties, self.violations, self.history),
                               (panels.tree, panels.properties, panels.violations, panels.history), strict=True):
            old = dock.widget()
            dock.setWidget(panel)
            if old is not None:
                old.deleteLater()
        return panels

    def toggle_actions(self) -> list[QAction]:
        """View > Panels: show or hide each dock (Alt+1 ... Alt+5)."""
        actions = []
        for number, dock in enumerate(self.all(), start=1):
            action = dock.toggleViewAction()
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            action.setObjectName(f"action-panel-{dock.objectName().removeprefix('dock-')}")
            action.setStatusTip(f"Show or hide the {dock.windowTitle().lower()} panel")
            actions.append(action)
        return actions
