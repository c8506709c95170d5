"""The violation counts as coloured pills: in the status bar, and large in the presentation overlay."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.document.controller import COUNT_KEYS
from model.palette import SEVERITY_COLOURS, WAIVED_COLOUR

KEYS = COUNT_KEYS
_NOUNS = {"error": ("error", "errors"), "warning": ("warning", "warnings"), "info": ("info", "infos"),
          "waived": ("waived", "waived")}
_COLOURS = {**{str(s): c for s, c in SEVERITY_COLOURS.items()}, "waived": WAIVED_COLOUR}
_TEXT_ON = {"warning": "#000000"}  # amber needs dark text; red, blue and grey take white


def describe(counts: dict[str, int]) -> str:
    """``3 errors, 1 warning, 0 infos, 2 waived`` — the same words the pills show."""
    return ", ".join(f"{counts.get(k, 0)} {_NOUNS[k][counts.get(k, 0) != 1]}" for k in KEYS)


class CountPills(QWidget):
    """Four coloured labels; ``scale`` makes them readable from across a room in presentation mode."""

    def __init__(self, scale: float = 1.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = scale
        self.labels: dict[str, QLabel] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(int(6 * scale))
        for key in KEYS:
            label = QLabel()
            label.setObjectName(f"count-{key}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet(self._style(key))
            self.labels[key] = label
            layout.addWidget(label)
        self.set_counts(dict.fromkeys(KEYS, 0))

    def _style(self, key: str) -> str:
        pad_v, pad_h = int(1 * self.scale) + 1, int(6 * self.scale)
        size = f"font-size: {int(10 * self.scale)}pt;" if self.scale != 1.0 else ""
        return (f"QLabel {{ background: {_COLOURS[key]}; color: {_TEXT_ON.get(key, '#ffffff')};"
                f" border-radius: {int(4 * self.scale)}px; padding: {pad_v}px {pad_h}px; font-weight: bold; {size} }}")

    def set_counts(self, counts: dict[str, int]) -> None:
        for key, label in self.labels.items():
            value = counts.get(key, 0)
            label.setText(f"{value} {_NOUNS[key][value != 1]}")
        self.setToolTip("Open violations: " + describe(counts))

    def text(self) -> str:
        return "  ".join(label.text() for label in self.labels.values())
