"""The GUI benchmark runs on a small estate, and every edit it times really repaints the edited box."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from bench.gui import KINDS, format_result, run


def test_every_timed_edit_repaints_its_box_before_the_forced_repaint(qtbot: QtBot) -> None:
    result = run(contexts=40, edits=9, seed=3)
    assert result.unpainted == 0
    for by_kind in result.samples.values():
        assert sorted(by_kind) == sorted(KINDS)
        for samples in by_kind.values():
            assert len(samples) == 3
            assert all(0 < repainted <= full for repainted, full in samples)
    table = format_result(result, 9, 3)
    assert "whole estate" in table and "all edits" in table
