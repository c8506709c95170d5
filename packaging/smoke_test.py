"""Build the desktop bundle, then run it the way a machine without Python would.

    .venv/bin/python packaging/smoke_test.py             # build (packaging/build.sh), then check
    .venv/bin/python packaging/smoke_test.py --no-build  # check the bundle already in dist/steelframe

Every run of the executable goes through ``env -i`` (nothing inherited but a scratch HOME and
``PATH=/usr/bin:/bin``, where Debian's ``dot`` lives), from a scratch folder: ``--version`` must say
pyproject.toml's version, ``new``, ``check --format json``, the ArchiMate and SVG exports and the
import of that ArchiMate file must work, an SVG export with no ``dot`` on PATH must fail with the
one-line "install graphviz" message, ``dot`` must not inherit the bundle's library path, the
rule plugin in the user's plugin folder must join the catalogue, the desktop app must start
(offscreen, and under Xvfb when ``xvfb-run`` is there), and the bundle's install-desktop.sh must
install into a scratch HOME.
It exits 1 with ``smoke test FAILED: ...`` at the first check that does not hold.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop_share import APP_ID, MIME_TYPE, ROOT, project_version
from lxml import etree

BUNDLE = ROOT / "dist" / APP_ID
SYSTEM_PATH = "/usr/bin:/bin"
GUI_SECONDS = 6.0
MISSING_DOT = "Graphviz 'dot' is not installed"


class SmokeFailure(Exception):
    """One check did not hold; the message says which and why."""


@dataclass
class Run:
    """The bundle's executable run in an empty environment from one scratch folder."""

    executable: Path
    scratch: Path
    home: Path = field(init=False)

    def __post_init__(self) -> None:
        self.home = self.scratch / "home"
        self.home.mkdir(parents=True, exist_ok=True)

    def command(self, args: Sequence[str], path: str = SYSTEM_PATH, **extra: str) -> list[str]:
        assignments = [f"{name}={value}" for name, value in {"HOME": str(self.home), "PATH": path, **extra}.items()]
        return ["env", "-i", *assignments, str(self.executable), *args]

    def __call__(self, *args: str, expect: int = 0, path: str = SYSTEM_PATH) -> subprocess.CompletedProcess[str]:
        command = self.command(args, path)
        done = subprocess.run(command, cwd=self.scratch, capture_output=True, text=True, timeout=300, check=False)
        if done.returncode != expect:
            raise SmokeFailure(
                f"`{shlex.join(command)}` exited {done.returncode}, expected {expect}\n"
                f"stdout: {done.stdout.strip()}\nstderr: {done.stderr.strip()}"
            )
        return done


def check_version(run: Run) -> str:
    expected = f"steelframe {project_version()}"
    said = run("--version").stdout.strip()
    if said != expected:
        raise SmokeFailure(f"--version said {said!r}, pyproject.toml says {expected!r}")
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        run("--version")
        timings.append(time.perf_counter() - started)
    return f"{said} (best of 3: {min(timings):.2f} s)"


def check_new_and_check(run: Run) -> str:
    run("new", "--template", "retail", "-o", "retail model.steelframe.json")
    json.loads((run.scratch / "retail model.steelframe.json").read_text(encoding="utf-8"))
    report = json.loads(run("check", "retail model.steelframe.json", "--format", "json", expect=1).stdout)
    rules = sorted({violation["rule"] for violation in report["violations"]})
    if "SF001" not in rules:
        raise SmokeFailure(f"check found {rules} on the retail template, which breaks SF001")
    return f"retail template, check --format json: {', '.join(rules)}"


def check_exports(run: Run) -> str:
    model = "retail model.steelframe.json"
    run("export", model, "--to", "archimate", "-o", "retail.xml")
    root = etree.parse(str(run.scratch / "retail.xml")).getroot()
    if etree.QName(root).localname != "model":
        raise SmokeFailure(f"the ArchiMate export's root is {root.tag}, not an exchange-format model")
    run("export", model, "--to", "svg", "--overlay", "-o", "map.svg")
    svg = etree.parse(str(run.scratch / "map.svg")).getroot()
    if etree.QName(svg).localname != "svg":
        raise SmokeFailure(f"the SVG export's root is {svg.tag}")
    return "archimate (exchange format), svg (dot from /usr/bin)"


