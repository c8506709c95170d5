"""Scene items: presentations of model elements and relations. They draw; they never write the model."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.canvas import style
from model.elements import ElementBase, Fact, Note, System
from model.relations import Flow, RelationBase
from model.vocabulary import ElementKind, FlowStyle, Severity

BADGE_RADIUS = 11.0
#: Below this scale words are too small to read: only boxes, lines and badges are drawn.
READABLE_SCALE = 0.35
#: The widest a line's label is drawn in the canvas font (longer ones end in an ellipsis); a larger font
#: (presentation) widens it in proportion, so that labels keep the same words.
LABEL_WIDTH = 172.0
#: Room around a line's path for its pen, arrowhead and badge.
_LINE_MARGIN = 8.0


def readable(painter: QPainter) -> bool:
    """Whether words drawn at the painter's zoom can be read (else only boxes, lines and badges are drawn)."""
    return QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform()) >= READABLE_SCALE


def _canvas_font(item: QGraphicsItem, painter: QPainter) -> None:
    """Words in the scene's font (the canvas font, not the UI's): Qt paints an item's cached pixmap
    with the application font, and a printer with whatever font the painter was given."""
    scene = item.scene()
    if scene is not None:
        painter.setFont(style.device_font(scene.font(), painter))


def _painted_once(item: QGraphicsItem) -> None:
    """Paint the item into a pixmap once and reuse it until it changes (``update()``), its size or the zoom.

    A repaint of the canvas then costs a copy per visible item instead of its Python ``paint``: the
    edit of one element repaints one item, not every item in the exposed area. Qt would copy the
    pixmaps onto a printer too: printing turns the cache off while it paints (``printing.scene_paint``).
    """
    item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


class ElementItem(QGraphicsRectItem):
    """A box for one element in one view: kind colours, name, details, and a violation badge.

    The item's rect is the area it paints (the box with room for the badge), so that Qt answers
    ``boundingRect`` in C++: the scene asks it of every item on every repaint.
    """

    def __init__(self, element: ElementBase, bounds: QRectF) -> None:
        super().__init__()
        self.element_id = element.id
        self.element = element
        self._size = bounds.size()
        self.details: list[str] = []
        self.badge: tuple[Severity | None, int] = (None, 0)
        self.setPen(Qt.PenStyle.NoPen)
        self._fit_rect()
        self.setPos(bounds.topLeft())
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsScenePositionChanges
        )
        self.setAcceptHoverEvents(True)
        self.setZValue(-1 if element.kind is ElementKind.CONTEXT else 1)
        self._update_tooltip()
        _painted_once(self)

    # --- state pushed by the scene

    def set_element(self, element: ElementBase) -> None:
        self.element = element
        self._update_tooltip()
        self.update()

    def set_bounds(self, bounds: QRectF) -> None:
        scene_pos = bounds.topLeft()
        parent = self.parentItem()
        self.setPos(parent.mapFromScene(scene_pos) if parent else scene_pos)
        if bounds.size() != self._size:
            self._size = bounds.size()
            self._fit_rect()

    def set_details(self, details: list[str]) -> None:
        if details != self.details:
            self.details = details
            self.update()

    def set_badge(self, severity: Severity | None, count: int) -> None:
        if (severity, count) != self.badge:
            self.badge = (severity, count)
            self.update()

    def scene_bounds(self) -> QRectF:
        return QRectF(self.scenePos(), self._size)

    def _update_tooltip(self) -> None:
        element = self.element
        text = f"{element.kind}: {element.name or element.id}"
        if element.description:
            text += f"\n{element.description}"
        self.setToolTip(text)

    # --- painting

    def _fit_rect(self) -> None:
        margin = BADGE_RADIUS + 2
        self.setRect(QRectF(-2, -margin, self._size.width() + margin + 2, self._size.height() + margin + 2))

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(0, 0, self._size.width(), self._size.height()))
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        kind = self.element.kind
        rect = QRectF(0, 0, self._size.width(), self._size.height())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(style.line(kind), 3.0 if self.isSelected() else 1.6)
        if isinstance(self.element, System) and self.element.legacy:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(style.fill(kind)))
        radius = 4.0 if kind in (ElementKind.FACT, ElementKind.NOTE) else 10.0
        painter.drawRoundedRect(rect, radius, radius)
        words = readable(painter)
        if words or self.badge[1]:
            _canvas_font(self, painter)
        if words:
            self._paint_text(painter, rect)
        if self.badge[1]:
            self._paint_badge(painter, rect)

    def _paint_text(self, painter: QPainter, rect: QRectF) -> None:
        element = self.element
        font = QFont(painter.font())
        caption = QFont(font)
        caption.setPointSizeF(max(font.pointSizeF() * 0.8, 6.0))
        painter.setFont(caption)
        painter.setPen(style.line(element.kind))
        tag = f"«{element.kind}»" + ("  legacy" if isinstance(element, System) and element.legacy else "")
        painter.drawText(rect.adjusted(8, 4, -8, 0), Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft, tag)
        painter.setPen(QColor("#1b1b1b"))
        name = QFont(font)
        name.setBold(True)
        painter.setFont(name)
        text = element.text if isinstance(element, Note) and element.text else (element.name or element.id)
        align = Qt.AlignmentFlag.AlignHCenter | (
            Qt.AlignmentFlag.AlignTop if element.kind is ElementKind.CONTEXT else Qt.AlignmentFlag.AlignVCenter
        )
        body = rect.adjusted(8, 22, -8, -6 - 14 * len(self.details))
        painter.drawText(body, int(align) | _wrap(text, QFontMetricsF(name), body.width()), text)
        if self.details:
            painter.setFont(caption)
            painter.setPen(QColor("#37474f"))
            detail_rect = QRectF(rect.left() + 8, rect.bottom() - 6 - 14 * len(self.details), rect.width() - 16,
                                 14 * len(self.details))
            painter.drawText(detail_rect, Qt.AlignmentFlag.AlignHCenter, "\n".join(self.details))

    def _paint_badge(self, painter: QPainter, rect: QRectF) -> None:
        severity, count = self.badge
        centre = QPointF(rect.right(), rect.top())
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(style.severity_colour(severity))
        painter.drawEllipse(centre, BADGE_RADIUS, BADGE_RADIUS)
        font = QFont(painter.font())
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
        painter.setFont(font)
        box = QRectF(centre.x() - BADGE_RADIUS, centre.y() - BADGE_RADIUS, 2 * BADGE_RADIUS, 2 * BADGE_RADIUS)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(count) if count < 100 else "99+")

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemScenePositionHasChanged:
            scene = self.scene()
            if scene is not None and hasattr(scene, "element_moved"):
                scene.element_moved(self)
        return super().itemChange(change, value)


