"""Model > Arrange: Graphviz lays a view out off the GUI thread and the window writes it as one undo step."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.canvas.scene import DiagramScene
from app.document.controller import Document
from app.files.recovery import RecoveryStore
from app.window.mainwindow import MainWindow
from bench.layout import estate_view
from exporters.graphviz.layout import arranged_bounds, graph_for_view, run_layout
from exporters.graphviz.runner import MISSING
from model.templates import build_template
from model.views import Bounds, Point, Route

MakeWindow = Callable[[Document], MainWindow]


def _overlap(a: Bounds, b: Bounds) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def _inside(inner: Bounds, outer: Bounds) -> bool:
    return outer.x <= inner.x and outer.y <= inner.y and inner.x + inner.w <= outer.x + outer.w \
        and inner.y + inner.h <= outer.y + outer.h


def _view(document: Document, name: str) -> str:
    return next(v.id for v in document.model.views() if v.name == name)


def _boxes(document: Document, view_id: str) -> dict[str, Bounds]:
    return {i: b for i, b in document.model.layouts(view_id).items() if isinstance(b, Bounds)}


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MakeWindow]:
    made: list[MainWindow] = []

    def make(document: Document) -> MainWindow:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(document, settings=settings, recovery=RecoveryStore(tmp_path / "recovery"))
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        qtbot.waitUntil(lambda w=window: not w.arranger.running, timeout=60_000)
        window.document.undo_stack.setClean()
        window.close()


def _arrange(window: MainWindow, qtbot: QtBot, view_id: str) -> str:
    window.tabs.setCurrentWidget(window.tabs.pages[view_id])
    with qtbot.waitSignal(window.arranger.finished, timeout=60_000) as blocker:
        window.action_map["arrange"].trigger()
        assert window.arranger.running  # the layout runs in a worker: the event loop is free meanwhile
    return str(blocker.args[0])


def test_the_context_map_is_laid_out_without_overlaps_and_services_stay_inside() -> None:
    model = build_template("retail")
    document = Document(model)
    view_id = _view(document, "Context map")
    graph = graph_for_view(model, view_id)
    result = run_layout(graph, 30)
    assert result.engine == "dot"
    bounds = arranged_bounds(graph, result.positions)
    assert bounds.keys() == _boxes(document, view_id).keys()
    assert len({(b.x, b.y) for b in bounds.values()}) == len(bounds)
    top = [bounds[i] for i in graph.nodes]
    assert not any(_overlap(a, b) for n, a in enumerate(top) for b in top[n + 1:])
    assert graph.clusters  # the map draws services inside their contexts
    for context_id, held in graph.clusters.items():
        for child in held:
            assert model.container_of(child.id) == context_id
            assert _inside(bounds[child.id], bounds[context_id])
    document.close()


def test_arrange_through_the_window_is_one_undo_step(make_window: MakeWindow, qtbot: QtBot) -> None:
    document = Document(build_template("retail"))
    window = make_window(document)
    view_id = _view(document, "Context map")
    other = _view(document, "Order to cash")
    flow = next(i for i, r in document.model.layouts(view_id).items() if isinstance(r, Route))
    with document.edit("Bend a flow") as model:
        model.route(view_id, flow, Route(bends=[Point(x=5, y=5)]))
    before, elsewhere = document.model.layouts(view_id), document.model.layouts(other)
    steps = document.undo_stack.count()

    message = _arrange(window, qtbot, view_id)

    assert message.startswith("Arranged"), message
    assert document.undo_stack.count() == steps + 1
    assert document.undo_stack.undoText() == "Arrange view"
    after = document.model.layouts(view_id)
    assert after != before and after.keys() == before.keys()
    assert all(not r.bends for r in after.values() if isinstance(r, Route))
    assert document.model.layouts(other) == elsewhere
    scene = window.tabs.current_scene()
    assert isinstance(scene, DiagramScene)
    _scene_matches_model(scene, document, view_id)

    document.undo_stack.undo()
    assert document.model.layouts(view_id) == before
    assert document.undo_stack.count() == steps + 1  # the canvas did not write a move of its own
    _scene_matches_model(scene, document, view_id)
    document.undo_stack.redo()
    assert document.model.layouts(view_id) == after
    _scene_matches_model(scene, document, view_id)


def _scene_matches_model(scene: DiagramScene, document: Document, view_id: str) -> None:
    for element_id, bounds in _boxes(document, view_id).items():
        drawn = scene.elements[element_id].scene_bounds()
        assert (round(drawn.x(), 1), round(drawn.y(), 1)) == (round(bounds.x, 1), round(bounds.y, 1)), element_id


def test_a_large_view_goes_to_sfdp_and_finishes(make_window: MakeWindow, qtbot: QtBot) -> None:
    model, view_id = estate_view(120, 3, neighbours=True)  # contexts with services, teams, datastores
    large = graph_for_view(model, view_id)
    assert len(large) > 150 and large.clusters
    document = Document(model)
    window = make_window(document)
    before = _boxes(document, view_id)

    message = _arrange(window, qtbot, view_id)

    assert message.startswith("Arranged"), message
    assert window.arranger.last_engine == "sfdp"
    after = _boxes(document, view_id)
    assert after.keys() == before.keys() and after != before
    boxes = [after[i] for i in large.nodes]
    assert not any(_overlap(a, b) for n, a in enumerate(boxes) for b in boxes[n + 1:])
    for context_id, held in large.clusters.items():
        assert all(_inside(after[child.id], after[context_id]) for child in held)


def test_without_graphviz_arrange_refuses_and_changes_nothing(
        make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = Document(build_template("retail"))
    window = make_window(document)
    view_id = _view(document, "Context map")
    empty = tmp_path / "no-graphviz"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    before, steps = document.model.layouts(view_id), document.undo_stack.count()

    message = _arrange(window, qtbot, view_id)

    assert message == MISSING
    assert window.statusBar().currentMessage() == MISSING
    assert document.model.layouts(view_id) == before
    assert document.undo_stack.count() == steps


def test_an_edit_during_the_layout_wins_and_cancel_leaves_the_view(make_window: MakeWindow, qtbot: QtBot) -> None:
    document = Document(build_template("retail"))
    window = make_window(document)
    view_id = _view(document, "Context map")
    steps = document.undo_stack.count()
    window.tabs.setCurrentWidget(window.tabs.pages[view_id])
    with qtbot.waitSignal(window.arranger.finished, timeout=60_000) as blocker:
        window.action_map["arrange"].trigger()
        window.arranger.cancel()
    assert str(blocker.args[0]).startswith("Arrange cancelled")
    assert document.undo_stack.count() == steps

    with qtbot.waitSignal(window.arranger.finished, timeout=60_000) as blocker:
        window.action_map["arrange"].trigger()
        window.tabs.rename_view(view_id, "Map")  # an edit while Graphviz works
    assert "changed" in str(blocker.args[0])
    assert document.undo_stack.undoText() == "Rename view Context map"
