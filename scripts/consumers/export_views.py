"""Export every view of a model in one process (loading a large estate once, not once per view).

    export_views.py FORMAT MODEL FOLDER SUFFIX   writes FOLDER/<model>-<view id>SUFFIX and prints each path
Uses the registry behind `steelframe export --to FORMAT --view ID`, so the files are the command's.
"""

from __future__ import annotations

import sys
from pathlib import Path

from exporters.registry import ExportOptions, export
from model.fileformat import load_model


def main(fmt: str, model_file: Path, folder: Path, suffix: str) -> None:
    model = load_model(model_file)
    name = model_file.name.removesuffix(".steelframe.json")
    for view in model.views():
        output = folder / f"{name}-{view.id}{suffix}"
        export(model, fmt, output, ExportOptions(view=view.id))
        sys.stdout.write(f"{output}\n")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4])