def check_import(run: Run) -> str:
    run("import", "retail.xml", "-o", "imported.steelframe.json")
    before = json.loads(run("check", "retail model.steelframe.json", "--format", "json", expect=1).stdout)
    after = json.loads(run("check", "imported.steelframe.json", "--format", "json", expect=1).stdout)
    rules = [sorted({v["rule"] for v in report["violations"]}) for report in (before, after)]
    if rules[0] != rules[1]:
        raise SmokeFailure(f"the imported model breaks {rules[1]}, the exported one {rules[0]}")
    return "the exported ArchiMate file comes back with the same violations"


def check_missing_dot(run: Run) -> str:
    empty = run.scratch / "bin-without-dot"
    empty.mkdir(exist_ok=True)
    done = run("export", "retail model.steelframe.json", "--to", "svg", "-o", "nodot.svg", expect=2, path=str(empty))
    if MISSING_DOT not in done.stderr or (run.scratch / "nodot.svg").exists():
        raise SmokeFailure(f"without dot: expected {MISSING_DOT!r} and no file, got stderr {done.stderr.strip()!r}")
    return done.stderr.strip()


def check_child_environment(run: Run) -> str:
    """``dot`` must run with the machine's libraries: no bundle folder on its LD_LIBRARY_PATH."""
    real_dot = shutil.which("dot", path=SYSTEM_PATH)
    if real_dot is None:
        raise SmokeFailure(f"no dot on {SYSTEM_PATH}: apt-get install graphviz")
    spy = run.scratch / "bin-with-spy"
    spy.mkdir(exist_ok=True)
    seen = run.scratch / "dot-environment"
    (spy / "dot").write_text(f'#!/bin/sh\nenv > {shlex.quote(str(seen))}\nexec {shlex.quote(real_dot)} "$@"\n',
                             encoding="utf-8")
    (spy / "dot").chmod(0o755)
    run("export", "retail model.steelframe.json", "--to", "svg", "-o", "spied.svg", path=f"{spy}:{SYSTEM_PATH}")
    leaked = [line for line in seen.read_text(encoding="utf-8").splitlines() if line.startswith("LD_LIBRARY_PATH=")]
    if leaked:
        raise SmokeFailure(f"dot was started with the bundle's library path: {leaked[0]}")
    return "dot ran without the bundle's LD_LIBRARY_PATH"


#: A rule plugin as ``pip install --target`` would lay it out: its module and its dist-info.
PLUGIN_FILES = {
    "smoke_rules.py": (
        "from model.engine import Rule\n"
        "from model.vocabulary import Severity\n"
        "RULE = Rule('SMOKE001', 'Smoke test rule', Severity.INFO, ('context',), lambda reader, subject, params: ())\n"
    ),
    "smoke_rules-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: smoke-rules\nVersion: 1.0\n",
    "smoke_rules-1.0.dist-info/entry_points.txt": "[steelframe.rules]\nsmoke = smoke_rules:RULE\n",
}


def check_plugin(run: Run) -> str:
    """The bundle has no pip: a plugin installed into the user's plugin folder must join the catalogue."""
    folder = run.home / ".local" / "share" / "steelframe" / "plugins"
    for name, text in PLUGIN_FILES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    listed = run("rules").stdout
    shutil.rmtree(folder)
    if "SMOKE001" not in listed:
        raise SmokeFailure(f"a rule plugin in {folder} is not in `steelframe rules`:\n{listed}")
    return "a rule installed into ~/.local/share/steelframe/plugins is in the catalogue"


