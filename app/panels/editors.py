"""One small editor per kind of attribute value. Each shows a value without emitting anything and
emits ``commit(value)`` when the user has finished choosing one; the property editor decides."""

from __future__ import annotations

import datetime
from typing import Any

from PySide6.QtCore import QDate, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.panels.field_types import FieldType
from model.duration import validate_duration
from model.store import Model

UNSET = "(unset)"
INVALID_STYLE = "QLineEdit { border: 1px solid #d32f2f; }"


class FieldEditor(QObject):
    """The widget for one attribute; ``show_value`` is silent, ``commit`` means the user chose."""

    commit = Signal(object)

    def __init__(self, field: FieldType, widget: QWidget) -> None:
        super().__init__(widget)
        self.field = field
        self.widget = widget
        self.owner: str | None = None  # the id of the item edited, which a reference may not name
        widget.setObjectName(f"field-{field.name}")
        widget.setAccessibleName(field.label)

    def show_value(self, value: Any) -> None:
        raise NotImplementedError

    def set_choices(self, model: Model) -> None:
        """Refresh what can be chosen (reference editors list the model's elements)."""

    @property
    def problem(self) -> str | None:
        """Why what the user typed cannot be committed yet (None when it can)."""
        return None


class ReadOnlyEditor(FieldEditor):
    """The id and the kind, and any value type the form has no widget for."""

    def __init__(self, field: FieldType) -> None:
        line = QLineEdit()
        super().__init__(field, line)
        self.line = line
        self.line.setReadOnly(True)

    def show_value(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))


class LineEditor(FieldEditor):
    """A one-line text; empty means unset for an optional attribute."""

    def __init__(self, field: FieldType) -> None:
        line = QLineEdit()
        super().__init__(field, line)
        self.line = line
        self.line.editingFinished.connect(self._finished)

    def show_value(self, value: Any) -> None:
        with QSignalBlocker(self.line):
            self.line.setText(self.format(value))
            self.line.setCursorPosition(0)  # a long title shows its beginning

    def format(self, value: Any) -> str:
        return "" if value is None else str(value)

    def parse(self, text: str) -> Any:
        return None if self.field.optional and not text.strip() else text

    def _finished(self) -> None:
        if self.problem is None:
            self.commit.emit(self.parse(self.line.text()))


class ListEditor(LineEditor):
    """A list of short texts (tags, options, drivers) as one comma-separated line."""

    def __init__(self, field: FieldType) -> None:
        super().__init__(field)
        self.line.setPlaceholderText("comma-separated")

    def format(self, value: Any) -> str:
        return ", ".join(value or ())

    def parse(self, text: str) -> Any:
        return [part.strip() for part in text.split(",") if part.strip()]


class DurationEditor(LineEditor):
    """An ISO 8601 duration, checked as it is typed: red while invalid, committed only when valid."""

    HINT = "An ISO 8601 duration, for example P7D (seven days) or PT15M (fifteen minutes)"

    def __init__(self, field: FieldType) -> None:
        super().__init__(field)
        self.line.setPlaceholderText("e.g. P7D")
        self.line.setToolTip(self.HINT)
        self._problem: str | None = None
        self.line.textChanged.connect(self._check)

    @property
    def problem(self) -> str | None:
        return self._problem

    def show_value(self, value: Any) -> None:
        super().show_value(value)
        self._check(self.line.text())

    def _check(self, text: str) -> None:
        self._problem = None
        if text.strip() or not self.field.optional:
            try:
                validate_duration(text.strip())
            except ValueError as error:
                self._problem = str(error)
        self.line.setStyleSheet(INVALID_STYLE if self._problem else "")
        self.line.setToolTip(self._problem or self.HINT)

    def parse(self, text: str) -> Any:
        return text.strip() or None


class _PlainText(QPlainTextEdit):
    """A multi-line text that reports when editing is finished: on leaving it, or Ctrl+Enter."""

    finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.finish()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish()
            return
        super().keyPressEvent(event)

    def finish(self) -> None:
        if self.document().isModified():
            self.document().setModified(False)
            self.finished.emit()


class TextEditor(FieldEditor):
    """Prose (description, statement, problem, ...): several lines, committed when done."""

    def __init__(self, field: FieldType) -> None:
        text = _PlainText()
        super().__init__(field, text)
        self.text = text
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(72)
        self.text.finished.connect(lambda: self.commit.emit(self.text.toPlainText()))

    def show_value(self, value: Any) -> None:
        if self.text.toPlainText() != (value or ""):
            self.text.setPlainText(value or "")
        self.text.document().setModified(False)


