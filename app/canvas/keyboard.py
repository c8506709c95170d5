"""The canvas's keyboard verbs for workshops: arrows move the selection box to box, Ctrl+L links the two
selected elements with any relation their kinds allow, Tab and Insert name a new box before it exists."""

from __future__ import annotations

from typing import Protocol, cast, overload

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtWidgets import QGraphicsItem, QWidget

from app.canvas.naming import NamingEditor
from app.canvas.style import size_of
from app.canvas.target import Canvas
from app.canvas.tool_state import Mode
from app.canvas.tools import ConnectTool, Tool, relation_menu
from app.document import editing
from model.capture.nearest import nearest
from model.capture.placement import place
from model.errors import ModelError
from model.views import Bounds
from model.vocabulary import ElementKind


class DiagramView(Canvas, Protocol):
    """What the keyboard commands need of the view (a protocol: the view imports this module)."""

    tools: dict[Mode, Tool]

    def mapFromScene(self, point: QPointF, /) -> QPoint: ...
    @overload
    def ensureVisible(self, item: QGraphicsItem, /, xmargin: int = ..., ymargin: int = ...) -> None: ...
    @overload
    def ensureVisible(self, rect: QRectF | QRect, /, xmargin: int = ..., ymargin: int = ...) -> None: ...
    @overload
    def ensureVisible(self, x: float, y: float, w: float, h: float, /, xmargin: int = ...,
                      ymargin: int = ...) -> None: ...
    def make_room(self, rect: QRectF) -> None: ...
    def window(self) -> QWidget: ...
    def setFocus(self, reason: Qt.FocusReason) -> None: ...
    def editor_closed(self, message: str) -> None: ...


def link_selected(view: DiagramView) -> None:
    """Ctrl+L: the relation the two selected elements allow, first to second; a menu when several fit."""
    ends = [i for i in view.diagram.selection.ids if i in view.diagram.elements]
    if len(ends) != 2:
        view.refuse("select exactly two elements to link them")
        return
    connect = cast(ConnectTool, view.tools[Mode.CONNECT]).connect
    try:
        choices = editing.relation_choices(view.diagram.document.model, ends[0], ends[1])
    except ModelError as error:
        view.refuse(error)
        return
    if len(choices) < 2:
        connect(ends[0], ends[1], choices[0] if choices else None)
        return
    menu = relation_menu(view.viewport(), choices, view.tool_state.flow_style,
                         lambda kind: connect(ends[0], ends[1], kind))
    view.relation_menu = menu
    menu.aboutToHide.connect(lambda: setattr(view, "relation_menu", None))
    target = view.diagram.elements[ends[1]].sceneBoundingRect().center()
    menu.popup(view.viewport().mapToGlobal(view.mapFromScene(target)))
    menu.setActiveAction(menu.actions()[0])


def step_selection(view: DiagramView, direction: tuple[int, int], adding: bool = False) -> None:
    """Arrow keys: select the nearest box that way (Shift: add it to the selection), and keep it in sight."""
    boxes = {i: b for i, b in view.diagram.document.model.layouts(view.diagram.view_id).items()
             if isinstance(b, Bounds) and i in view.diagram.elements}
    chosen = [i for i in view.diagram.selection.ids if i in boxes]
    if not chosen:
        target = min(boxes, key=lambda i: (boxes[i].y, boxes[i].x), default=None)
    else:
        target = nearest(boxes, chosen[-1], direction)
    if target is None:
        return
    view.diagram.selection.set([*(i for i in chosen if i != target), target] if adding else [target])
    item = view.diagram.item_for(target)
    if item is not None:
        view.ensureVisible(item, 40, 40)


def start_naming(view: DiagramView, kind: ElementKind, anchor_id: str | None) -> NamingEditor:
    """An editor naming a new box of ``kind`` in free space next to ``anchor_id``, with the keyboard in it."""
    model = view.diagram.document.model
    boxes = [b for b in model.layouts(view.diagram.view_id).values() if isinstance(b, Bounds)]
    anchor = model.layout(view.diagram.view_id, anchor_id) if anchor_id else None
    bounds = place(boxes, anchor if isinstance(anchor, Bounds) else None, size_of(kind))
    rect = QRectF(bounds.x, bounds.y, bounds.w, bounds.h)
    view.make_room(rect)
    view.ensureVisible(rect, 40, 40)
    view.window().activateWindow()
    view.setFocus(Qt.FocusReason.ShortcutFocusReason)
    return NamingEditor(view.diagram, kind, bounds, view.editor_closed)
