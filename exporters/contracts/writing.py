"""What the contract exports share: model boundaries, YAML text, writing a folder of files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from exporters.files import write_atomically
from model.errors import ModelError
from model.store import Model


def boundary(model: Model, element_id: str) -> str:
    return model.container_of(element_id) or element_id


def yaml_text(documents: list[dict[str, Any]]) -> str:
    """Block-style YAML, keys in the order written, one ``---`` between documents (libyaml when there is one)."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump_all(documents, Dumper=dumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
                         width=100)


def write_folder(folder: Path, files: dict[str, str]) -> None:
    """Write each file into ``folder`` (made if missing); refused when ``folder`` is a file."""
    if folder.exists() and not folder.is_dir():
        raise ModelError(f"{folder}: is a file; give a folder to write the contracts into")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ModelError(f"{folder}: cannot make this folder: {error.strerror or error}") from None
    for name, text in sorted(files.items()):
        write_atomically(folder / name, text.encode("utf-8"))
