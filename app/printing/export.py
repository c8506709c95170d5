"""``export_view_image``: the current view as one file — PNG (twice the screen resolution, white),
SVG (text stays text, viewBox on the drawing) or PDF (one page with the title block and legend)."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtSvg import QSvgGenerator

from app.canvas.scene import DiagramScene
from app.printing.options import Mode, Orientation, Paper, PrintOptions
from app.printing.render import print_view
from app.printing.scene_paint import SCENE_DPI, drawn_rect, paint_scene, unselected
from app.printing.sheet import ViewFacts

PNG_SCALE = 2.0
FORMATS = {".png": "PNG", ".svg": "SVG", ".pdf": "PDF"}


class ExportError(RuntimeError):
    """The file could not be written, or its suffix is not one of .png, .svg, .pdf."""


def export_view_image(scene: DiagramScene, path: Path | str) -> Path:
    """Write the view to ``path``; the format follows the suffix. Returns the path written."""
    path = Path(path)
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ExportError(f"Cannot export to {path.name}: use .png, .svg or .pdf")
    if kind == "PNG":
        _png(scene, path)
    elif kind == "SVG":
        _svg(scene, path)
    else:
        _pdf(scene, path)
    return path


def png_size(scene: DiagramScene) -> QSize:
    rect = drawn_rect(scene)
    return QSize(math.ceil(rect.width() * PNG_SCALE), math.ceil(rect.height() * PNG_SCALE))


def _png(scene: DiagramScene, path: Path) -> None:
    source = drawn_rect(scene)
    image = QImage(png_size(scene), QImage.Format.Format_ARGB32)
    dots_per_metre = round(SCENE_DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)  # 96 dpi: the canvas font keeps its size against the boxes
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        with unselected(scene):
            paint_scene(painter, scene, source, QPointF(0, 0), PNG_SCALE)
    finally:
        painter.end()
    if not image.save(str(path)):  # the suffix is .png
        raise ExportError(f"Could not write {path}")


def _svg(scene: DiagramScene, path: Path) -> None:
    source = drawn_rect(scene)
    facts = ViewFacts.of(scene)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setResolution(round(SCENE_DPI))  # the default 72 dpi would shrink every font by a quarter
    generator.setSize(QSize(math.ceil(source.width()), math.ceil(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(f"{facts.model_name} — {facts.view_name}")
    generator.setDescription(f"Exported by Steelframe {facts.version} on {facts.date}")
    painter = QPainter()
    if not painter.begin(generator):
        raise ExportError(f"Could not write {path}")
    try:
        painter.fillRect(QRectF(0, 0, source.width(), source.height()), QColor("white"))
        with unselected(scene):
            paint_scene(painter, scene, source, QPointF(0, 0), 1.0)
    finally:
        painter.end()


def _pdf(scene: DiagramScene, path: Path) -> None:
    source = drawn_rect(scene)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    facts = ViewFacts.of(scene)
    printer.setDocName(f"{facts.model_name} — {facts.view_name}")
    printer.setCreator(f"Steelframe {facts.version}")
    wide = source.width() >= source.height()
    print_view(scene, printer, PrintOptions(paper=Paper.A4, mode=Mode.FIT,
                                            orientation=Orientation.LANDSCAPE if wide else Orientation.PORTRAIT))
