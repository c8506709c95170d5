"""The edit verbs: what a user does to the selection of a canvas. The window's menus (through the
action table), the canvas's keys and the panels call these functions, and nothing in between.

Each verb is one undo step (``app.document.editing`` and ``clipboard`` do the step); a refusal
goes to the canvas's status line instead of raising.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtGui import QGuiApplication

from app.canvas.target import Canvas
from app.document import clipboard, editing
from model.errors import ModelError

T = TypeVar("T")


def _run(canvas: Canvas, verb: Callable[[], T]) -> T | None:
    try:
        return verb()
    except ModelError as error:
        canvas.refuse(error)
        return None


def _ids(canvas: Canvas) -> list[str]:
    return canvas.diagram.selection.ids


def copy(canvas: Canvas) -> str | None:
    """Ctrl+C: the selected boxes (with what is drawn inside them) to the system clipboard."""
    scene = canvas.diagram
    text = _run(canvas, lambda: clipboard.copy(scene.document, scene.view_id, _ids(canvas)))
    if text is not None:
        QGuiApplication.clipboard().setText(text)
        canvas.pasted = (text, 0)
    return text


def paste(canvas: Canvas) -> list[str] | None:
    """Ctrl+V: paste the clipboard; pasting the same copy again steps further away from the originals."""
    scene, text = canvas.diagram, QGuiApplication.clipboard().text()
    count = canvas.pasted[1] + 1 if canvas.pasted[0] == text else 1
    offset = (clipboard.PASTE_OFFSET[0] * count, clipboard.PASTE_OFFSET[1] * count)
    pasted = _run(canvas, lambda: clipboard.paste(scene.document, scene.view_id, text, offset,
                                                  selection=scene.selection))
    if pasted is not None:
        canvas.pasted = (text, count)
    return pasted


def duplicate(canvas: Canvas) -> list[str] | None:
    """Ctrl+D: copy and paste in one step."""
    scene = canvas.diagram
    return _run(canvas, lambda: clipboard.duplicate(scene.document, scene.view_id, _ids(canvas),
                                                    selection=scene.selection))


def delete(canvas: Canvas) -> None:
    """Delete: from the model, and so from every view."""
    _run(canvas, lambda: editing.delete_from_model(canvas.diagram.document, _ids(canvas)))


def remove_from_view(canvas: Canvas) -> None:
    """Shift+Delete: off this view only; the model keeps the elements."""
    scene = canvas.diagram
    _run(canvas, lambda: editing.remove_from_view(scene.document, scene.view_id, _ids(canvas)))


def align(canvas: Canvas, edge: editing.Edge) -> None:
    scene = canvas.diagram
    _run(canvas, lambda: editing.align(scene.document, scene.view_id, _ids(canvas), edge))


def add_next(canvas: Canvas) -> None:
    """Tab or Insert: name a new box of the palette's kind next to the selection (one undo step when named)."""
    shown = [i for i in _ids(canvas) if i in canvas.diagram.elements]
    canvas.start_naming(canvas.tool_state.kind, shown[-1] if shown else None)


def select_all(canvas: Canvas) -> None:
    """Ctrl+A: everything drawn in this view."""
    scene = canvas.diagram
    scene.selection.set([*scene.elements, *scene.relations])
