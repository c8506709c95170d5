"""A form generated from pydantic fields: one editor per attribute, chosen by the attribute's type."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtWidgets import QFormLayout, QWidget

from app.panels.editors import (
    CheckEditor,
    ChoiceEditor,
    DateEditor,
    DurationEditor,
    FieldEditor,
    IntEditor,
    LabelEditor,
    LineEditor,
    ListEditor,
    ReadOnlyEditor,
    TextEditor,
    enum_choices,
    tri_state_choices,
)
from app.panels.field_types import FieldType, is_date
from app.panels.reference_editors import PropertiesEditor, ReferenceEditor, ReferenceListEditor
from model.store import Model
from model.vocabulary import ElementKind

Committer = Callable[[FieldType, Any], None]


def make_editor(field: FieldType) -> FieldEditor:
    """The widget an attribute gets, from its type alone (names only pick prose over one-line text)."""
    if field.name == "kind":
        return LabelEditor(field)
    if field.read_only:
        return ReadOnlyEditor(field)
    if field.targets:
        return ReferenceListEditor(field) if field.many else ReferenceEditor(field)
    if field.base is dict:
        return PropertiesEditor(field)
    if field.many:
        return ListEditor(field)
    if field.duration:
        return DurationEditor(field)
    if field.is_enum:
        return ChoiceEditor(field, enum_choices(field))
    if field.base is bool:
        return ChoiceEditor(field, tri_state_choices(field)) if field.optional else CheckEditor(field)
    if field.base is int:
        return IntEditor(field)
    if is_date(field):
        return DateEditor(field)
    if field.base is str:
        return TextEditor(field) if field.multiline else LineEditor(field)
    return ReadOnlyEditor(field)


class Form(QWidget):
    """Editors for ``fields`` in a form layout; each commit is handed to ``on_commit``."""

    def __init__(
        self, fields: Iterable[FieldType], model: Model, on_commit: Committer, owner: str | None = None
    ) -> None:
        super().__init__()
        self.editors: dict[str, FieldEditor] = {}
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in fields:
            editor = make_editor(field)
            editor.owner = owner
            editor.set_choices(model)
            editor.commit.connect(lambda value, f=field: on_commit(f, value))
            layout.addRow(field.label, editor.widget)
            self.editors[field.name] = editor

    @property
    def reference_kinds(self) -> frozenset[ElementKind]:
        """Kinds of element whose additions, removals and renames change what this form offers."""
        return frozenset(kind for editor in self.editors.values() for kind in editor.field.targets)

    def set_choices(self, model: Model) -> None:
        for editor in self.editors.values():
            if editor.field.targets:
                editor.set_choices(model)

    def show_values(self, value_of: Callable[[str], Any]) -> None:
        for name, editor in self.editors.items():
            editor.show_value(value_of(name))
