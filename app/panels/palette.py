"""The palette on the left: what the next click on the canvas does (select, create a kind, connect)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.canvas.tool_state import Mode, ToolState
from app.panels.icons import connect_icon, kind_icon, select_icon
from model.vocabulary import ElementKind, FlowStyle

FLOW_STYLES = (FlowStyle.QUERY, FlowStyle.COMMAND, FlowStyle.EVENT)


class Palette(QWidget):
    """One exclusive button per mode and per element kind, and the style new flows get."""

    def __init__(self, tool_state: ToolState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tool_state = tool_state
        self.setObjectName("palette")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(1)
        layout.addWidget(_heading("Tools"))
        self.select_button = self._button("Select", "Select, move and resize (Esc)", layout)
        self.connect_button = self._button("Connect", "Drag from one element to another to relate them", layout)
        self.select_button.setIcon(select_icon())
        self.connect_button.setIcon(connect_icon())
        self.select_button.clicked.connect(lambda: self._set_mode(Mode.SELECT))
        self.connect_button.clicked.connect(lambda: self._set_mode(Mode.CONNECT))
        layout.addWidget(_heading("Flow style"))
        self.flow_style = QComboBox()
        self.flow_style.setAccessibleName("Style of new flows")
        self.flow_style.setToolTip("The interaction style a new flow gets when you connect two participants")
        for style in FLOW_STYLES:
            self.flow_style.addItem(str(style), style)
        self.flow_style.currentIndexChanged.connect(self._flow_style_chosen)
        layout.addWidget(self.flow_style)
        layout.addWidget(_heading("Elements"))
        self.kind_buttons: dict[ElementKind, QToolButton] = {}
        for kind in ElementKind:
            button = self._button(str(kind), f"Create a {kind}: click or drag on the canvas", layout)
            button.setIcon(kind_icon(kind))
            button.clicked.connect(lambda _=False, k=kind: self._create(k))
            button.installEventFilter(self)
            self.kind_buttons[kind] = button
        layout.addStretch(1)
        tool_state.changed.connect(self._follow)
        self._follow()

    def _button(self, text: str, tip: str, layout: QVBoxLayout) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(text)
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setIconSize(QSize(16, 16))
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.group.addButton(button)
        layout.addWidget(button)
        return button

    def _create(self, kind: ElementKind) -> None:
        self.tool_state.kind = kind
        self.tool_state.mode = Mode.CREATE

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A double click on a kind keeps its create tool for many boxes (sticky), until another tool."""
        if event.type() == QEvent.Type.MouseButtonDblClick and watched in self.kind_buttons.values():
            kind = next(k for k, b in self.kind_buttons.items() if b is watched)
            self._create(kind)
            self.tool_state.sticky = True
            return True
        return super().eventFilter(watched, event)

    def _set_mode(self, mode: Mode) -> None:
        self.tool_state.mode = mode

    def _flow_style_chosen(self, index: int) -> None:
        self.tool_state.flow_style = FLOW_STYLES[index]

    def _follow(self) -> None:
        """Show the tool state as it is, whoever changed it (the palette, a shortcut, the canvas)."""
        state = self.tool_state
        checked: QAbstractButton = {
            Mode.SELECT: self.select_button,
            Mode.CONNECT: self.connect_button,
            Mode.CREATE: self.kind_buttons[state.kind],
        }[state.mode]
        checked.setChecked(True)
        if state.flow_style in FLOW_STYLES:
            self.flow_style.blockSignals(True)
            self.flow_style.setCurrentIndex(FLOW_STYLES.index(state.flow_style))
            self.flow_style.blockSignals(False)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold; padding-top: 4px;")
    return label
