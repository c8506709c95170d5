"""Render the application icon ``resources/icons/steelframe.svg`` to the PNG sizes desktops ask for.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/build_icons.py

writes ``resources/icons/steelframe-<N>.png`` for every N in ``desktop_share.ICON_SIZES`` (the
hicolor theme's usual sizes). Run it again after editing the SVG and commit the PNGs: they are what the window icon, the
desktop entry and the MIME type show, and tests/packaging checks that they match the SVG.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop_share import ICON_SIZES, ICONS, SVG_ICON, png_icon
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

_apps: list[QGuiApplication] = []  # the one made here, kept alive while images are drawn


def render(size: int, svg: Path = SVG_ICON) -> QImage:
    """The SVG drawn on a transparent ``size`` x ``size`` image."""
    if QGuiApplication.instance() is None:
        _apps.append(QGuiApplication(sys.argv[:1]))  # QImage and QPainter need one
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"build_icons: {svg} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def build(folder: Path = ICONS, sizes: Sequence[int] = ICON_SIZES) -> list[Path]:
    """Write one PNG per size into ``folder``; returns them."""
    written: list[Path] = []
    for size in sizes:
        target = folder / png_icon(size).name
        image = render(size)
        if not image.save(str(target), b"PNG"):
            raise SystemExit(f"build_icons: could not write {target}")
        written.append(target)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ICONS, help=f"folder to write to (default {ICONS})")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in build(args.out):
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
