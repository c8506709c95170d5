"""What the next click on the canvas does: the palette's current kind, the flow style for new
flows, and the interaction mode. Shared by the palette, the toolbar and every diagram view."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject, Signal

from model.vocabulary import ElementKind, FlowStyle


class Mode(Enum):
    SELECT = "select"  # click selects, drag moves, drag on empty canvas draws a rubber band
    CREATE = "create"  # click or drag on empty canvas creates an element of ``kind``
    CONNECT = "connect"  # drag from an element to another draws the relation their kinds allow


class ToolState(QObject):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._mode = Mode.SELECT
        self._kind = ElementKind.CONTEXT
        self._flow_style = FlowStyle.QUERY
        #: The create tool stays after a use (double click on the palette); otherwise one box, then Select.
        self.sticky = False

    @property
    def mode(self) -> Mode:
        return self._mode

    @mode.setter
    def mode(self, mode: Mode) -> None:
        if mode is not self._mode:
            self._mode = mode
            self.sticky = False
            self.changed.emit()

    @property
    def kind(self) -> ElementKind:
        return self._kind

    @kind.setter
    def kind(self, kind: ElementKind) -> None:
        if kind is not self._kind:
            self._kind = kind
            self.changed.emit()

    @property
    def flow_style(self) -> FlowStyle:
        return self._flow_style

    @flow_style.setter
    def flow_style(self, style: FlowStyle) -> None:
        if style is not self._flow_style:
            self._flow_style = style
            self.changed.emit()
