"""How the canvas draws each kind: colours from the shared palette, pens per relation kind and flow style."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen

from model.palette import KIND_COLOURS, SEVERITY_COLOURS, WAIVED_COLOUR
from model.relations import Flow, RelationBase
from model.vocabulary import ElementKind, FlowStyle, RelationKind, Severity

GRID = 20.0
DEFAULT_SIZE = {ElementKind.CONTEXT: (240.0, 160.0), ElementKind.NOTE: (160.0, 100.0)}
FALLBACK_SIZE = (160.0, 80.0)


def fill(kind: ElementKind) -> QColor:
    return QColor(KIND_COLOURS[kind].fill)


def line(kind: ElementKind) -> QColor:
    return QColor(KIND_COLOURS[kind].line)


def severity_colour(severity: Severity | None, waived: bool = False) -> QColor:
    if waived or severity is None:
        return QColor(WAIVED_COLOUR)
    return QColor(SEVERITY_COLOURS[severity])


def relation_pen(relation: RelationBase) -> QPen:
    """Query solid, command dashed, event dotted, undeclared dash-dot grey; structural relations thin grey."""
    pen = QPen(QColor("#37474f"), 1.6)
    pen.setCosmetic(False)
    if isinstance(relation, Flow):
        pen.setWidthF(2.0)
        pen.setStyle({
            FlowStyle.QUERY: Qt.PenStyle.SolidLine,
            FlowStyle.COMMAND: Qt.PenStyle.DashLine,
            FlowStyle.EVENT: Qt.PenStyle.DotLine,
            FlowStyle.UNDECLARED: Qt.PenStyle.DashDotLine,
        }[relation.style])
        if relation.style is FlowStyle.UNDECLARED:
            pen.setColor(QColor("#8a8a8a"))
    elif relation.kind in (RelationKind.OWNS, RelationKind.WRITES):
        pen.setColor(QColor(KIND_COLOURS[ElementKind.FACT].line))
    elif relation.kind is RelationKind.REPLICATES:
        pen.setColor(QColor(KIND_COLOURS[ElementKind.FACT].line))
        pen.setStyle(Qt.PenStyle.DashLine)
    else:
        pen.setColor(QColor("#90a4ae"))
        pen.setWidthF(1.2)
    return pen
