"""In-place renaming: a line editor laid over a box (or a line's label). Enter or leaving the editor
commits one "Rename" step; Esc cancels. The editor asks ``app.document.editing``; it never writes the model."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF

from app.canvas.items import ElementItem
from app.canvas.line_editor import LineEditor, NameEdit
from app.canvas.scene import DiagramScene
from app.document import editing
from model.vocabulary import ElementKind


class InPlaceEditor(LineEditor):
    """One open rename of ``item_id`` in ``scene``; ``on_close`` hears the refusal, or "" when all went well."""

    def __init__(self, scene: DiagramScene, item_id: str, on_close: Callable[[str], None]) -> None:
        self.scene, self.item_id = scene, item_id
        line_edit = NameEdit(editing.editable_text(scene.document.model, item_id))
        line_edit.selectAll()
        super().__init__(scene, line_edit, self._area(), on_close)

    def apply(self, text: str) -> None:
        editing.rename(self.scene.document, self.item_id, text)

    def _area(self) -> QRectF:
        """Where the name is drawn: the top band of a context, the middle of other boxes, a line's label."""
        element = self.scene.elements.get(self.item_id)
        if isinstance(element, ElementItem):
            box = element.scene_bounds()
            if element.element.kind is ElementKind.CONTEXT:
                box.setHeight(min(box.height(), 56.0))
            return box.adjusted(6, 0, -6, 0)
        relation = self.scene.relations[self.item_id]
        if relation.label_rect is not None:
            label = relation.label_rect
            return QRectF(label.center().x() - 90, label.center().y() - 12, 180, 24)
        middle = relation.midpoint()
        return QRectF(middle.x() - 90, middle.y() - 24, 180, 24)
