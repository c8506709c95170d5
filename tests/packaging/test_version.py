"""`steelframe --version` says pyproject.toml's version from a source tree, an install and the bundle."""

from __future__ import annotations

import importlib.metadata
import io
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from desktop_share import PYPROJECT, ROOT, project_version

from app import version
from app.cli import main as cli


def test_the_version_is_pyprojects() -> None:
    assert version.steelframe_version() == project_version()
    assert project_version().count(".") >= 1


def test_dash_dash_version_prints_it() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(["--version"]) == 0
    assert out.getvalue() == f"steelframe {project_version()}\n"


def test_python_dash_m_app_prints_it_too() -> None:
    done = subprocess.run([sys.executable, "-m", "app", "--version"], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    assert done.stdout == f"steelframe {project_version()}\n"


def test_a_bumped_pyproject_shows_without_reinstalling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "app").mkdir()
    bumped = PYPROJECT.read_text(encoding="utf-8").replace(f'version = "{project_version()}"', 'version = "9.8.7"')
    (tmp_path / "pyproject.toml").write_text(bumped, encoding="utf-8")
    monkeypatch.setattr(version, "__file__", str(tmp_path / "app" / "version.py"))
    assert version.steelframe_version() == "9.8.7"


def test_another_projects_pyproject_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "other"\nversion = "5"\n', encoding="utf-8")
    monkeypatch.setattr(version, "__file__", str(tmp_path / "app" / "version.py"))
    assert version.steelframe_version() == importlib.metadata.version("steelframe")


def test_without_a_source_tree_the_metadata_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An installed wheel, or the bundle (which carries the metadata): no pyproject.toml beside app/."""
    (tmp_path / "app").mkdir()
    monkeypatch.setattr(version, "__file__", str(tmp_path / "app" / "version.py"))
    assert version.steelframe_version() == importlib.metadata.version("steelframe")


def test_neither_gives_an_unknown_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(version, "__file__", str(tmp_path / "app" / "version.py"))
    monkeypatch.setattr(importlib.metadata, "version", missing)
    assert version.steelframe_version() == "0+unknown"


def test_packaging_is_no_python_package() -> None:
    """An __init__.py there would shadow the PyPI ``packaging`` that pip and PyInstaller import."""
    import packaging

    assert not (ROOT / "packaging" / "__init__.py").exists()
    assert packaging.__file__ is not None
    assert Path(packaging.__file__).parent != ROOT / "packaging"
