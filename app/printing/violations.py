"""The optional last page(s): the view's violations as a table (rule, severity, message), waived ones marked."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPen

from app.canvas import style
from app.printing.sheet import GREY, INK, Sheet, ViewFacts
from model.engine import Violation

RULE_MM, SEVERITY_MM = 20.0, 34.0
WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)


def _row_height(sheet: Sheet, violation: Violation, width: float) -> float:
    sheet.painter.setFont(sheet.font(9))
    text = _message(violation)
    needed = sheet.painter.fontMetrics().boundingRect(QRectF(0, 0, width, 1e6).toRect(), WRAP, text).height()
    return max(sheet.mm(6), needed + sheet.mm(2.5))


def _message(violation: Violation) -> str:
    return violation.message + (f"  (waived by decision {violation.decision})" if violation.waived else "")


def violation_pages(sheet: Sheet, facts: ViewFacts) -> list[Callable[[], None]]:
    """One drawing function per page, so the page count is known before the first page is printed."""
    area = sheet.drawing_area(facts)
    message_width = area.width() - sheet.mm(RULE_MM + SEVERITY_MM)
    top = area.top() + sheet.mm(20)
    pages: list[list[tuple[Violation, float]]] = [[]]
    y = top
    for violation in facts.violations:
        height = _row_height(sheet, violation, message_width)
        if y + height > area.bottom() and pages[-1]:
            pages.append([])
            y = top
        pages[-1].append((violation, height))
        y += height
    return [partial(_draw, sheet, facts, area, rows, index=n, count=len(pages)) for n, rows in enumerate(pages)]


def _draw(sheet: Sheet, facts: ViewFacts, area: QRectF, rows: list[tuple[Violation, float]], *, index: int,
          count: int) -> None:
    painter = sheet.painter
    painter.save()
    painter.setPen(INK)
    painter.setFont(sheet.font(13, bold=True))
    heading = f"Violations on view “{facts.view_name}”" + (f" ({index + 1}/{count})" if count > 1 else "")
    painter.drawText(QRectF(area.left(), area.top(), area.width(), sheet.mm(8)), Qt.AlignmentFlag.AlignVCenter,
                     heading)
    open_ = sum(1 for v in facts.violations if not v.waived)
    painter.setFont(sheet.font(9))
    painter.setPen(GREY)
    summary = f"{open_} open, {len(facts.violations) - open_} waived" if facts.violations else "None: the view is clean"
    painter.drawText(QRectF(area.left(), area.top() + sheet.mm(8), area.width(), sheet.mm(5)),
                     Qt.AlignmentFlag.AlignVCenter, summary)
    x_severity = area.left() + sheet.mm(RULE_MM)
    x_message = x_severity + sheet.mm(SEVERITY_MM)
    y = area.top() + sheet.mm(20)
    painter.setFont(sheet.font(8, bold=True))
    painter.setPen(INK)
    for x, text in ((area.left(), "Rule"), (x_severity, "Severity"), (x_message, "Message")):
        painter.drawText(QRectF(x, y - sheet.mm(5), sheet.mm(40), sheet.mm(5)), Qt.AlignmentFlag.AlignVCenter, text)
    painter.setPen(QPen(INK, sheet.mm(0.3)))
    painter.drawLine(QLineF(area.left(), y, area.right(), y))
    for violation, height in rows:
        ink = GREY if violation.waived else INK
        cell = sheet.mm(1.2)
        painter.setFont(sheet.font(9, bold=True))
        painter.setPen(ink)
        painter.drawText(QRectF(area.left(), y + cell, sheet.mm(RULE_MM), height), WRAP, violation.rule)
        dot = sheet.mm(1.4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.severity_colour(violation.severity, violation.waived))
        painter.drawEllipse(QRectF(x_severity, y + cell + sheet.mm(0.9), 2 * dot, 2 * dot))
        painter.setFont(sheet.font(9))
        painter.setPen(ink)
        severity = str(violation.severity) + (" — waived" if violation.waived else "")
        painter.drawText(QRectF(x_severity + sheet.mm(4), y + cell, sheet.mm(SEVERITY_MM - 4), height), WRAP, severity)
        painter.drawText(QRectF(x_message, y + cell, area.right() - x_message, height), WRAP, _message(violation))
        y += height
        painter.setPen(QPen(QColor("#cfd8dc"), sheet.mm(0.2)))
        painter.drawLine(QLineF(area.left(), y, area.right(), y))
    painter.restore()
