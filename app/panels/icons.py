"""Small icons drawn with QPainter: a rounded box in a kind's colours, a dot in a severity's colour."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF

from model.palette import KIND_COLOURS, SEVERITY_COLOURS, WAIVED_COLOUR
from model.vocabulary import ElementKind, Severity

SIZE = 16


@cache
def kind_icon(kind: ElementKind) -> QIcon:
    """The kind's box as drawn on the canvas, shrunk to an icon (cached: one pixmap per kind)."""
    colours = KIND_COLOURS[kind]
    pixmap = _blank()
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(colours.line), 1.5))
    painter.setBrush(QColor(colours.fill))
    painter.drawRoundedRect(QRectF(1.5, 3.5, SIZE - 3, SIZE - 7), 3, 3)
    painter.end()
    return QIcon(pixmap)


@cache
def severity_icon(severity: Severity | None) -> QIcon:
    """A filled dot in the severity's colour; None gives the grey of waived violations."""
    colour = QColor(SEVERITY_COLOURS[severity] if severity is not None else WAIVED_COLOUR)
    pixmap = _blank()
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(QRectF(3, 3, SIZE - 6, SIZE - 6))
    painter.end()
    return QIcon(pixmap)


@cache
def select_icon() -> QIcon:
    """A mouse pointer."""
    pixmap = _blank()
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#37474f"), 1.2))
    painter.setBrush(QColor("#ffffff"))
    points = [(4, 2), (4, 13), (7, 10), (9.5, 14.5), (11, 13.5), (8.8, 9.5), (12.5, 9.5)]
    painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    painter.end()
    return QIcon(pixmap)


@cache
def connect_icon() -> QIcon:
    """Two boxes joined by an arrow: draw a relation."""
    pixmap = _blank()
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#37474f"), 1.2))
    painter.drawRect(QRectF(1.5, 1.5, 5, 5))
    painter.drawRect(QRectF(9.5, 9.5, 5, 5))
    painter.drawLine(QPointF(6.5, 6.5), QPointF(9.5, 9.5))
    painter.end()
    return QIcon(pixmap)


def _blank() -> QPixmap:
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    return pixmap
