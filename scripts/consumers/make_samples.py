"""The models every consumer check exports: both templates and a generated estate of 200 contexts."""

from __future__ import annotations

import sys
from pathlib import Path

from bench.estate import generate
from model.fileformat import save_model
from model.templates import build_template


def main(folder: Path) -> None:
    for name in ("retail", "insurer"):
        save_model(build_template(name), folder / f"{name}.steelframe.json")
    save_model(generate(200, 7), folder / "estate.steelframe.json")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
