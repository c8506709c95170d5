"""``print_view``: the current view on paper, fit to one page or tiled at a scale, every page with its
title block and legend, and an optional list of the view's violations at the end."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter

from app.canvas.scene import DiagramScene
from app.printing.options import Mode, PrintOptions
from app.printing.scene_paint import SCENE_DPI, drawn_rect, paint_scene, unselected
from app.printing.sheet import Sheet, ViewFacts
from app.printing.violations import violation_pages

#: Printing at 96 dpi keeps scene text the size the boxes were drawn for (item fonts are in points);
#: the output stays vector (PDF, CUPS) so nothing is lost.
PRINT_DPI = 96
#: Fit never blows a small view up beyond this (a three-box view on A3 would look like a poster).
MAX_FIT_SCALE = 1.6


class PrintError(RuntimeError):
    """The printer could not be opened (a bad file name, a printer gone)."""


@dataclass(frozen=True)
class Tile:
    row: int
    column: int
    source: QRectF  # scene units


def tiles(source: QRectF, area: QRectF, scale: float, overlap: float) -> tuple[list[Tile], int, int]:
    """Cut ``source`` (scene units) into pages of ``area`` (device units) at ``scale`` device units per
    scene unit, each sharing ``overlap`` device units with its neighbours. Returns (tiles, rows, columns)."""
    width, height = area.width() / scale, area.height() / scale
    shared = min(overlap / scale, width / 3, height / 3)
    columns = max(1, math.ceil((source.width() - shared) / (width - shared) - 1e-9))
    rows = max(1, math.ceil((source.height() - shared) / (height - shared) - 1e-9))
    found = [Tile(r, c, QRectF(source.left() + c * (width - shared), source.top() + r * (height - shared),
                               width, height))
             for r in range(rows) for c in range(columns)]
    return found, rows, columns


def print_view(scene: DiagramScene, printer: QPrinter, options: PrintOptions) -> int:
    """Print the scene's view on ``printer`` (a real printer, a PDF file, a preview); returns the pages printed."""
    printer.setResolution(PRINT_DPI)
    printer.setFullPage(False)
    printer.setPageLayout(options.page_layout())
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(f"Could not print to {printer.outputFileName() or printer.printerName() or 'the printer'}")
    try:
        with unselected(scene):
            return _print(painter, scene, printer, options)
    finally:
        painter.end()


def _print(painter: QPainter, scene: DiagramScene, printer: QPrinter, options: PrintOptions) -> int:
    page = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
    page.moveTo(0, 0)  # the painter's origin is the printable area's corner
    sheet = Sheet(painter, page)
    facts = ViewFacts.of(scene)
    area = sheet.drawing_area(facts)
    source = drawn_rect(scene)
    listing = violation_pages(sheet, facts) if options.violations_page else []
    if options.mode is Mode.FIT:
        total = 1 + len(listing)
        scale = min(area.width() / source.width(), area.height() / source.height(),
                    MAX_FIT_SCALE * sheet.dpi / SCENE_DPI)
        size = source.size() * scale
        at = QPointF(area.left() + (area.width() - size.width()) / 2, area.top() + (area.height() - size.height()) / 2)
        paint_scene(painter, scene, source, at, scale)
        sheet.band(facts, 1, total)
        number = 1
    else:
        scale = max(options.scale, 0.05) * sheet.dpi / SCENE_DPI
        overlap = sheet.mm(options.overlap_mm)
        cut, rows, columns = tiles(source, area, scale, overlap)
        total = len(cut) + len(listing)
        for number, tile in enumerate(cut, start=1):
            if number > 1:
                printer.newPage()
            paint_scene(painter, scene, tile.source, area.topLeft(), scale, clip=area)
            sheet.crop_marks(area)
            sheet.overlap_marks(area, overlap, left=tile.column > 0, top=tile.row > 0,
                                right=tile.column < columns - 1, bottom=tile.row < rows - 1)
            label = f"Row {tile.row + 1}/{rows}, column {tile.column + 1}/{columns}"
            sheet.band(facts, number, total, label)
    for draw in listing:
        printer.newPage()
        number += 1
        draw()
        sheet.band(facts, number, total)
    return total
