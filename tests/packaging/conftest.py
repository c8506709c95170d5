"""The packaging tests import packaging/'s modules by file name: packaging/ is no Python package.

It is appended to sys.path (not prepended), so the ``packaging`` distribution that pip, pytest and
PyInstaller import is never shadowed.
"""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
if str(PACKAGING) not in sys.path:
    sys.path.append(str(PACKAGING))
