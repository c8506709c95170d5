"""The screenshot script renders real windows (fonts present, nothing blank) without touching the
user's settings."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from PySide6.QtGui import QImage

from tests.paths import REPO

SCRIPT = REPO / "packaging" / "screenshots.py"


def script() -> ModuleType:
    """The script by its path (``packaging`` is not a package, and the name is taken by pip's)."""
    spec = importlib.util.spec_from_file_location("steelframe_screenshots", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_screenshot_script_renders_each_template(tmp_path: Path) -> None:
    written = script().render(tmp_path, templates=("retail", "blank"), themes=("light", "dark"))
    assert [p.name for p in written] == ["retail-light.png", "retail-light-presentation.png", "retail-dark.png",
                                         "retail-dark-presentation.png", "blank-light.png", "blank-dark.png"]
    for path in written:
        image = QImage(str(path))
        assert image.width() >= 800 and image.height() >= 600
        colours = {image.pixel(x, y) for x in range(0, 1440, 37) for y in range(0, 900, 23)}
        assert len(colours) > 20, f"{path.name} looks blank"
