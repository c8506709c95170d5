"""Turning DOT into SVG, PNG or PDF with the real Graphviz, within a time budget.

A graph that asks for sfdp (``layout=sfdp``) or holds more than ``runner.LARGE`` nodes is drawn by
sfdp; any other by dot, and by sfdp when dot runs past its budget (``runner.dot_then_sfdp``). A
missing Graphviz or a layout that never ends is a one-line ModelError, not a traceback or a hung
export.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from exporters.graphviz.runner import LARGE, dot_then_sfdp
from model.errors import ModelError

FORMATS = ("svg", "png", "pdf")
#: Seconds dot may take before the same graph goes to sfdp instead.
DOT_BUDGET = 20.0
#: Seconds the whole drawing may take before the export gives up.
TIMEOUT = 140.0
#: Largest drawing, in inches, per format: a dense view drawn by dot can be hundreds of inches wide,
#: which as a bitmap is gigabytes and as a PDF page is more than readers open; larger ones are scaled down.
MAX_SIZE = {"png": "100,100", "pdf": "200,200"}

_LAYOUT = re.compile(r"\blayout\s*=\s*\"?(dot|sfdp)\b")
_NODE = re.compile(r'^\s*(?!(?:graph|node|edge|subgraph)\b)("(?:[^"\\]|\\.)*"|[\w.]+)\s*\[(?!.*->)', re.MULTILINE)


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
    dot_text: str, fmt: str, *, budget: float = DOT_BUDGET, timeout: float = TIMEOUT,
    fallback: Callable[[], str] | None = None,
) -> Rendering:
    """Draw with the engine the graph calls for; past dot's ``budget``, draw with sfdp instead, all
    within ``timeout`` seconds.

    sfdp draws no clusters, so a caller that made ``dot_text`` with clusters passes ``fallback``,
    which makes the flat text of the same diagram (the exporter passes ``to_dot(..., layout="sfdp")``);
    without it sfdp draws the same text.
    """
    if fmt not in FORMATS:
        raise ModelError(f"Graphviz cannot write {fmt!r} here: choose one of {', '.join(FORMATS)}")
    arguments = [f"-T{fmt}"] + ([f"-Gsize={MAX_SIZE[fmt]}"] if fmt in MAX_SIZE else [])

    def text_for(engine: str) -> str:
        return fallback() if engine == "sfdp" and fallback is not None and engine_for(dot_text) == "dot" else dot_text

    drawn = dot_then_sfdp(text_for, arguments, engine=engine_for(dot_text), dot_budget=budget,
                          timeout=timeout)
    return Rendering(drawn.output, drawn.engine, drawn.seconds)
