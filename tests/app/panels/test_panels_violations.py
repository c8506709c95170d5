"""The violations panel lists the engine's findings, filters them, leads to their elements and waives
them through a decision that must be accepted first (SF019)."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.document.controller import Document
from app.document.selection import Selection
from app.panels.properties import PropertyEditor
from app.panels.violations import ViolationsPanel
from app.panels.violations_model import ELEMENTS, SEVERITY, WAIVED
from app.panels.waive import WaiveTerms
from app.panels.waive_dialog import WaiveDialog
from model.elements import Decision, Fact
from model.engine import Violation
from model.palette import SEVERITY_COLOURS, WAIVED_COLOUR
from model.vocabulary import DecisionStatus, Severity


@pytest.fixture
def panel(qtbot: QtBot, document: Document, selection: Selection) -> ViolationsPanel:
    widget = ViolationsPanel(document, selection)
    qtbot.addWidget(widget)
    widget.resize(1000, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def rules(panel: ViolationsPanel) -> list[str]:
    return sorted(v.rule for v in panel.shown())


def only(panel: ViolationsPanel, rule: str, waived: bool = False) -> Violation:
    found = [v for v in panel.shown() if v.rule == rule and v.waived == waived]
    assert len(found) == 1, panel.shown()
    return found[0]


def cell(panel: ViolationsPanel, violation: Violation, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    index = panel.row_of(violation)
    return panel.proxy.data(index.siblingAtColumn(column), role)


def click(qtbot: QtBot, panel: ViolationsPanel, violation: Violation) -> None:
    index = panel.row_of(violation)
    panel.view.scrollTo(index)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=panel.view.visualRect(index).center())


def test_the_template_violations_are_listed(panel: ViolationsPanel, document: Document) -> None:
    assert panel.shown() == document.engine.violations()
    assert rules(panel) == ["SF001", "SF003", "SF005", "SF011"]
    sf001 = only(panel, "SF001")
    assert cell(panel, sf001, SEVERITY) == "error"
    assert cell(panel, sf001, SEVERITY, Qt.ItemDataRole.ForegroundRole) == QColor(SEVERITY_COLOURS[Severity.ERROR])
    assert str(cell(panel, sf001, ELEMENTS)).startswith("Product price, Catalog, Pricing")
    assert cell(panel, sf001, WAIVED) == ""
    assert "2 errors" in panel.counts.text() and "2 warnings" in panel.counts.text()
    assert "0 waived" in panel.counts.text()


def test_filters_by_severity_rule_and_text(panel: ViolationsPanel) -> None:
    panel.severity_boxes[Severity.ERROR].setChecked(False)
    assert rules(panel) == ["SF005", "SF011"]
    panel.severity_boxes[Severity.ERROR].setChecked(True)
    panel.rule_combo.setCurrentText("SF003")
    assert rules(panel) == ["SF003"]
    panel.rule_combo.setCurrentText("All rules")
    panel.search.setText("IDEMPOTENT")
    assert rules(panel) == ["SF011"]
    panel.search.setText("erp database")  # an element's name
    assert rules(panel) == ["SF003"]
    panel.search.setText("")
    assert len(panel.shown()) == 4


def test_clicking_a_row_selects_and_reveals_its_elements(qtbot: QtBot, panel: ViolationsPanel,
                                                         selection: Selection) -> None:
    violation = only(panel, "SF003")
    with qtbot.waitSignal(panel.reveal) as signal:
        click(qtbot, panel, violation)
    assert selection.ids == list(violation.elements)
    assert signal.args == [list(violation.elements)]


def test_diffs_add_and_remove_rows_without_a_reset(qtbot: QtBot, panel: ViolationsPanel, document: Document) -> None:
    resets: list[bool] = []
    panel.table.modelReset.connect(lambda: resets.append(True))
    with document.edit("Add an orphan fact") as model:
        model.add_element(Fact(id="fact-return", name="Return"))
    orphan = [v for v in panel.shown() if "fact-return" in v.elements]
    assert [v.rule for v in orphan] == ["SF001"]
    assert "3 errors" in panel.counts.text()
    document.undo_stack.undo()
    assert rules(panel) == ["SF001", "SF003", "SF005", "SF011"]
    assert resets == []


def test_a_rename_shows_in_the_rows_that_name_the_element_and_in_the_search(panel: ViolationsPanel,
                                                                             document: Document) -> None:
    touched: list[Violation] = []
    panel.table.dataChanged.connect(
        lambda first, last: touched.extend(panel.table.rows[first.row():last.row() + 1]))
    with document.edit("Rename") as model:
        model.update_element("ctx-catalog", name="Assortment")
    naming = [v for v in panel.shown() if "ctx-catalog" in v.elements]
    assert len(naming) == 2
    assert all("Assortment" in str(cell(panel, v, ELEMENTS)) for v in naming)
    assert touched and all("ctx-catalog" in v.elements for v in touched)  # only the rows that show it
    panel.search.setText("assortment")
    assert rules(panel) == ["SF001", "SF005"]


def test_rows_equal_to_the_removed_ones_go_too(panel: ViolationsPanel) -> None:
    """A diff that names equal violations (not the engine's own objects) still removes their rows once each."""
    from model.engine import Diff

    sf001 = only(panel, "SF001")
    twin = Violation(**{f: getattr(sf001, f) for f in ("rule", "severity", "message", "elements", "fix", "decision")})
    assert twin == sf001 and twin is not sf001
    panel.table.apply(Diff((), (twin,), 1))
    assert "SF001" not in rules(panel)
    assert len(panel.table.rows) == 3  # one row went, once


def answer_waive_dialog(qtbot: QtBot, justification: str, accept: bool, title: str | None = None) -> list[str]:
    """Fill the Waive dialog when it opens (it is modal) and press Waive; returns what it showed."""
    shown: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, WaiveDialog)
        shown.append(dialog.title.text())
        if title is not None:
            dialog.title.setText(title)
        dialog.accept_now.setChecked(accept)
        qtbot.keyClicks(dialog.justification, justification)
        waive_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert waive_button.isEnabled()
        qtbot.mouseClick(waive_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    return shown


def test_waiving_asks_then_creates_a_decision_and_a_waiver_in_one_step(
        qtbot: QtBot, panel: ViolationsPanel, document: Document, selection: Selection) -> None:
    violation = only(panel, "SF011")
    click(qtbot, panel, violation)
    assert panel.waive_button.isEnabled()
    assert "until the decision's status is accepted" in panel.waive_button.toolTip()
    shown = answer_waive_dialog(qtbot, "Ordering reads it once a day", accept=False)
    qtbot.mouseClick(panel.waive_button, Qt.MouseButton.LeftButton)
    assert shown and shown[0].startswith("Accept SF011: Ordering consumes") and len(shown[0]) <= 80
    assert document.undo_stack.count() == 1 and document.undo_stack.undoText() == "Waive SF011"
    [waiver] = document.model.waivers()
    assert (waiver.rule, waiver.elements) == ("SF011", list(violation.elements))
    decision = document.model.element(waiver.decision)
    assert isinstance(decision, Decision)
    assert decision.status is DecisionStatus.PROPOSED and decision.name == shown[0]
    assert decision.outcome == "Ordering reads it once a day"
    assert decision.problem == violation.message and decision.date == datetime.date.today()
    assert panel.current() == only(panel, "SF011")  # the table stays on the waived violation
    assert only(panel, "SF011").decision is None  # not waived until accepted
    assert "SF019" in rules(panel)
    document.undo_stack.undo()
    assert document.model.waivers() == [] and document.model.find_element(decision.id) is None
    assert "SF019" not in rules(panel)


def test_waive_accepted_now_raises_no_sf019_and_a_second_waive_never_hits_another_row(
        qtbot: QtBot, panel: ViolationsPanel, document: Document) -> None:
    """Defect 5: the selection stays on the waived violation, so Waive… again cannot waive the wrong one."""
    errors = document.counts()["error"]
    violation = only(panel, "SF011")
    click(qtbot, panel, violation)
    answer_waive_dialog(qtbot, "Agreed in the workshop", accept=True, title="Keep the nightly copy")
    qtbot.mouseClick(panel.waive_button, Qt.MouseButton.LeftButton)
    assert "SF019" not in rules(panel) and document.counts()["error"] <= errors
    waived = panel.current()
    assert waived is not None and waived.rule == "SF011" and waived.waived
    assert not panel.waive_button.isEnabled()
    qtbot.mouseClick(panel.waive_button, Qt.MouseButton.LeftButton)  # disabled: nothing happens
    assert len(document.model.waivers()) == 1 and document.undo_stack.count() == 1
    decision = document.model.element(document.model.waivers()[0].decision)
    assert isinstance(decision, Decision) and decision.status is DecisionStatus.ACCEPTED
    assert decision.name == "Keep the nightly copy"


def test_a_cancelled_waive_changes_nothing(qtbot: QtBot, panel: ViolationsPanel, document: Document) -> None:
    click(qtbot, panel, only(panel, "SF011"))

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, WaiveDialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.justification.clear()
        assert not ok.isEnabled()  # an accepted waiver needs a justification
        dialog.reject()

    QTimer.singleShot(0, cancel)
    qtbot.mouseClick(panel.waive_button, Qt.MouseButton.LeftButton)
    assert document.model.waivers() == [] and document.undo_stack.count() == 0


def test_accepting_the_decision_waives_the_row(qtbot: QtBot, panel: ViolationsPanel, document: Document,
                                               selection: Selection) -> None:
    editor = PropertyEditor(document, selection)
    qtbot.addWidget(editor)
    panel.view.setCurrentIndex(panel.row_of(only(panel, "SF003")))
    panel.waive_current(WaiveTerms("Accept SF003"))
    [waiver] = document.model.waivers()
    selection.set([waiver.decision])
    assert editor.subject == waiver.decision
    status = editor.editor("status").widget
    assert isinstance(status, QComboBox)
    status.setCurrentIndex(status.findText("accepted"))
    waived = only(panel, "SF003", waived=True)
    assert waived.decision == waiver.decision
    title = document.model.element(waiver.decision).name
    assert cell(panel, waived, WAIVED) == f"waived ({title})"
    assert cell(panel, waived, SEVERITY, Qt.ItemDataRole.ForegroundRole) == QColor(WAIVED_COLOUR)
    assert "SF019" not in rules(panel) and "1 waived" in panel.counts.text()
    panel.view.setCurrentIndex(panel.row_of(waived))
    assert not panel.waive_button.isEnabled()
    panel.show_waived.setChecked(False)
    assert "SF003" not in rules(panel)
    document.undo_stack.undo()  # back to proposed: the violation is open again
    panel.show_waived.setChecked(True)
    assert only(panel, "SF003").decision is None


def test_waiving_twice_opens_the_pending_decision(panel: ViolationsPanel, document: Document,
                                                  selection: Selection) -> None:
    panel.view.setCurrentIndex(panel.row_of(only(panel, "SF005")))
    panel.waive_current(WaiveTerms("Accept SF005"))
    first = [document.model.waivers()[0].decision]
    panel.view.setCurrentIndex(panel.row_of(only(panel, "SF005")))
    assert panel.waive_button.text() == "Open decision…"
    panel.waive_current()
    assert selection.ids == first and len(document.model.waivers()) == 1
    assert document.undo_stack.count() == 1


def test_a_waiver_violation_is_not_waivable(panel: ViolationsPanel) -> None:
    panel.view.setCurrentIndex(panel.row_of(only(panel, "SF011")))
    panel.waive_current(WaiveTerms("Accept SF011"))
    panel.view.setCurrentIndex(panel.row_of(only(panel, "SF019")))
    assert not panel.waive_button.isEnabled()
    assert str(cell(panel, only(panel, "SF019"), ELEMENTS)).startswith("waiver of SF011, Accept SF011")


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
@pytest.mark.parametrize("column", [SEVERITY, ELEMENTS])
def test_rows_stay_in_the_chosen_order_through_diffs_and_the_selection_follows(
        panel: ViolationsPanel, document: Document, column: int, order: Qt.SortOrder) -> None:
    def keys() -> list[tuple[str, ...]]:
        return [panel.table.sort_key(v, column) for v in panel.table.rows]

    chosen = only(panel, "SF003")
    panel.view.selectRow(panel.proxy.mapFromSource(panel.table.index(panel.table.rows.index(chosen), 0)).row())
    panel.view.sortByColumn(column, order)
    assert keys() == sorted(keys(), reverse=order == Qt.SortOrder.DescendingOrder)
    assert panel.current() is chosen  # sorting keeps the selected row selected
    with document.edit("Two orphan facts") as model:
        model.add_element(Fact(id="fact-a", name="Aardvark"))
        model.add_element(Fact(id="fact-z", name="Zebra"))
    assert keys() == sorted(keys(), reverse=order == Qt.SortOrder.DescendingOrder)
    shown = [panel.proxy.violation(panel.proxy.index(r, 0)) for r in range(panel.proxy.rowCount())]
    assert shown == panel.table.rows  # the proxy keeps the table's order
