"""``steelframe git-setup``: make git merge model files with the merge driver and diff them semantically.

The commands recorded in the repository's config name this very interpreter by its absolute
path, so a driver set up from a virtual environment keeps working when git runs it.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
from pathlib import Path

from app.cli.exits import EXIT_OK
from model.fileformat import FileFormatError

PATTERN = "*.steelframe.json"
DRIVER = "steelframe"


def steelframe_command() -> str:
    """How git should start this Steelframe: this interpreter, by absolute path, with its code on the path."""
    root = Path(__file__).resolve().parents[2]
    command = f"{shlex.quote(sys.executable)} -m app"
    installed = subprocess.run(
        [sys.executable, "-c", "import app, sys; sys.stdout.write(app.__file__)"],
        capture_output=True, text=True, cwd="/", env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        check=False,
    )
    if Path(installed.stdout or "/nowhere").resolve().parent.parent != root:
        command = f"env PYTHONPATH={shlex.quote(os.fspath(root))} {command}"
    return command


def _git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", os.fspath(folder), *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise FileFormatError(f"{folder}: git {' '.join(args[:2])} failed: {done.stderr.strip() or done.returncode}")
    return done.stdout.strip()


def run_git_setup(args: argparse.Namespace) -> int:
    folder = Path(args.repo)
    if not folder.is_dir():
        raise FileFormatError(f"{args.repo}: no such folder")
    probe = subprocess.run(
        ["git", "-C", os.fspath(folder), "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=False
    )
    if probe.returncode != 0:
        raise FileFormatError(f"{args.repo}: is not in a git repository")
    top = Path(probe.stdout.strip())
    command = steelframe_command()
    settings = {
        f"merge.{DRIVER}.name": "Steelframe three-way model merge",
        f"merge.{DRIVER}.driver": f"{command} merge %O %A %B --name %P",
        f"diff.{DRIVER}.command": f"{command} diff --git-external",
        f"diff.{DRIVER}.textconv": f"{command} diff --textconv",
    }
    for key, value in settings.items():
        _git(top, "config", "--local", key, value)
    line = f"{args.pattern} merge={DRIVER} diff={DRIVER}"
    attributes = top / ".gitattributes"
    existing = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    if line not in existing.splitlines():
        separator = "" if not existing or existing.endswith("\n") else "\n"
        attributes.write_text(existing + separator + line + "\n", encoding="utf-8")
    sys.stdout.write(
        f"configured {top}: .gitattributes has '{line}'; git merge uses the Steelframe driver and git diff / "
        "git log -p show semantic diffs (commit .gitattributes; each clone runs git-setup once)\n"
    )
    return EXIT_OK
