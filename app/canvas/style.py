"""How the canvas draws each kind: colours from the shared palette, pens per relation kind and flow style."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from model.palette import KIND_COLOURS, SEVERITY_COLOURS, WAIVED_COLOUR
from model.relations import Flow, RelationBase
from model.vocabulary import ElementKind, FlowStyle, RelationKind, Severity

GRID = 20.0
#: The canvas keeps its own text size (the boxes are drawn for it), whatever the theme's UI font.
CANVAS_POINT_SIZE = 9.5
#: Scene units are screen pixels: 96 to the inch at 100 %.
SCENE_DPI = 96.0
DEFAULT_SIZE = {ElementKind.CONTEXT: (240.0, 160.0), ElementKind.NOTE: (160.0, 100.0)}
FALLBACK_SIZE = (160.0, 80.0)


def size_of(kind: ElementKind) -> tuple[float, float]:
    """A new box's width and height."""
    return DEFAULT_SIZE.get(kind, FALLBACK_SIZE)


@dataclass(frozen=True)
class Ink:
    """What is drawn straight on the canvas: flows, their arrowheads and labels, ownership lines.

    Boxes keep the palette's light fills and dark text on every background (a context looks the
    same on every screen); the lines between them must stand out against the canvas itself.
    """

    flow: str
    label: str
    plate: str  # behind a label, so that it reads over lines and boxes (#AARRGGBB)
    dark: bool


PAPER = Ink(flow="#37474f", label="#263238", plate="#dcffffff", dark=False)
NIGHT = Ink(flow="#d5dde2", label="#eef2f4", plate="#dc262b31", dark=True)


def canvas_font(scale: float = 1.0) -> QFont:
    """The font of the words on the canvas (boxes and labels); presentations scale it up."""
    font = QFont()
    font.setPointSizeF(CANVAS_POINT_SIZE * scale)
    return font


def device_font(font: QFont, painter: QPainter) -> QFont:
    """The scene's ``font`` sized for the painter's device: words stay as big against the boxes on a
    600 dpi printer or in an SVG as on the screen (point sizes grow with a device's dots per inch)."""
    sized = QFont(font)
    sized.setPointSizeF(font.pointSizeF() * SCENE_DPI / max(1, painter.device().logicalDpiY()))
    return sized


def ink_for(background: QColor) -> Ink:
    """Light lines on a dark canvas, dark lines on a light one (and on paper)."""
    return NIGHT if background.lightnessF() < 0.5 else PAPER


def fill(kind: ElementKind) -> QColor:
    return QColor(KIND_COLOURS[kind].fill)


def line(kind: ElementKind) -> QColor:
    return QColor(KIND_COLOURS[kind].line)


def severity_colour(severity: Severity | None, waived: bool = False) -> QColor:
    if waived or severity is None:
        return QColor(WAIVED_COLOUR)
    return QColor(SEVERITY_COLOURS[severity])


def relation_pen(relation: RelationBase, ink: Ink = PAPER) -> QPen:
    """Query solid, command dashed, event dotted, undeclared dash-dot grey; structural relations thin grey."""
    fact = KIND_COLOURS[ElementKind.FACT]
    pen = QPen(QColor(ink.flow), 1.6)
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
    elif relation.kind in (RelationKind.OWNS, RelationKind.WRITES, RelationKind.REPLICATES):
        pen.setColor(QColor(fact.fill if ink.dark else fact.line))
        if relation.kind is RelationKind.REPLICATES:
            pen.setStyle(Qt.PenStyle.DashLine)
    else:
        pen.setColor(QColor("#90a4ae"))
        pen.setWidthF(1.2)
    return pen
