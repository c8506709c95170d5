"""Every export format behind one call, so the command line and the app's menus share it.

Each format lives in its own module, imported only when used: a Graphviz export must not load
the ArchiMate exporter, and a missing optional tool fails only the format that needs it.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from model.errors import ModelError

if TYPE_CHECKING:  # the command line reads FORMATS for its parser without loading the model code
    from model.store import Model


@dataclass(frozen=True)
class ExportOptions:
    view: str | None = None  # a view's name or id; None: the whole model (or every view)
    overlay: bool = False  # mark violations (Graphviz formats)
    direction: str = "LR"  # LR or TB (Graphviz formats)


class Exporter(Protocol):
    def __call__(self, model: Model, output: Path, options: ExportOptions) -> None: ...


#: format -> (module, function); each function writes ``output`` (a file, or a folder for adr and asyncapi).
FORMATS: dict[str, tuple[str, str]] = {
    "archimate": ("exporters.archimate.cli", "export"),
    "dot": ("exporters.graphviz.cli", "export_dot"),
    "svg": ("exporters.graphviz.cli", "export_svg"),
    "png": ("exporters.graphviz.cli", "export_png"),
    "pdf": ("exporters.graphviz.cli", "export_pdf"),
    "adr": ("exporters.adr.cli", "export"),
    "report": ("exporters.report.cli", "export"),
    "asyncapi": ("exporters.contracts.asyncapi.writing", "export"),
    "backstage": ("exporters.contracts.backstage.writing", "export"),
    "mermaid": ("exporters.mermaid.cli", "export"),
    "likec4": ("exporters.likec4.cli", "export"),
    "structurizr": ("exporters.structurizr.cli", "export"),
}

#: Formats that write a folder (backstage: a folder, or one file when PATH ends in .yaml).
FOLDER_FORMATS = frozenset({"adr", "asyncapi", "backstage"})


#: format -> (module, function) telling what the format leaves out of a model, or None when nothing.
LIMITS: dict[str, tuple[str, str]] = {
    "archimate": ("exporters.archimate.limits", "not_carried"),
}


def not_carried(model: Model, fmt: str) -> str | None:
    """What ``fmt`` cannot hold of ``model``, as one sentence for the person exporting (None: all of it)."""
    if fmt not in LIMITS:
        return None
    module_name, function_name = LIMITS[fmt]
    said: str | None = getattr(importlib.import_module(module_name), function_name)(model)
    return said


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
