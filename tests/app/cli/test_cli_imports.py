"""The command line imports what a subcommand needs only when that subcommand runs."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.paths import REPO

_HEAVY = ("pydantic", "networkx", "lxml", "orjson", "model.store", "model.engine", "exporters.archimate")


def _loaded_after(argv: list[str]) -> list[str]:
    """Which heavy packages and modules are imported once ``steelframe ARGV`` has run."""
    script = (
        "import contextlib, io, json, sys\n"
        "from app.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({argv!r})\n"
        f"heavy = {_HEAVY!r}\n"
        "print(json.dumps(sorted({h for h in heavy for m in sys.modules if m == h or m.startswith(h + '.')})))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True)
    loaded: list[str] = json.loads(result.stdout)
    return loaded


def test_version_and_help_load_no_model_code() -> None:
    assert _loaded_after(["--version"]) == []
    assert _loaded_after(["--help"]) == []


def test_a_subcommand_loads_what_it_needs() -> None:
    assert {"model.engine", "pydantic"} <= set(_loaded_after(["rules"]))
