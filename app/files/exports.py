"""File > Export (the whole model as ArchiMate, decision records, the report or a Graphviz diagram)
and File > Import Decision Records: the same functions as ``steelframe export`` and the exporters.

Diagram formats draw the current view; the others cover the model. A failure (no ``dot``, a folder
that cannot be written, a record that does not parse) is a message box with the one-line reason;
the model is left as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.document.controller import Document
from app.files.notes import collected_warnings
from app.printing.commands import busy
from app.window.host import WindowHost
from app.window.views_tabs import ViewTabs
from exporters.adr import merge_adrs
from exporters.registry import ExportOptions
from exporters.registry import export as export_model
from model.errors import ModelError


@dataclass(frozen=True)
class Format:
    title: str  # the dialog's title and the status line's noun
    filters: dict[str, str]  # file dialog filter -> registry format; empty: a folder is chosen
    suffix: str  # of the suggested file name
    per_view: bool = False  # draws the current view


FORMATS = {
    "archimate": Format("ArchiMate exchange file", {"ArchiMate exchange (*.xml)": "archimate"}, ".xml"),
    "adr": Format("decision records", {}, ""),
    "report": Format("governance report", {"Markdown report (*.md)": "report"}, ".md"),
    "diagram": Format("Graphviz diagram", {"SVG drawing (*.svg)": "svg", "PNG image (*.png)": "png",
                                           "PDF document (*.pdf)": "pdf", "Graphviz DOT (*.dot *.gv)": "dot"},
                      ".svg", per_view=True),
}
_BY_SUFFIX = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}


class Host(WindowHost, Protocol):
    document: Document
    tabs: ViewTabs


class ModelExports:
    def __init__(self, host: Host) -> None:
        self.host = host
        self.last_folder: Path | None = None

    def export(self, kind: str, path: Path | None = None) -> Path | None:
        """Write the model as ``kind`` (a key of FORMATS), asking where unless ``path`` is given."""
        spec = FORMATS[kind]
        model = self.host.document.model
        view_id = self.host.tabs.current_view_id() if spec.per_view else None
        subject = model.view(view_id).name if view_id else model.name or "model"
        if path is None:
            path = self._ask(spec, subject)
            if path is None:
                return None
        fmt = "adr" if kind == "adr" else _BY_SUFFIX.get(path.suffix.lower(), next(iter(spec.filters.values())))
        try:
            with busy():
                export_model(model, fmt, path, ExportOptions(view=view_id))
        except (ModelError, OSError) as error:
            QMessageBox.warning(self.host.widget(), f"Export {spec.title}", str(error))
            return None
        self.last_folder = path if kind == "adr" else path.parent
        self.host.show_status(f"Exported {subject} as {spec.title} to {path}")
        return path

    def _ask(self, spec: Format, subject: str) -> Path | None:
        folder = self.last_folder or (self.host.document.path.parent if self.host.document.path else Path.home())
        widget, title = self.host.widget(), f"Export {spec.title}"
        if not spec.filters:
            name = QFileDialog.getExistingDirectory(widget, title, str(folder))
            return Path(name) if name else None
        name, chosen = QFileDialog.getSaveFileName(widget, title, str(folder / f"{subject}{spec.suffix}"),
                                                   ";;".join(spec.filters))
        if not name:
            return None
        path = Path(name)
        if spec.per_view and path.suffix.lower() not in _BY_SUFFIX:
            wanted = spec.filters.get(chosen, "svg")
            path = path.with_name(f"{path.name}.{wanted}")
        elif not spec.per_view and not path.suffix:
            path = path.with_suffix(spec.suffix)
        return path

    def import_decisions(self, folder: Path | None = None) -> tuple[int, int] | None:
        """Read a folder of decision records back into the model (one undo step): (new, updated)."""
        if folder is None:
            start = self.last_folder or Path.home()
            name = QFileDialog.getExistingDirectory(self.host.widget(), "Import decision records", str(start))
            if not name:
                return None
            folder = Path(name)
        try:
            with collected_warnings("exporters.adr") as skipped, \
                    self.host.document.edit("Import decision records") as model:
                result = merge_adrs(model, folder)
        except (ModelError, OSError) as error:
            QMessageBox.warning(self.host.widget(), "Import decision records", str(error))
            return None
        if skipped:
            QMessageBox.information(self.host.widget(), "Import decision records",
                                    "Some files were not read:\n\n" + "\n".join(skipped[:20])
                                    + (f"\n… and {len(skipped) - 20} more" if len(skipped) > 20 else ""))
        self.last_folder = folder
        created, updated = len(result.created), len(result.updated)
        if created or updated:
            self.host.show_status(f"Decision records from {folder}: {created} new, {updated} updated")
        else:
            self.host.show_status(f"No new or changed decision records in {folder}")
        return created, updated
