"""The one way Steelframe runs Graphviz: ``dot`` first, ``sfdp`` when the graph is large or dot runs
past its budget, every run with a timeout and a way to cancel it.

``dot`` draws the clearest layered picture but ran for over ten minutes on a cyclic graph of 500
nodes and 1,500 edges, while ``sfdp`` took a tenth of a second. So a graph of more than ``LARGE``
nodes goes straight to sfdp, and a smaller one goes to dot for at most its budget, then to sfdp
for what is left of the timeout. The exports (``engines``) and the app's Arrange (``layout.run``)
both come here, so they share the threshold, the timeouts, the error types and the message when
Graphviz is missing.

The ``graphviz`` package's ``pipe`` has no timeout (0.21), so the tool is run the way it runs it:
``dot -Glayout=<engine> ...`` with the DOT on stdin (``-G`` overrides the graph's own layout).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from model.errors import ModelError

log = logging.getLogger(__name__)

MISSING = "Graphviz 'dot' is not installed: apt-get install graphviz"
#: Graphs with more nodes than this go straight to sfdp.
LARGE = 150
_POLL = 0.05


class GraphvizError(ModelError):
    """Graphviz could not draw or lay out the graph; the message is said to the user."""


class GraphvizTimeout(GraphvizError):
    """A Graphviz run went past its time."""


class GraphvizCancelled(GraphvizError):
    """The user cancelled the run."""


@dataclass(frozen=True)
class GraphvizRun:
    """What one engine wrote, which engine it was, whether dot gave way to it, and how long it all took."""

    output: bytes
    engine: str
    seconds: float
    dot_timed_out: bool = False


def never() -> bool:
    return False


def executable() -> str:
    """The ``dot`` program (sfdp is run as ``dot -Glayout=sfdp``); GraphvizError when it is missing."""
    path = shutil.which("dot")
    if path is None:
        raise GraphvizError(MISSING)
    return path


def engine_for(nodes: int) -> str:
    return "sfdp" if nodes > LARGE else "dot"


def run(engine: str, text: str, arguments: Sequence[str], timeout: float,
        cancelled: Callable[[], bool] = never) -> GraphvizRun:
    """One run of ``engine`` on ``text`` with the output ``arguments`` (``-Tsvg`` …), killed at ``timeout``."""
    command = [executable(), f"-Glayout={engine}", *arguments]
    started = time.monotonic()
    try:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError:
        raise GraphvizError(MISSING) from None
    out, err = _communicate(process, text.encode("utf-8"), engine=engine, deadline=started + timeout, timeout=timeout,
                            cancelled=cancelled)
    problem = err.decode("utf-8", "replace").strip()
    if process.returncode != 0 or not out:
        reason = problem.splitlines()[0] if problem else f"exit code {process.returncode}"
        raise GraphvizError(f"Graphviz {engine} could not draw the diagram: {reason}")
    if problem:
        log.debug("graphviz %s: %s", engine, problem)
    return GraphvizRun(out, engine, time.monotonic() - started)


def _communicate(process: subprocess.Popen[bytes], data: bytes, *, engine: str, deadline: float, timeout: float,
                 cancelled: Callable[[], bool]) -> tuple[bytes, bytes]:
    """The process's output, polling so that a cancel or the deadline kills it within ``_POLL`` seconds."""
    pending: bytes | None = data
    try:
        while True:
            try:
                return process.communicate(pending, timeout=min(_POLL, max(deadline - time.monotonic(), 0.001)))
            except subprocess.TimeoutExpired:
                pending = None  # the input went in with the first call
                if cancelled():
                    raise GraphvizCancelled("cancelled") from None
                if time.monotonic() >= deadline:
                    raise GraphvizTimeout(f"Graphviz {engine} took more than {timeout:g} s") from None
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def dot_then_sfdp(text_for: Callable[[str], str], arguments: Sequence[str], *, engine: str, dot_budget: float,
                  timeout: float, cancelled: Callable[[], bool] = never) -> GraphvizRun:
    """Run ``engine``; when it is dot and runs past ``dot_budget``, sfdp draws ``text_for("sfdp")``
    in what is left of ``timeout`` (at least a second). ``text_for`` makes the text for an engine:
    sfdp draws no clusters, so a caller may give it a flat graph."""
    started = time.monotonic()
    if engine == "dot":
        executable()  # both engines come with the graphviz package: say so before trying either
        try:
            return run("dot", text_for("dot"), arguments, min(dot_budget, timeout), cancelled)
        except GraphvizTimeout:
            log.info("dot took more than %g s; laying out with sfdp instead", dot_budget)
        remaining = max(timeout - (time.monotonic() - started), 1.0)
        drawn = run("sfdp", text_for("sfdp"), arguments, remaining, cancelled)
        return GraphvizRun(drawn.output, "sfdp", time.monotonic() - started, dot_timed_out=True)
    return run(engine, text_for(engine), arguments, timeout, cancelled)
