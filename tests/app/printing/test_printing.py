"""Printing and exporting the current view: page counts and paper sizes of printed PDFs (fit, tiled,
violations page, A3), the SVG's text and viewBox, the PNG's size, the one-page PDF export, and the
File menu commands driving them."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QRectF, QSettings
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from app.canvas.scene import DiagramScene
from app.document.controller import Document
from app.files.recovery import RecoveryStore
from app.printing import Mode, Orientation, Paper, PrintOptions, export_view_image, print_view
from app.printing.dialog import PrintOptionsDialog
from app.printing.export import ExportError, png_size
from app.printing.render import tiles
from app.printing.scene_paint import drawn_rect
from app.window.mainwindow import MainWindow
from model.templates import build_template

A4 = (842, 595)  # landscape, in points (pdfinfo rounds)
A3 = (842, 1191)  # portrait

needs_poppler = pytest.mark.skipif(shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None,
                                   reason="poppler-utils (pdfinfo, pdftotext) not installed")


def page_sizes(pdf: Path) -> list[tuple[int, int]]:
    """Each page's size in points, as pdfinfo measures it."""
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True,
                         check=True).stdout
    return [(round(float(w)), round(float(h)))
            for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)]


def pdf_text(pdf: Path) -> str:
    """The PDF's text (ligatures such as "ﬂ" spelt out)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out.replace("\ufb02", "fl").replace("\ufb01", "fi")


def print_pdf(scene: DiagramScene, path: Path, options: PrintOptions) -> int:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return print_view(scene, printer, options)


# ------------------------------------------------------------------ printing


@needs_poppler
def test_fit_prints_the_context_map_on_one_a4_landscape_page(scene: DiagramScene, tmp_path: Path) -> None:
    pdf = tmp_path / "fit.pdf"
    assert print_pdf(scene, pdf, PrintOptions(paper=Paper.A4, orientation=Orientation.LANDSCAPE)) == 1
    assert page_sizes(pdf) == [A4]
    text = pdf_text(pdf)
    for words in ("Retail estate", "View: Context map", "Page 1 of 1", "Steelframe 0.", "Legend", "context",
                  "query flow", "Catalog", "Order management"):
        assert words in text, words


@needs_poppler
def test_tiled_at_200_percent_spreads_over_several_a4_pages(scene: DiagramScene, tmp_path: Path) -> None:
    pdf = tmp_path / "tiled.pdf"
    pages = print_pdf(scene, pdf, PrintOptions(mode=Mode.TILED, scale=2.0))
    assert pages > 1
    assert page_sizes(pdf) == [A4] * pages
    text = pdf_text(pdf)
    assert f"Page {pages} of {pages}" in text
    assert "Row 1/" in text and "column 1/" in text


def test_tiles_overlap_and_cover_the_drawing() -> None:
    source = QRectF(0, 0, 1000, 500)
    cut, rows, columns = tiles(source, QRectF(0, 0, 400, 300), scale=1.0, overlap=40)
    assert (rows, columns) == (2, 3)
    assert len(cut) == 6
    assert cut[1].source.left() == pytest.approx(360)  # 400 wide, 40 shared
    assert max(t.source.right() for t in cut) >= 1000 and max(t.source.bottom() for t in cut) >= 500
    single, rows, columns = tiles(QRectF(0, 0, 100, 100), QRectF(0, 0, 400, 300), scale=1.0, overlap=40)
    assert (rows, columns, len(single)) == (1, 1, 1)


@needs_poppler
def test_the_violations_page_lists_every_rule_of_the_view(scene: DiagramScene, document: Document,
                                                           tmp_path: Path) -> None:
    pdf = tmp_path / "violations.pdf"
    assert print_pdf(scene, pdf, PrintOptions(violations_page=True)) == 2
    assert page_sizes(pdf) == [A4, A4]
    text = pdf_text(pdf).split("\f")[1]
    assert "Violations on view" in text and "Page 2 of 2" in text
    rules = {v.rule for v in document.engine.violations()}
    assert rules
    for rule in rules:
        assert rule in text


@needs_poppler
def test_a3_portrait_prints_on_a3(scene: DiagramScene, tmp_path: Path) -> None:
    pdf = tmp_path / "a3.pdf"
    print_pdf(scene, pdf, PrintOptions(paper=Paper.A3, orientation=Orientation.PORTRAIT))
    assert page_sizes(pdf) == [A3]


# ------------------------------------------------------------------ exports


def test_svg_export_has_every_element_name_as_text_and_a_viewbox(scene: DiagramScene, tmp_path: Path) -> None:
    svg = export_view_image(scene, tmp_path / "view.svg")
    root = ElementTree.parse(svg).getroot()
    rect = drawn_rect(scene)
    view_box = [float(n) for n in root.attrib["viewBox"].split()]
    assert view_box[2:] == pytest.approx([rect.width(), rect.height()], abs=1)
    text = " ".join(" ".join(t.itertext()).strip() for t in root.iter("{http://www.w3.org/2000/svg}text"))
    for item in scene.elements.values():
        assert item.element.name in text, item.element.name  # a wrapped name is its lines in order
    sizes = {float(g.attrib["font-size"]) for g in root.iter() if "font-size" in g.attrib}
    assert max(sizes) >= 12  # 9.5 pt at 96 dpi: not the quarter-too-small 72 dpi default


def test_pages_and_files_are_drawn_for_white_paper_whatever_the_screen_theme(scene: DiagramScene,
                                                                             tmp_path: Path) -> None:
    from app.canvas import style

    scene.set_ink(style.NIGHT)
    drawn = (tmp_path / "view.svg")
    export_view_image(scene, drawn)
    svg = drawn.read_text(encoding="utf-8").lower()
    assert style.PAPER.flow in svg and style.NIGHT.flow not in svg and style.NIGHT.label not in svg
    assert scene.ink is style.NIGHT and all(line.ink is style.NIGHT for line in scene.relations.values())


def test_png_export_is_twice_the_drawing_on_white(scene: DiagramScene, tmp_path: Path) -> None:
    png = export_view_image(scene, tmp_path / "view.png")
    image = QImage(str(png))
    rect = drawn_rect(scene)
    assert (image.width(), image.height()) == (png_size(scene).width(), png_size(scene).height())
    assert abs(image.width() - 2 * rect.width()) <= 1 and abs(image.height() - 2 * rect.height()) <= 1
    assert image.pixelColor(1, 1).name() == "#ffffff"
    assert len({image.pixel(x, y) for x in range(0, image.width(), 29) for y in range(0, image.height(), 31)}) > 10


@needs_poppler
def test_pdf_export_is_one_page_with_the_title_block(scene: DiagramScene, tmp_path: Path) -> None:
    pdf = export_view_image(scene, tmp_path / "view.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert page_sizes(pdf) == [A4]
    assert "Page 1 of 1" in pdf_text(pdf)


def test_an_unknown_suffix_is_refused(scene: DiagramScene, tmp_path: Path) -> None:
    with pytest.raises(ExportError):
        export_view_image(scene, tmp_path / "view.gif")


# ------------------------------------------------------------------ the app


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    made = MainWindow(Document(build_template("retail")), settings=settings,
                      recovery=RecoveryStore(tmp_path / "recovery"))
    made.show()
    yield made
    made.document.undo_stack.setClean()
    made.close()
    made.deleteLater()


def test_printing_leaves_the_selection_alone(window: MainWindow, tmp_path: Path) -> None:
    scene = window.tabs.current_scene()
    assert scene is not None
    item_id = next(iter(scene.elements))
    window.selection.set([item_id])
    print_pdf(scene, tmp_path / "selected.pdf", PrintOptions())
    assert window.selection.ids == [item_id]
    assert scene.elements[item_id].isSelected()


def test_the_file_menu_has_print_preview_and_export(window: MainWindow) -> None:
    texts = [a.text().replace("&", "") for a in window.menus["File"].actions()]
    for text in ("Print…", "Print Preview…", "Export View as PNG/SVG/PDF…"):
        assert text in texts
    assert texts.index("Print…") < texts.index("Quit")


@needs_poppler
def test_file_print_asks_options_then_prints(window: MainWindow, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = tmp_path / "printed.pdf"

    def options_exec(dialog: PrintOptionsDialog) -> int:
        dialog.tiled.setChecked(True)
        dialog.scale.setValue(200)
        dialog.violations.setChecked(True)
        return QDialog.DialogCode.Accepted.value

    def print_exec(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PrintOptionsDialog, "exec", options_exec)
    monkeypatch.setattr(QPrintDialog, "exec", print_exec)
    window.action_map["print"].trigger()
    assert window.printing.options.mode is Mode.TILED
    sizes = page_sizes(pdf)
    assert len(sizes) > 2 and set(sizes) == {A4}
    assert "Violations on view" in pdf_text(pdf).split("\f")[len(sizes) - 1]


def test_export_view_asks_for_a_file_and_adds_the_suffix(window: MainWindow, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(tmp_path / "map"), "SVG drawing (*.svg)"))
    window.action_map["export_view"].trigger()
    assert (tmp_path / "map.svg").exists()
    assert window.printing.last_export == tmp_path / "map.svg"


def test_cancelled_print_prints_nothing(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PrintOptionsDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected.value)
    assert window.printing.print() == 0


@needs_poppler
def test_print_preview_paints_the_pages(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = tmp_path / "preview.pdf"

    def preview_exec(dialog: QPrintPreviewDialog) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        dialog.paintRequested.emit(printer)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PrintOptionsDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted.value)
    monkeypatch.setattr(QPrintPreviewDialog, "exec", preview_exec)
    window.action_map["print_preview"].trigger()
    assert page_sizes(pdf) == [A4]
