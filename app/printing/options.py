"""What the user chooses for a print: paper, orientation, fit or tiled (at a scale), a violations page."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize


class Paper(StrEnum):
    A4 = "A4"
    A3 = "A3"

    @property
    def page_size(self) -> QPageSize:
        return QPageSize(QPageSize.PageSizeId.A4 if self is Paper.A4 else QPageSize.PageSizeId.A3)


class Orientation(StrEnum):
    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"

    @property
    def qt(self) -> QPageLayout.Orientation:
        return QPageLayout.Orientation.Portrait if self is Orientation.PORTRAIT else QPageLayout.Orientation.Landscape


class Mode(StrEnum):
    FIT = "fit"  # the whole view on one page
    TILED = "tiled"  # at ``scale`` over as many pages as it takes, glued together by their overlaps


#: Print margins in millimetres: inside what most printers can reach, room for the crop marks.
MARGIN_MM = 12.0


@dataclass(frozen=True)
class PrintOptions:
    paper: Paper = Paper.A4
    orientation: Orientation = Orientation.LANDSCAPE
    mode: Mode = Mode.FIT
    scale: float = 1.0  # tiled: 1.0 prints the view at its on-screen size (96 scene units to the inch)
    overlap_mm: float = 10.0  # tiled: what neighbouring tiles share, to glue them
    violations_page: bool = False

    def page_layout(self) -> QPageLayout:
        margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
        return QPageLayout(self.paper.page_size, self.orientation.qt, margins, QPageLayout.Unit.Millimeter)
