"""The bundled example files are exactly what the templates build today."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.fileformat import load_model, to_json
from model.templates import build_template

EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"


@pytest.mark.parametrize("template", ["retail", "insurer"])
def test_bundled_example_matches_its_template(template: str) -> None:
    path = EXAMPLES / f"{template}.steelframe.json"
    assert path.read_text(encoding="utf-8") == to_json(build_template(template)), (
        f"regenerate with: steelframe new --template {template} -o {path} --force"
    )
    assert to_json(load_model(path)) == path.read_text(encoding="utf-8")
