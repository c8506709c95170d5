"""The model of awkward names (tests/exporters/diagram/odd.py) as a file, for the consumer checks."""

from __future__ import annotations

import sys
from pathlib import Path

from model.fileformat import save_model
from tests.exporters.diagram.odd import odd_model

if __name__ == "__main__":
    save_model(odd_model(), Path(sys.argv[1]) / "odd.steelframe.json")