class ChoiceEditor(FieldEditor):
    """A combo box of (label, value) choices; enums, optional booleans and references use it."""

    def __init__(self, field: FieldType, choices: list[tuple[str, Any]] | None = None) -> None:
        combo = QComboBox()
        super().__init__(field, combo)
        self.combo = combo
        self.values: list[Any] = []
        self._value: Any = None
        self._shown = False
        if choices is not None:
            self.set_items(choices)
        self.combo.currentIndexChanged.connect(self._chosen)

    def set_items(self, choices: list[tuple[str, Any]]) -> None:
        with QSignalBlocker(self.combo):
            self.combo.clear()
            self.values = [value for _, value in choices]
            self.combo.addItems([label for label, _ in choices])

    def show_value(self, value: Any) -> None:
        self._value, self._shown = value, True
        if value not in self.values:
            self.set_items([*zip(self.labels(), self.values, strict=True), (f"{value} (not found)", value)])
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(self.values.index(value))

    def labels(self) -> list[str]:
        return [self.combo.itemText(i) for i in range(self.combo.count())]

    def _chosen(self, index: int) -> None:
        if 0 <= index < len(self.values):
            self.commit.emit(self.values[index])


def enum_choices(field: FieldType) -> list[tuple[str, Any]]:
    choices: list[tuple[str, Any]] = [(str(member), member) for member in field.base]
    return [(UNSET, None), *choices] if field.optional else choices


def tri_state_choices(field: FieldType) -> list[tuple[str, Any]]:
    return [(UNSET, None), ("yes", True), ("no", False)]


class CheckEditor(FieldEditor):
    def __init__(self, field: FieldType) -> None:
        check = QCheckBox()
        super().__init__(field, check)
        self.check = check
        self.check.toggled.connect(self.commit.emit)

    def show_value(self, value: Any) -> None:
        with QSignalBlocker(self.check):
            self.check.setChecked(bool(value))


class IntEditor(FieldEditor):
    """A whole number; for an optional one the value below the minimum reads "(unset)"."""

    def __init__(self, field: FieldType) -> None:
        spin = QSpinBox()
        super().__init__(field, spin)
        self.spin = spin
        low = field.minimum if field.minimum is not None else 0
        self.unset = low - 1 if field.optional else None
        self.spin.setRange(low - 1 if field.optional else low, 2**31 - 1)
        if field.optional:
            self.spin.setSpecialValueText(UNSET)
        self.spin.setKeyboardTracking(False)  # typed digits commit once, on Enter or on leaving
        self.spin.valueChanged.connect(lambda v: self.commit.emit(None if v == self.unset else v))

    def show_value(self, value: Any) -> None:
        with QSignalBlocker(self.spin):
            self.spin.setValue(self.spin.minimum() if value is None else int(value))


class DateEditor(FieldEditor):
    """A date, with a box to tick for an optional one that may stay unset."""

    def __init__(self, field: FieldType) -> None:
        box = QWidget()
        super().__init__(field, box)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.set_box = QCheckBox("set")
        self.set_box.setVisible(field.optional)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setKeyboardTracking(False)
        layout.addWidget(self.set_box)
        layout.addWidget(self.date, 1)
        self.set_box.toggled.connect(self._changed)
        self.date.dateChanged.connect(self._changed)

    def show_value(self, value: Any) -> None:
        with QSignalBlocker(self.set_box), QSignalBlocker(self.date):
            self.set_box.setChecked(value is not None)
            self.date.setEnabled(value is not None or not self.field.optional)
            shown = value if isinstance(value, datetime.date) else datetime.date.today()
            self.date.setDate(QDate(shown.year, shown.month, shown.day))

    def _changed(self) -> None:
        if self.field.optional and not self.set_box.isChecked():
            self.commit.emit(None)
            return
        qdate = self.date.date()
        self.commit.emit(datetime.date(qdate.year(), qdate.month(), qdate.day()))


class LabelEditor(FieldEditor):
    """Plain text that cannot be edited (the kind)."""

    def __init__(self, field: FieldType) -> None:
        label = QLabel()
        super().__init__(field, label)
        self.label = label
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_value(self, value: Any) -> None:
        self.label.setText(str(value))
