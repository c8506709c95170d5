"""Turning DOT into SVG, PNG or PDF with the real Graphviz, within a time budget.

``dot`` gives the clearest layered drawing but can take minutes on a dense cyclic graph of a few
hundred nodes; ``sfdp`` takes a fraction of a second. A graph that asks for sfdp (``layout=sfdp``)
or holds more than ``LARGE`` nodes goes to sfdp; any other goes to dot, and to sfdp when dot runs
past its budget. Every run has a timeout, and a missing Graphviz or a layout that never ends is a
one-line ModelError, not a traceback or a hung export.

The ``graphviz`` package's ``pipe`` has no timeout (0.21), so the tool is run the way it runs it:
``dot -Glayout=<engine> -T<format>`` with the DOT on stdin.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass

from exporters.graphviz.dot import LARGE
from model.errors import ModelError

log = logging.getLogger(__name__)

FORMATS = ("svg", "png", "pdf")
#: Seconds dot may take before the same graph goes to sfdp instead.
DOT_BUDGET = 20.0
#: Seconds sfdp may take before the export gives up.
SFDP_TIMEOUT = 120.0
MISSING = "Graphviz 'dot' is not installed: apt-get install graphviz"
#: Largest drawing, in inches, per format: a dense view drawn by dot can be hundreds of inches wide,
#: which as a bitmap is gigabytes and as a PDF page is more than readers open; larger ones are scaled down.
MAX_SIZE = {"png": "100,100", "pdf": "200,200"}

_LAYOUT = re.compile(r"\blayout\s*=\s*\"?(dot|sfdp)\b")
_NODE = re.compile(r'^\s*(?!(?:graph|node|edge|subgraph)\b)("(?:[^"\\]|\\.)*"|[\w.]+)\s*\[(?!.*->)', re.MULTILINE)


class LayoutTimeout(ModelError):
    """A Graphviz layout ran past its time."""


@dataclass(frozen=True)
class Rendering:
    """What Graphviz drew, with the engine that drew it and how long it took."""

    data: bytes
    engine: str
    seconds: float


def render(dot_text: str, fmt: str) -> bytes:
    """``dot_text`` drawn as ``fmt`` (svg, png or pdf)."""
    return lay_out(dot_text, fmt).data


def engine_for(dot_text: str) -> str:
    """The engine the graph asks for (``layout=dot`` or ``layout=sfdp``), else sfdp if it is large, else dot."""
    asked = _LAYOUT.search(dot_text)
    if asked:
        return asked.group(1)
    return "sfdp" if len(_NODE.findall(dot_text)) > LARGE else "dot"


def lay_out(
    dot_text: str, fmt: str, *, budget: float = DOT_BUDGET, fallback: Callable[[], str] | None = None,
) -> Rendering:
    """Draw with the engine the graph calls for; past dot's ``budget``, draw with sfdp instead.

    sfdp draws no clusters, so a caller that made ``dot_text`` with clusters passes ``fallback``,
    which makes the flat text of the same diagram (the exporter passes ``to_dot(..., layout="sfdp")``);
    without it sfdp draws the same text.
    """
    if fmt not in FORMATS:
        raise ModelError(f"Graphviz cannot write {fmt!r} here: choose one of {', '.join(FORMATS)}")
    if engine_for(dot_text) == "dot":
        try:
            return run("dot", dot_text, fmt, budget)
        except LayoutTimeout:
            log.info("dot took more than %g s; laying out with sfdp instead", budget)
            if fallback is not None:
                dot_text = fallback()
    return run("sfdp", dot_text, fmt, SFDP_TIMEOUT)


def run(engine: str, dot_text: str, fmt: str, timeout: float) -> Rendering:
    """One Graphviz run of ``engine`` with a timeout; failures become ModelError."""
    executable = shutil.which("dot")
    if executable is None:
        raise ModelError(MISSING)
    command = [executable, f"-Glayout={engine}", f"-T{fmt}"]  # -G overrides the graph's own layout, -K would not
    if fmt in MAX_SIZE:
        command.append(f"-Gsize={MAX_SIZE[fmt]}")
    started = time.perf_counter()
    try:
        done = subprocess.run(
            command, input=dot_text.encode("utf-8"), capture_output=True, timeout=timeout, check=False,
        )
    except FileNotFoundError:
        raise ModelError(MISSING) from None
    except subprocess.TimeoutExpired:
        raise LayoutTimeout(f"Graphviz {engine} took more than {timeout:g} s to lay out the diagram") from None
    problem = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != 0 or not done.stdout:
        reason = problem.splitlines()[0] if problem else f"exit code {done.returncode}"
        raise ModelError(f"Graphviz {engine} could not draw the diagram: {reason}")
    if problem:
        log.debug("graphviz %s: %s", engine, problem)
    return Rendering(done.stdout, engine, time.perf_counter() - started)
