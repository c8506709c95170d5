"""File > Print…, Print Preview… and Export View: the current view on paper or in a PNG, SVG or PDF file.

Printing paints on the GUI thread (Qt paints scenes there only); a busy cursor shows while it runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from app.canvas.scene import DiagramScene
from app.printing import PrintOptions, export_view_image, print_view
from app.printing.dialog import PrintOptionsDialog
from app.printing.export import ExportError
from app.printing.render import PrintError
from app.window.host import WindowHost
from app.window.views_tabs import ViewTabs

EXPORT_FILTERS = {"PNG image (*.png)": ".png", "SVG drawing (*.svg)": ".svg", "PDF document (*.pdf)": ".pdf"}


class Host(WindowHost, Protocol):
    tabs: ViewTabs


@contextmanager
def busy() -> Iterator[None]:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class PrintCommands:
    def __init__(self, host: Host) -> None:
        self.host = host
        self.options = PrintOptions()  # the last choices, offered again next time
        self.last_export: Path | None = None

    def _scene(self) -> DiagramScene | None:
        scene = self.host.tabs.current_scene()
        if scene is None:
            self.host.show_status("No view to print")
        return scene

    def _title(self, scene: DiagramScene) -> str:
        model = scene.document.model
        return f"{model.name} - {model.view(scene.view_id).name}"

    def ask_options(self) -> PrintOptions | None:
        dialog = PrintOptionsDialog(self.options, self.host.widget())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self.options = dialog.options()
        return self.options

    def print(self) -> int:
        """Options, then the system's print dialog, then the pages; returns the pages printed (0: cancelled)."""
        scene = self._scene()
        if scene is None or self.ask_options() is None:
            return 0
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._title(scene))
        printer.setPageLayout(self.options.page_layout())
        dialog = QPrintDialog(printer, self.host.widget())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        return self.print_to(scene, printer, self.options)

    def print_to(self, scene: DiagramScene, printer: QPrinter, options: PrintOptions) -> int:
        try:
            with busy():
                pages = print_view(scene, printer, options)
        except PrintError as error:
            QMessageBox.warning(self.host.widget(), "Print", str(error))
            return 0
        self.host.show_status(f"Printed {pages} page{'s' if pages != 1 else ''} of {self._title(scene)}")
        return pages

    def preview(self) -> None:
        scene = self._scene()
        if scene is None or self.ask_options() is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._title(scene))
        dialog = QPrintPreviewDialog(printer, self.host.widget())
        dialog.setWindowTitle(f"Print preview — {self._title(scene)}")
        dialog.paintRequested.connect(lambda target: self._paint_preview(scene, target))
        dialog.exec()

    def _paint_preview(self, scene: DiagramScene, printer: QPrinter) -> None:
        with busy():
            print_view(scene, printer, self.options)

    def export(self, path: Path | None = None) -> Path | None:
        """Export the current view as PNG, SVG or PDF (asks where unless ``path`` is given)."""
        scene = self._scene()
        if scene is None:
            return None
        if path is None:
            folder = self.last_export.parent if self.last_export else Path.home()
            suggested = str(folder / f"{self._title(scene)}.png")
            name, chosen = QFileDialog.getSaveFileName(self.host.widget(), "Export view", suggested,
                                                       ";;".join(EXPORT_FILTERS))
            if not name:
                return None
            path = Path(name)
            if path.suffix.lower() not in EXPORT_FILTERS.values():
                path = path.with_name(path.name + EXPORT_FILTERS.get(chosen, ".png"))
        try:
            with busy():
                written = export_view_image(scene, path)
        except (ExportError, OSError) as error:
            QMessageBox.warning(self.host.widget(), "Export view", str(error))
            return None
        self.last_export = written
        self.host.show_status(f"Exported {self._title(scene)} to {written}")
        return written
