"""What the bundle carries for desktop integration, and the one version source.

The desktop entry and the MIME type live in ``packaging/linux/``: the desktop reads them at install
time, the app never does (it only needs the icon, which is in ``resources/icons/``). The bundle
gets them in the XDG layout under ``dist/steelframe/share/``, which ``install-desktop.sh`` copies
into ``$XDG_DATA_HOME`` (or ``/usr/local/share``) with the entry's Exec pointed at the bundle.
Imported by the PyInstaller spec, the smoke test and tests/packaging (``packaging/`` is on purpose
no Python package: it would shadow the ``packaging`` distribution pip and PyInstaller import).
"""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "resources" / "icons"
APP_ID = "steelframe"
MIME_TYPE = "application/x-steelframe+json"
DESKTOP_FILE = LINUX / f"{APP_ID}.desktop"
MIME_FILE = LINUX / f"{APP_ID}-mime.xml"
SVG_ICON = ICONS / f"{APP_ID}.svg"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def project_version(pyproject: Path = PYPROJECT) -> str:
    """``[project] version`` of pyproject.toml: the one place the version is written."""
    with pyproject.open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def png_icon(size: int) -> Path:
    return ICONS / f"{APP_ID}-{size}.png"


def share_files() -> dict[str, Path]:
    """Where each file goes under ``share/`` (relative, XDG layout) -> the source file in the repository."""
    files = {
        f"applications/{APP_ID}.desktop": DESKTOP_FILE,
        f"mime/packages/{APP_ID}.xml": MIME_FILE,
        f"icons/hicolor/scalable/apps/{APP_ID}.svg": SVG_ICON,
    }
    for size in ICON_SIZES:
        files[f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png"] = png_icon(size)
    return files


def lay_out_share(share: Path) -> list[Path]:
    """Copy the desktop entry, the MIME type and the icons into ``share`` in the XDG layout."""
    written: list[Path] = []
    for relative, source in share_files().items():
        target = share / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    return written
