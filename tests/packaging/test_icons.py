"""The application icon: a square SVG, and PNGs of every size that are that SVG drawn."""

from __future__ import annotations

import pytest
from build_icons import render
from desktop_share import ICON_SIZES, SVG_ICON, png_icon
from lxml import etree
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from app.window.main import application_icon

# QApplication before build_icons.render, which would otherwise make a QGuiApplication the widget tests cannot use
pytestmark = pytest.mark.usefixtures("qapp")


def test_the_svg_is_a_square_drawing_qt_can_render() -> None:
    root = etree.parse(str(SVG_ICON)).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"
    assert root.findtext("{http://www.w3.org/2000/svg}title") == "Steelframe"
    assert not root.findall(".//{http://www.w3.org/2000/svg}text")  # no fonts: the same drawing everywhere
    assert QSvgRenderer(str(SVG_ICON)).isValid()


def _pixels(image: QImage) -> bytes:
    converted = image.convertToFormat(QImage.Format.Format_ARGB32)
    return bytes(converted.constBits())[: converted.sizeInBytes()]


@pytest.mark.parametrize("size", ICON_SIZES)
def test_each_png_has_its_size_and_a_transparent_corner(size: int) -> None:
    image = QImage(str(png_icon(size)))
    assert not image.isNull(), f"{png_icon(size)} is missing or not a PNG"
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0  # the tile has round corners
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


@pytest.mark.parametrize("size", ICON_SIZES)
def test_each_png_is_the_svg_drawn(size: int) -> None:
    """Fails when the SVG was edited and packaging/build_icons.py was not run again."""
    committed, drawn = _pixels(QImage(str(png_icon(size)))), _pixels(render(size))
    assert len(committed) == len(drawn)
    mean_difference = sum(abs(a - b) for a, b in zip(committed, drawn, strict=True)) / len(drawn)
    assert mean_difference < 1.0, f"{png_icon(size)} differs from the SVG: run packaging/build_icons.py"


def test_the_window_icon_has_every_size() -> None:
    sizes = {(size.width(), size.height()) for size in application_icon().availableSizes()}
    assert sizes == {(size, size) for size in ICON_SIZES}
