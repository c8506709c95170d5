"""The property editor: every attribute of the selected element or relation (or the model's own
settings when nothing is selected), each committed change one undo step."""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from app.document.controller import Document
from app.document.selection import Selection
from app.panels.editors import FieldEditor
from app.panels.field_types import FieldType, fields_of
from app.panels.form import Committer, Form
from app.panels.labels import element_label, relation_label
from model.changes import Committed, ElementChange, RelationChange, SettingsChange
from model.elements import ElementBase
from model.errors import ModelError
from model.relations import Flow, RelationBase
from model.settings import Settings
from model.vocabulary import FlowStyle

_PREFIX = re.compile(r"^cannot change the \w+: \$[^:]*: ")
SETTINGS_FIELDS = ("name", "description", "language")
PROBLEM_STYLE = "color: #d32f2f;"


class Shown(Enum):
    SETTINGS = "settings"
    ITEM = "item"
    MANY = "many"


class PropertyEditor(QWidget):
    """Shows the single selected item's attributes; several selected: their count; none: the model."""

    def __init__(self, document: Document, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.selection = selection
        self.shown = Shown.SETTINGS
        self.subject: str | None = None
        self.form: Form | None = None
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-weight: bold;")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setVisible(False)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.problem)
        layout.addWidget(self.area, 1)
        selection.changed.connect(self.show_selection)
        document.committed.connect(self._on_commit)
        self.show_selection()

    # ------------------------------------------------------------------ access

    @property
    def editors(self) -> dict[str, FieldEditor]:
        return self.form.editors if self.form is not None else {}

    def editor(self, name: str) -> FieldEditor:
        return self.editors[name]

    @property
    def problem_text(self) -> str:
        return self.problem.text() if self.problem.isVisibleTo(self) else ""

    # -------------------------------------------------------------- showing

    def show_selection(self) -> None:
        ids = self.selection.ids
        self._set_problem(None)
        if len(ids) > 1:
            self._show_many(len(ids))
        elif ids and self._item(ids[0]) is not None:
            self._show_item(ids[0])
        else:
            self._show_settings()

    def _show_many(self, count: int) -> None:
        self.shown, self.subject = Shown.MANY, None
        self.header.setText(f"{count} items selected")
        self._set_form(None)

    def _show_item(self, item_id: str) -> None:
        item = self._item(item_id)
        assert item is not None
        self.shown, self.subject = Shown.ITEM, item_id
        fields = fields_of(type(item), str(item.kind))
        self._set_form(Form(fields, self.document.model, self._committer(item_id), owner=item_id))
        self._refresh()

    def _show_settings(self) -> None:
        self.shown, self.subject = Shown.SETTINGS, None
        self._set_form(Form(fields_of(Settings, None, SETTINGS_FIELDS), self.document.model, self._committer(None)))
        self._refresh()

    def _set_form(self, form: Form | None) -> None:
        old = self.area.takeWidget()
        if old is not None:
            old.deleteLater()  # not deleted at once: its editor may still be inside a signal of its own
        self.form = form
        self.area.setWidget(form if form is not None else QWidget())

    def _refresh(self) -> None:
        """Show the current values (after an edit, an undo, or a refused change)."""
        current = self._current()
        if current is None or self.form is None:
            return
        self.header.setText(self._title(current))
        self.form.show_values(lambda name: getattr(current, name))

    def _title(self, current: ElementBase | RelationBase | Settings) -> str:
        if isinstance(current, ElementBase):
            return f"{current.kind}: {element_label(current)}"
        if isinstance(current, RelationBase):
            return f"{current.kind}: {relation_label(self.document.model, current)}"
        return f"Model: {current.name}"

    # -------------------------------------------------------------- editing

    def _committer(self, subject: str | None) -> Committer:
        """Commits go to the item the form was built for, even if the selection moved meanwhile."""
        return lambda field, value: self._commit(subject, field, value)

    def _commit(self, subject: str | None, field: FieldType, value: Any) -> None:
        current = self.document.model.settings if subject is None else self._item(subject)
        if current is None or getattr(current, field.name) == value:
            self._set_problem(None)
            return
        changes = {field.name: value, **_companions(current, field.name, value)}
        try:
            with self.document.edit(f"Change {field.label}") as model:
                if subject is None:
                    model.update_settings(**changes)
                elif isinstance(current, ElementBase):
                    model.update_element(subject, **changes)
                else:
                    model.update_relation(subject, **changes)
        except ModelError as error:
            self._set_problem(f"{field.label} not changed: {_reason(error)}")
            self._refresh()
        else:
            self._set_problem(None)

    def _set_problem(self, text: str | None) -> None:
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))

    # --------------------------------------------------------- model events

    def _on_commit(self, committed: Committed) -> None:
        if self.shown is Shown.SETTINGS:
            if any(isinstance(change, SettingsChange) for change in committed.changes):
                self._refresh()
            return
        if self.shown is Shown.MANY or self.form is None:
            return
        if self._current() is None:
            self.show_selection()
            return
        kinds = self.form.reference_kinds
        refresh = choices = False
        for change in committed.changes:
            if isinstance(change, ElementChange | RelationChange) and change.id == self.subject:
                refresh = True
            if isinstance(change, ElementChange) and kinds:
                old, new = change.old, change.new
                kind = (new or old).kind  # type: ignore[union-attr]
                renamed = old is None or new is None or old.name != new.name
                choices = choices or (kind in kinds and renamed)
        if choices:
            self.form.set_choices(self.document.model)
        if refresh or choices:
            self._refresh()

    # -------------------------------------------------------------- helpers

    def _item(self, item_id: str) -> ElementBase | RelationBase | None:
        model = self.document.model
        return model.find_element(item_id) or model.find_relation(item_id)

    def _current(self) -> ElementBase | RelationBase | Settings | None:
        if self.shown is Shown.SETTINGS:
            return self.document.model.settings
        if self.shown is Shown.ITEM and self.subject is not None:
            return self._item(self.subject)
        return None


def _reason(error: ModelError) -> str:
    """The model's reason without its prefix and JSON path, which the form already makes plain."""
    return _PREFIX.sub("", str(error), count=1)


def _companions(current: object, name: str, value: Any) -> dict[str, Any]:
    """Changes that must travel with this one: a flow's new style drops a synchrony it cannot have."""
    if isinstance(current, Flow) and name == "style" and current.synchronous is not None:
        fits = value is FlowStyle.COMMAND or (value is FlowStyle.QUERY) == current.synchronous
        fits = fits and value is not FlowStyle.UNDECLARED
        if not fits:
            return {"synchronous": None}
    return {}
