"""What the canvas tools and the edit verbs need of the widget that shows a diagram (a DiagramView).

A Protocol, so neither imports the view: the view imports them.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem, QMenu, QWidget

from app.canvas.items import ElementItem
from app.canvas.scene import DiagramScene
from app.canvas.tool_state import ToolState
from model.errors import ModelError
from model.vocabulary import ElementKind


class Canvas(Protocol):
    diagram: DiagramScene
    tool_state: ToolState
    relation_menu: QMenu | None
    #: The text pasted last and how many times, so each paste of the same copy steps further.
    pasted: tuple[str, int]

    def element_at(self, pos: QPointF) -> ElementItem | None:
        """The topmost box under a scene point."""
        ...

    def item_at(self, pos: QPointF) -> QGraphicsItem | None:
        """The topmost box or line under a scene point."""
        ...

    def viewport(self) -> QWidget:
        """The widget the canvas paints on (the parent of its popups)."""
        ...

    def refuse(self, error: ModelError | str) -> None:
        """Say why an edit was not done (the status bar)."""
        ...

    def start_rename(self, item_id: str | None = None) -> None:
        """Open the name of a box or line for typing."""
        ...

    def start_naming(self, kind: ElementKind, anchor_id: str | None) -> None:
        """Open a name editor for a box of ``kind`` not yet in the model, placed next to ``anchor_id``."""
        ...