class RelationItem(QGraphicsPathItem):
    """A line for one relation in one view, from its source box to its target box through its bend points."""

    def __init__(self, relation: RelationBase, bends: list[QPointF], ink: style.Ink = style.PAPER) -> None:
        super().__init__()
        self.ink = ink
        self.relation_id = relation.id
        self.relation = relation
        self.bends = bends
        self.label = ""
        #: Where the label is drawn, in scene coordinates (the scene places it, ``labels.place``).
        self.label_rect: QRectF | None = None
        #: The label as drawn (elided to the plate, ``fit_label``).
        self.shown_label = ""
        self.badge: tuple[Severity | None, int] = (None, 0)
        self._ends: tuple[QRectF, QRectF] | None = None
        self._line = QPainterPath()
        self._head = QPolygonF()
        self.line_pen = QPen()
        # No pen of the item's own: Qt would then take the bounding rect from ``shape()`` (the line alone,
        # in Python) instead of the painted area in ``path()``.
        self.setPen(Qt.PenStyle.NoPen)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(0.5)
        self.set_relation(relation)
        _painted_once(self)

    def set_relation(self, relation: RelationBase) -> None:
        self.relation = relation
        self.line_pen = style.relation_pen(relation, self.ink)
        self.setToolTip(_relation_tooltip(relation))
        self.update()

    def set_ink(self, ink: style.Ink) -> None:
        if ink != self.ink:
            self.ink = ink
            self.set_relation(self.relation)

    def set_label(self, label: str) -> None:
        if label != self.label:
            self.label = label
            self.update()

    def fit_label(self, font: QFont) -> QSizeF:
        """The plate the label needs in ``font``: the text (elided past ``LABEL_WIDTH``) and a margin.

        The text is elided here, once, and drawn as it is: metrics taken while painting at a zoom
        (hinted glyphs) would elide a label that fits.
        """
        metrics = QFontMetricsF(font)
        widest = LABEL_WIDTH * font.pointSizeF() / style.CANVAS_POINT_SIZE - 8
        self.shown_label = metrics.elidedText(self.label, Qt.TextElideMode.ElideRight, widest)
        return QSizeF(math.ceil(metrics.horizontalAdvance(self.shown_label)) + 8, math.ceil(metrics.height()))

    def set_label_rect(self, rect: QRectF | None) -> None:
        if rect != self.label_rect:
            self.label_rect = rect
            self._fit_area()
            self.update()

    def set_badge(self, severity: Severity | None, count: int) -> None:
        if (severity, count) != self.badge:
            self.badge = (severity, count)
            self.update()

    def set_bends(self, bends: list[QPointF]) -> None:
        self.bends = bends
        if self._ends:
            self.route(*self._ends)

    def route(self, source: QRectF, target: QRectF) -> None:
        """Recompute the path between the two boxes (called when either end moves)."""
        self._ends = (source, target)
        bends = list(self.bends)
        # A bend on or inside an end box is where the line leaves it (routes drawn to the box's edge).
        start = bends.pop(0) if bends and source.contains(bends[0]) else None
        end = bends.pop() if bends and target.contains(bends[-1]) else None
        points = [start or source.center(), *bends, end or target.center()]
        if start is None:
            points[0] = _clip(source, points[1], points[0])
        if end is None:
            points[-1] = _clip(target, points[-2], points[-1])
        line = QPainterPath(points[0])
        for point in points[1:]:
            line.lineTo(point)
        self._line = line
        self._head = _arrowhead(points[-2], points[-1])
        self._fit_area()

    def _fit_area(self) -> None:
        """The item's own path is only the area it paints (line, head, badge, label), so that Qt answers
        boundingRect in C++; the line itself is drawn from ``_line``."""
        area = self._line.boundingRect().united(self._head.boundingRect())
        area.adjust(-_LINE_MARGIN, -_LINE_MARGIN, _LINE_MARGIN, _LINE_MARGIN)
        if self.label_rect is not None:
            area = area.united(self.label_rect.adjusted(-2, -2, 2, 2))
        path = QPainterPath()
        path.addRect(area)
        self.setPath(path)

    def line_path(self) -> QPainterPath:
        """The line as drawn, from the edge of its source box to the edge of its target box."""
        return self._line

    def midpoint(self) -> QPointF:
        return self._line.pointAtPercent(0.5)

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        return stroker.createStroke(self._line)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.line_pen)
        if self.isSelected():
            pen.setWidthF(pen.widthF() + 2)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._line)
        painter.setPen(QPen(pen.color(), 1))
        painter.setBrush(pen.color())
        painter.drawPolygon(self._head)
        middle = self.midpoint()
        if self.shown_label and self.label_rect is not None and readable(painter):
            _canvas_font(self, painter)
            box = self.label_rect
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.ink.plate))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(QColor(self.ink.label))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextDontClip), self.shown_label)
        if self.badge[1]:
            painter.setPen(QPen(QColor("white"), 1.2))
            painter.setBrush(style.severity_colour(self.badge[0]))
            painter.drawEllipse(middle, 6.0, 6.0)


