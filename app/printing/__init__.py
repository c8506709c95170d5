"""Printing and exporting the current view: paged print (fit or tiled, title block and legend on every
page, an optional violations page) and one-file exports (PNG, SVG, PDF)."""

from __future__ import annotations

from app.printing.export import export_view_image
from app.printing.options import Mode, Orientation, Paper, PrintOptions
from app.printing.render import print_view

__all__ = ["Mode", "Orientation", "Paper", "PrintOptions", "export_view_image", "print_view"]