def _stays_up(command: list[str], cwd: Path, what: str) -> None:
    """Start ``command`` in its own process group; it must still run after GUI_SECONDS (then it is ended)."""
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    try:
        output, _ = process.communicate(timeout=GUI_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
        if "Traceback" in output or "could not load the Qt platform plugin" in output:
            raise SmokeFailure(f"the desktop app ({what}) reported:\n{output.strip()}") from None
        return
    raise SmokeFailure(f"the desktop app ({what}) exited {process.returncode} at once:\n{output.strip()}")


def check_gui(run: Run) -> str:
    model = "retail model.steelframe.json"
    _stays_up(run.command(["gui", model], QT_QPA_PLATFORM="offscreen"), run.scratch, "offscreen")
    if shutil.which("xvfb-run") is None:
        return "started offscreen (no xvfb-run: xcb not tried)"
    # xvfb-run gives its child DISPLAY and XAUTHORITY; env -i passes on just those two
    head = shlex.join(["env", "-i", f"HOME={run.home}", f"PATH={SYSTEM_PATH}"])
    tail = shlex.join([str(run.executable), "gui", model])
    script = f'exec {head} DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" {tail}'
    _stays_up(["xvfb-run", "-a", "sh", "-c", script], run.scratch, "xcb under Xvfb")
    return "started offscreen and on xcb under Xvfb"


def check_desktop_install(run: Run) -> str:
    script = run.executable.parent / "install-desktop.sh"
    command = ["env", "-i", f"HOME={run.home}", f"PATH={SYSTEM_PATH}", "bash", str(script), "--user"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    entry = run.home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    if done.returncode != 0 or not entry.is_file():
        raise SmokeFailure(f"`{shlex.join(command)}` exited {done.returncode}: {done.stderr.strip()}")
    exec_line = next(line for line in entry.read_text(encoding="utf-8").splitlines() if line.startswith("Exec="))
    if str(run.executable) not in exec_line or not exec_line.endswith(" gui %f"):
        raise SmokeFailure(f"{entry} does not open models with {run.executable}: {exec_line}")
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(entry)], check=True, capture_output=True)
    return f"menu entry, icons and {MIME_TYPE} installed into a scratch HOME"


CHECKS: list[tuple[str, Callable[[Run], str]]] = [
    ("--version", check_version),
    ("new + check", check_new_and_check),
    ("export", check_exports),
    ("import", check_import),
    ("no dot", check_missing_dot),
    ("dot's environment", check_child_environment),
    ("rule plugin", check_plugin),
    ("desktop app", check_gui),
    ("desktop integration", check_desktop_install),
]


def build() -> float:
    started = time.perf_counter()
    subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], check=True)
    return time.perf_counter() - started


def say(line: str) -> None:
    sys.stdout.write(f"smoke test: {line}\n")
    sys.stdout.flush()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Steelframe bundle and check it in an empty environment.")
    parser.add_argument("--no-build", action="store_true", help="check the bundle already built")
    parser.add_argument("--bundle", type=Path, default=BUNDLE, help=f"the bundle folder (default {BUNDLE})")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        if not args.no_build:
            say(f"built in {build():.0f} s")
        executable = args.bundle.resolve() / APP_ID
        if not os.access(executable, os.X_OK):
            raise SmokeFailure(f"no executable {executable}: build it with bash packaging/build.sh")
        size = subprocess.run(["du", "-sh", str(args.bundle)], capture_output=True, text=True, check=True)
        say(f"bundle {args.bundle}: {size.stdout.split()[0]}")
        with tempfile.TemporaryDirectory(prefix="steelframe smoke ") as scratch:
            run = Run(executable, Path(scratch))
            for name, check in CHECKS:
                try:
                    say(f"{name}: {check(run)}")
                except (ValueError, KeyError, etree.LxmlError, subprocess.SubprocessError, OSError) as error:
                    raise SmokeFailure(f"{name}: {type(error).__name__}: {error}") from error
    except (SmokeFailure, subprocess.SubprocessError, OSError) as failure:
        sys.stderr.write(f"smoke test FAILED: {failure}\n")
        return 1
    say(f"passed in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
