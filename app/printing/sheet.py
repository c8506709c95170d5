"""What every printed page carries: the title block (model, view, date, version, page n of m, tile)
and the legend of the kinds and flow styles the view shows. Drawn in device pixels, sized in mm/pt."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from app.canvas import style
from app.canvas.scene import DiagramScene
from app.version import steelframe_version
from model.engine import Violation
from model.relations import Flow
from model.vocabulary import ElementKind, FlowStyle

INK = QColor("#1b1b1b")
GREY = QColor("#757575")
FLOW_PENS = {
    FlowStyle.QUERY: Qt.PenStyle.SolidLine,
    FlowStyle.COMMAND: Qt.PenStyle.DashLine,
    FlowStyle.EVENT: Qt.PenStyle.DotLine,
    FlowStyle.UNDECLARED: Qt.PenStyle.DashDotLine,
}
TITLE_WIDTH_MM = 82.0
ROW_MM = 5.0  # one legend or title line
LEGEND_ENTRY_MM = 38.0


@dataclass(frozen=True)
class ViewFacts:
    """What the pages say about the view, read once from its scene."""

    model_name: str
    view_name: str
    date: str
    version: str
    kinds: tuple[ElementKind, ...]
    flow_styles: tuple[FlowStyle, ...]
    violations: tuple[Violation, ...] = field(default=())

    @classmethod
    def of(cls, scene: DiagramScene) -> ViewFacts:
        model = scene.document.model
        shown_kinds = {item.element.kind for item in scene.elements.values()}
        shown_styles = {item.relation.style for item in scene.relations.values()
                        if isinstance(item.relation, Flow) and item.isVisible()}
        ids = set(scene.elements) | set(scene.relations)
        violations = sorted((v for v in scene.document.engine.violations() if ids.intersection(v.elements)),
                            key=lambda v: (v.waived, -v.severity.rank, v.sort_key()))
        return cls(model_name=model.name, view_name=model.view(scene.view_id).name,
                   date=datetime.date.today().isoformat(), version=steelframe_version(),
                   kinds=tuple(k for k in ElementKind if k in shown_kinds),
                   flow_styles=tuple(s for s in FlowStyle if s in shown_styles),
                   violations=tuple(violations))


class Sheet:
    """Measures of one page in device pixels; ``mm`` and ``font`` turn paper sizes into them."""

    def __init__(self, painter: QPainter, page: QRectF) -> None:
        self.painter = painter
        self.page = page
        self.dpi = painter.device().logicalDpiY()

    def mm(self, millimetres: float) -> float:
        return millimetres * self.dpi / 25.4

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setPointSizeF(points)  # resolved at the device's resolution: points on paper
        font.setBold(bold)
        return font

    # ------------------------------------------------------------ the band

    def legend_rows(self, facts: ViewFacts) -> int:
        per_row = max(1, int((self.page.width() - self.mm(TITLE_WIDTH_MM + 4)) // self.mm(LEGEND_ENTRY_MM)))
        return max(1, math.ceil(len(facts.kinds) / per_row)) + (1 if facts.flow_styles else 0)

    def band_height(self, facts: ViewFacts) -> float:
        """The footer: title block on the right, legend on the left, whichever is taller."""
        return max(self.mm(ROW_MM * 5 + 2), self.mm(ROW_MM * (self.legend_rows(facts) + 1) + 2))

    def drawing_area(self, facts: ViewFacts) -> QRectF:
        return self.page.adjusted(0, 0, 0, -(self.band_height(facts) + self.mm(4)))

    def band(self, facts: ViewFacts, number: int, total: int, tile: str = "") -> None:
        height = self.band_height(facts)
        band = QRectF(self.page.left(), self.page.bottom() - height, self.page.width(), height)
        title = QRectF(band.right() - self.mm(TITLE_WIDTH_MM), band.top(), self.mm(TITLE_WIDTH_MM), height)
        self.title_block(title, facts, number, total, tile)
        self.legend(QRectF(band.left(), band.top(), title.left() - band.left() - self.mm(4), height), facts)

    def title_block(self, rect: QRectF, facts: ViewFacts, number: int, total: int, tile: str) -> None:
        painter = self.painter
        painter.save()
        painter.setPen(QPen(INK, self.mm(0.35)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        pad, row = self.mm(2), self.mm(ROW_MM)
        inner = rect.adjusted(pad, self.mm(1), -pad, 0)
        lines = [
            (facts.model_name, self.font(10, bold=True)),
            (f"View: {facts.view_name}", self.font(9)),
            (f"{facts.date}   ·   Steelframe {facts.version}", self.font(8)),
            (f"Page {number} of {total}" + (f"   ·   {tile}" if tile else ""), self.font(8, bold=True)),
        ]
        y = inner.top()
        for n, (text, font) in enumerate(lines):
            painter.setFont(font)
            painter.setPen(INK if n != 2 else GREY)
            box = QRectF(inner.left(), y, inner.width(), row * (1.3 if n == 0 else 1.0))
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(box.width())))
            y = box.bottom()
            if n == 0:
                painter.setPen(QPen(GREY, self.mm(0.2)))
                painter.drawLine(QLineF(rect.left(), y + self.mm(0.5), rect.right(), y + self.mm(0.5)))
                y += self.mm(1)
        painter.restore()

    def legend(self, rect: QRectF, facts: ViewFacts) -> None:
        painter = self.painter
        painter.save()
        row, entry = self.mm(ROW_MM), self.mm(LEGEND_ENTRY_MM)
        painter.setFont(self.font(8, bold=True))
        painter.setPen(INK)
        painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), row), Qt.AlignmentFlag.AlignVCenter, "Legend")
        painter.setFont(self.font(8))
        per_row = max(1, int(rect.width() // entry))
        swatch = QRectF(0, 0, self.mm(6), self.mm(3.6))
        for n, kind in enumerate(facts.kinds):
            x = rect.left() + (n % per_row) * entry
            y = rect.top() + row * (1 + n // per_row)
            box = swatch.translated(x, y + (row - swatch.height()) / 2)
            painter.setPen(QPen(style.line(kind), self.mm(0.3)))
            painter.setBrush(style.fill(kind))
            painter.drawRoundedRect(box, self.mm(0.8), self.mm(0.8))
            painter.setPen(INK)
            painter.drawText(QRectF(box.right() + self.mm(1.5), y, entry - box.width() - self.mm(2), row),
                             Qt.AlignmentFlag.AlignVCenter, kind.value)
        if facts.flow_styles:
            y = rect.top() + row * (1 + math.ceil(len(facts.kinds) / per_row))
            for n, flow_style in enumerate(facts.flow_styles):
                x = rect.left() + n * entry
                if x + entry > rect.right() + 1:
                    break
                pen = QPen(QColor("#8a8a8a") if flow_style is FlowStyle.UNDECLARED else QColor("#37474f"),
                           self.mm(0.45))
                pen.setStyle(FLOW_PENS[flow_style])
                painter.setPen(pen)
                middle = y + row / 2
                painter.drawLine(QLineF(x, middle, x + self.mm(9), middle))
                painter.setPen(INK)
                painter.drawText(QRectF(x + self.mm(10.5), y, entry - self.mm(11), row),
                                 Qt.AlignmentFlag.AlignVCenter, f"{flow_style.value} flow")
        painter.restore()

    # ------------------------------------------------------------ tile marks

    def crop_marks(self, area: QRectF) -> None:
        """L-shaped marks just outside each corner of the drawing: where to cut."""
        painter = self.painter
        painter.save()
        painter.setPen(QPen(INK, self.mm(0.2)))
        gap, length = self.mm(1), self.mm(4)
        for corner, dx, dy in ((area.topLeft(), -1, -1), (area.topRight(), 1, -1),
                               (area.bottomLeft(), -1, 1), (area.bottomRight(), 1, 1)):
            painter.drawLine(QLineF(corner + QPointF(dx * gap, 0), corner + QPointF(dx * (gap + length), 0)))
            painter.drawLine(QLineF(corner + QPointF(0, dy * gap), corner + QPointF(0, dy * (gap + length))))
        painter.restore()

    def overlap_marks(self, area: QRectF, overlap: float, *, left: bool, top: bool, right: bool, bottom: bool) -> None:
        """Dashed lines where a neighbouring tile's drawing begins: glue the next page up to them."""
        painter = self.painter
        painter.save()
        pen = QPen(QColor("#9e9e9e"), self.mm(0.2))
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        if left:
            painter.drawLine(QLineF(area.left() + overlap, area.top(), area.left() + overlap, area.bottom()))
        if right:
            painter.drawLine(QLineF(area.right() - overlap, area.top(), area.right() - overlap, area.bottom()))
        if top:
            painter.drawLine(QLineF(area.left(), area.top() + overlap, area.right(), area.top() + overlap))
        if bottom:
            painter.drawLine(QLineF(area.left(), area.bottom() - overlap, area.right(), area.bottom() - overlap))
        painter.restore()
