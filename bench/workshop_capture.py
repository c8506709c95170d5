"""A workshop captured by keyboard only, as issue #12 measures it: xdotool types into the real app under
Xvfb (a 1440x900 window, a blank model): ten contexts, ten flows of all three styles with two named
events, two teams owning contexts, two facts with owners. Names are typed out once; a name said again is
typed until the capture field's suggestion is that name, then Right takes it.

Prints the keystrokes and the wall time, then checks the model the app autosaved (its recovery copy).
Needs the Debian packages xvfb, xdotool and libxcb-cursor0. Not part of the test suite.

    python bench/workshop_capture.py
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from model.fileformat import load_model  # noqa: E402
from model.vocabulary import ElementKind, FlowStyle, RelationKind  # noqa: E402

#: The session: {Name} marks a name (completed when already said), the rest is typed as it is.
SESSION = (
    "{Ordering} -> {Pricing}: query",
    "{Ordering} -> {Payments}: command",
    "{Ordering} -> {Fulfillment}: event {OrderPlaced}",
    "{Fulfillment} -> {Shipping}: command",
    "{Shipping} -> {Notifications}: event {ShipmentDispatched}",
    "{Ordering} -> {Billing}: event {OrderPlaced}",
    "{Billing} -> {Payments}: command",
    "{Ordering} -> {Catalog}: query",
    "{Fulfillment} -> {Inventory}: query",
    "{Billing} -> {Customers}: query",
    "{Checkout team} owns {Ordering}",
    "{Logistics team} owns {Fulfillment}",
    "{Ordering} owns {Order}",
    "{Catalog} owns {Product}",
)
KINDS = [f"{kind.value}:" for kind in ElementKind] + ["db:"]
DISPLAY = ":97"


def suggestions(known: list[str], prefix: str) -> list[str]:
    """What the capture field suggests for ``prefix`` (model.capture.names.completions' order)."""
    wanted = prefix.casefold()
    found = {n: None for n in [*known, *KINDS] if n.casefold().startswith(wanted) and n.casefold() != wanted}
    return sorted(found, key=lambda n: (len(n), n.casefold()))


def keys_for(line: str, known: list[str]) -> list[tuple[str, str]]:
    """The line as xdotool steps: ("type", text) and ("key", name); names said before are completed."""
    steps: list[tuple[str, str]] = []
    for literal, name in re.findall(r"([^{]*)(?:\{([^}]*)\})?", line):
        if literal:
            steps.append(("type", literal))
        if not name:
            continue
        prefix = next((name[:n] for n in range(1, len(name))
                       if name in known and suggestions(known, name[:n])[:1] == [name]), None)
        if prefix is not None and len(prefix) + 1 < len(name):
            steps += [("type", prefix), ("key", "Right")]
        else:
            steps.append(("type", name))
        if name not in known:
            known.append(name)
    return [*steps, ("key", "Return")]


def keystrokes(steps: list[tuple[str, str]]) -> int:
    return sum(len(text) if kind == "type" else 1 for kind, text in steps)


def xdotool(*args: str) -> str:
    return subprocess.run(["xdotool", *args], check=True, capture_output=True, text=True,
                          env={**os.environ, "DISPLAY": DISPLAY}).stdout.strip()


def run() -> int:
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            sys.stderr.write(f"{tool} is missing: apt-get install xvfb xdotool libxcb-cursor0\n")
            return 2
    work = Path(tempfile.mkdtemp(prefix="workshop-"))
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1440x900x24", "-nolisten", "tcp"])
    env = {**os.environ, "DISPLAY": DISPLAY, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(REPO),
           "STEELFRAME_SETTINGS": str(work / "settings.ini"), "STEELFRAME_RECOVERY_DIR": str(work / "recovery")}
    app = None
    try:
        time.sleep(1)
        app = subprocess.Popen([sys.executable, "-m", "app", "gui"], env=env, cwd=REPO)
        window = xdotool("search", "--sync", "--onlyvisible", "--name", "Steelframe").split()[0]
        xdotool("windowsize", window, "1440", "900")
        xdotool("windowfocus", "--sync", window)
        time.sleep(2)
        known: list[str] = []
        plan = [keys_for(line, known) for line in SESSION]
        count = 2  # Ctrl+K once: the field keeps the keyboard after every line
        started = time.monotonic()
        xdotool("key", "ctrl+k")
        for steps in plan:
            for kind, text in steps:
                xdotool("type", "--delay", "12", text) if kind == "type" else xdotool("key", text)
            count += keystrokes(steps)
        wall = time.monotonic() - started
        report = {"lines": len(SESSION), "keystrokes": count, "wall_seconds": round(wall, 1),
                  "typed_out": sum(len(line.replace("{", "").replace("}", "")) + 1 for line in SESSION) + 2}
        report |= check(work / "recovery")
        print(json.dumps(report, indent=2))
        return 0 if report.get("complete") else 1
    finally:
        if app is not None:
            app.kill()
        xvfb.terminate()
        shutil.rmtree(work, ignore_errors=True)


def check(recovery: Path) -> dict[str, object]:
    """Wait for the autosave (every 30 s) and count what the model holds."""
    deadline = time.monotonic() + 45
    while time.monotonic() < deadline and not list(recovery.glob("*.json")):
        time.sleep(1)
    files = list(recovery.glob("*.json"))
    if not files:
        return {"complete": False, "why": "no autosave appeared"}
    model = load_model(files[0])
    styles = sorted(str(f.style) for f in model.relations(RelationKind.FLOW))  # type: ignore[attr-defined]
    counts = {"contexts": len(model.elements(ElementKind.CONTEXT)), "flows": len(styles),
              "flow_styles": sorted(set(styles)), "events": len(model.elements(ElementKind.EVENT)),
              "teams_owning": len(model.relations(RelationKind.TEAM_OWNS)),
              "facts_owned": len(model.relations(RelationKind.OWNS))}
    complete = (counts["contexts"], counts["flows"], counts["events"], counts["teams_owning"],
                counts["facts_owned"]) == (10, 10, 2, 2, 2) and len(set(styles)) == len(
        {FlowStyle.QUERY, FlowStyle.COMMAND, FlowStyle.EVENT})
    return {**counts, "complete": complete}


if __name__ == "__main__":
    sys.exit(run())
