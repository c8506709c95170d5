"""Every export format behind one call, so the command line and the app's menus share it.

Each format lives in its own module, imported only when used: a Graphviz export must not load
the ArchiMate exporter, and a missing optional tool fails only the format that needs it.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from model.errors import ModelError
from model.store import Model


@dataclass(frozen=True)
class ExportOptions:
    view: str | None = None  # a view's name or id; None: the whole model (or every view)
    overlay: bool = False  # mark violations (Graphviz formats)
    direction: str = "LR"  # LR or TB (Graphviz formats)


class Exporter(Protocol):
    def __call__(self, model: Model, output: Path, options: ExportOptions) -> None: ...


#: format -> (module, function); each function writes ``output`` (a file, or a folder for adr).
FORMATS: dict[str, tuple[str, str]] = {
    "archimate": ("exporters.archimate.cli", "export"),
    "dot": ("exporters.graphviz.cli", "export_dot"),
    "svg": ("exporters.graphviz.cli", "export_svg"),
    "png": ("exporters.graphviz.cli", "export_png"),
    "pdf": ("exporters.graphviz.cli", "export_pdf"),
    "adr": ("exporters.adr.cli", "export"),
    "report": ("exporters.report.cli", "export"),
    "mermaid": ("exporters.mermaid.cli", "export"),
    "likec4": ("exporters.likec4.cli", "export"),
    "structurizr": ("exporters.structurizr.cli", "export"),
}


def export(model: Model, fmt: str, output: Path, options: ExportOptions) -> None:
    """Write ``model`` as ``fmt``; unusable input raises ModelError with a one-line reason."""
    try:
        module_name, function_name = FORMATS[fmt]
    except KeyError:
        raise ModelError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}") from None
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name and module_name.startswith(error.name):
            raise ModelError(f"the {fmt} export is not available in this version") from None
        raise
    exporter: Exporter = getattr(module, function_name)
    exporter(model, output, options)
