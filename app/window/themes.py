"""Light and dark themes for workshops: high contrast, a font large enough for a projector.

A theme is a stylesheet in ``resources/themes`` plus the canvas background; the kind colours of
the boxes stay the shared palette's in both, so a context looks the same on every screen, while
the lines and labels between them follow the background (``canvas.style.ink_for``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("light", "dark")
DEFAULT_THEME = "light"
THEMES_DIR = Path(__file__).resolve().parents[2] / "resources" / "themes"
#: Large enough to read from the back of a meeting room; the canvas scales with the zoom anyway.
BASE_POINT_SIZE = 11.0
_CANVAS = {"light": "#fafbfc", "dark": "#262b31"}
_WINDOW = {"light": ("#f3f4f6", "#111111"), "dark": ("#1e2227", "#f2f2f2")}


def canvas_background(theme: str) -> QColor:
    """Paper white in light; in dark a charcoal a shade lighter than the window, under light lines."""
    return QColor(_CANVAS.get(theme, _CANVAS[DEFAULT_THEME]))


def stylesheet(theme: str) -> str:
    return (THEMES_DIR / f"{_known(theme)}.qss").read_text(encoding="utf-8")


def apply_theme(app: QApplication, theme: str) -> str:
    """Style the whole application; returns the theme actually applied (an unknown name falls back)."""
    theme = _known(theme)
    window, text = _WINDOW[theme]
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    palette.setColor(QPalette.ColorRole.Text, QColor(text))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(text))
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(stylesheet(theme))
    return theme


def _known(theme: str) -> str:
    return theme if theme in THEMES else DEFAULT_THEME
