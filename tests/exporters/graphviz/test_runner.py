"""The one Graphviz runner that the exports and Arrange share: threshold, fallback, timeout, cancel, missing tool."""

from __future__ import annotations

import random
import shutil
import time
from pathlib import Path

import pytest

from exporters.graphviz.runner import (
    LARGE,
    MISSING,
    GraphvizCancelled,
    GraphvizError,
    GraphvizTimeout,
    dot_then_sfdp,
    engine_for,
    run,
)

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")


def dense(nodes: int, edges: int) -> str:
    """A random cyclic graph: dot needs minutes on 500 nodes and 1,500 edges, sfdp a fraction of a second."""
    pick = random.Random(7)
    lines = [f"  n{pick.randrange(nodes)} -> n{pick.randrange(nodes)};" for _ in range(edges)]
    return "digraph g {\n" + "\n".join(lines) + "\n}\n"


def test_large_graphs_go_to_sfdp_and_small_ones_to_dot() -> None:
    assert (engine_for(LARGE), engine_for(LARGE + 1)) == ("dot", "sfdp")


def test_dot_past_its_budget_gives_way_to_sfdp_with_its_own_text() -> None:
    asked: list[str] = []

    def text_for(engine: str) -> str:
        asked.append(engine)
        return dense(500, 1500)

    drawn = dot_then_sfdp(text_for, ["-Tplain"], engine="dot", dot_budget=0.2, timeout=60)
    assert (drawn.engine, drawn.dot_timed_out, asked) == ("sfdp", True, ["dot", "sfdp"])
    assert drawn.output.startswith(b"graph ")


def test_a_run_past_its_timeout_is_killed_and_said() -> None:
    started = time.monotonic()
    with pytest.raises(GraphvizTimeout, match=r"Graphviz dot took more than 0.3 s"):
        run("dot", dense(500, 1500), ["-Tplain"], 0.3)
    assert time.monotonic() - started < 5


def test_cancel_stops_a_run_within_a_poll() -> None:
    started = time.monotonic()
    with pytest.raises(GraphvizCancelled):
        run("dot", dense(500, 1500), ["-Tplain"], 60, cancelled=lambda: time.monotonic() - started > 0.2)
    assert time.monotonic() - started < 5


def test_bad_input_is_one_line_from_graphviz() -> None:
    with pytest.raises(GraphvizError, match=r"^Graphviz dot could not draw the diagram: .*syntax error"):
        run("dot", "digraph {", ["-Tsvg"], 10)


def test_missing_graphviz_is_one_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GraphvizError) as raised:
        dot_then_sfdp(lambda engine: "digraph { a }", ["-Tsvg"], engine="dot", dot_budget=1, timeout=2)
    assert str(raised.value) == MISSING