def _wrap(text: str, metrics: QFontMetricsF, width: float) -> int:
    """Wrap at spaces; a word wider than the box (``billing.invoices.v1``) wraps where it must, not clipped."""
    if any(metrics.horizontalAdvance(word) > width for word in text.split()):
        return int(Qt.TextFlag.TextWrapAnywhere)
    return int(Qt.TextFlag.TextWordWrap)


def _relation_tooltip(relation: RelationBase) -> str:
    if isinstance(relation, Flow):
        text = f"{relation.style} flow" if relation.style is not FlowStyle.UNDECLARED else "flow of undeclared style"
        if relation.style is FlowStyle.COMMAND:
            text = ("asynchronous " if relation.synchronous is False else "synchronous ") + text
        return text
    return str(relation.kind)


def _clip(rect: QRectF, outside: QPointF, inside: QPointF) -> QPointF:
    """Where the segment from ``outside`` to ``inside`` (the box's centre) meets the box's border."""
    if rect.contains(outside):
        return inside
    line = QLineF(outside, inside)
    edges = (
        QLineF(rect.topLeft(), rect.topRight()), QLineF(rect.topRight(), rect.bottomRight()),
        QLineF(rect.bottomRight(), rect.bottomLeft()), QLineF(rect.bottomLeft(), rect.topLeft()),
    )
    for edge in edges:
        kind, point = line.intersects(edge)
        if kind == QLineF.IntersectionType.BoundedIntersection:
            return point
    return inside


def _arrowhead(start: QPointF, tip: QPointF, size: float = 11.0) -> QPolygonF:
    angle = math.atan2(tip.y() - start.y(), tip.x() - start.x())
    left = QPointF(tip.x() - size * math.cos(angle - 0.4), tip.y() - size * math.sin(angle - 0.4))
    right = QPointF(tip.x() - size * math.cos(angle + 0.4), tip.y() - size * math.sin(angle + 0.4))
    return QPolygonF([tip, left, right])


def fact_details(element: ElementBase, owners: list[str]) -> list[str]:
    """The line under a fact's name that marks its owner(s)."""
    if not isinstance(element, Fact):
        return []
    if not owners:
        return ["no owner"]
    return ["owner: " + ", ".join(owners)]
