"""The violations panel: what the live engine finds, filtered, each row leading to its elements and
to a decision that may waive it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.document.controller import Document
from app.document.selection import Selection
from app.panels.violations_model import MESSAGE, RULE, ViolationFilter, ViolationTable
from app.panels.waive import WaiveTerms, waive, waiving_decision
from app.panels.waive_dialog import ask_terms
from model.changes import Committed, ElementChange
from model.diff.violations import Key
from model.engine import Diff, Violation
from model.palette import SEVERITY_COLOURS, WAIVED_COLOUR
from model.vocabulary import Severity

ALL_RULES = "All rules"
#: Waiving the rule about waivers would only hide a dangling or unaccepted waiver: not offered.
UNWAIVABLE = frozenset({"SF019"})
WAIVE_TIP = (
    "Record a decision (title, justification; accepted now or left proposed) and a waiver naming exactly "
    "this violation.\nA proposed one keeps the violation open (and SF019 reports the waiver) until the "
    "decision's status is accepted."
)
Index = QModelIndex | QPersistentModelIndex


class ViolationsPanel(QWidget):
    """A table of every violation; clicking a row selects its elements and asks the canvas to reveal them."""

    reveal = Signal(list)  # ids to centre on the canvas

    def __init__(self, document: Document, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.selection = selection
        self.table = ViolationTable(document, self)
        self.proxy = ViolationFilter(self.table, self)
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.severity_boxes = {severity: QCheckBox(f"{severity}s") for severity in Severity}
        self.show_waived = QCheckBox("show waived")
        self.new_only = QCheckBox("new since the baseline only")
        self.new_only.setToolTip("Compare the model first (File → Compare With…): then hide what the baseline had too")
        self.new_only.setVisible(False)
        self.baseline: set[Key] | None = None
        self.rule_combo = QComboBox()
        self.rule_combo.setAccessibleName("Rule")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter by text")
        self.search.setClearButtonEnabled(True)
        self.waive_button = QPushButton("Waive…")
        self.waive_button.setToolTip(WAIVE_TIP)
        self.view = self._make_view()
        self._layout()
        self._connect()
        self._refresh_rules()
        self._refresh_counts()
        self._update_actions()

    def _make_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.proxy)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSortingEnabled(True)
        view.sortByColumn(RULE, Qt.SortOrder.AscendingOrder)
        view.verticalHeader().setVisible(False)
        view.setWordWrap(False)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MESSAGE, QHeaderView.ResizeMode.Stretch)
        return view

    def _layout(self) -> None:
        filters = QHBoxLayout()
        for box in (*self.severity_boxes.values(), self.show_waived):
            box.setChecked(True)
            filters.addWidget(box)
        filters.addWidget(self.new_only)
        filters.addWidget(self.rule_combo)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.waive_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.counts)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)

    def _connect(self) -> None:
        for box in (*self.severity_boxes.values(), self.show_waived):
            box.toggled.connect(self._filter)
        self.new_only.toggled.connect(lambda on: self.proxy.set_baseline(self.baseline if on else None))
        self.rule_combo.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)
        self.waive_button.clicked.connect(self._waive_asked)
        self.view.clicked.connect(self._row_chosen)
        self.view.activated.connect(self._row_chosen)
        self.view.selectionModel().currentRowChanged.connect(self._update_actions)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.document.violations_changed.connect(self._on_diff)
        self.document.committed.connect(self._on_commit)

    def set_baseline(self, baseline: set[Key] | None, source: str = "") -> None:
        """The violations of a compared model: the "new since the baseline only" filter becomes available."""
        self.baseline = baseline
        self.new_only.setVisible(baseline is not None)
        self.new_only.setText(f"new since {source} only" if source else "new since the baseline only")
        self.proxy.set_baseline(baseline if baseline is not None and self.new_only.isChecked() else None)

    # ----------------------------------------------------------------- follow

    def _on_diff(self, diff: Diff) -> None:
        self.table.apply(diff)
        if any(v.rule not in self._rules_listed() for v in diff.added):
            self._refresh_rules()
        self._refresh_counts()
        self._update_actions()

    def _on_commit(self, committed: Committed) -> None:
        renamed = {
            c.id for c in committed.changes
            if isinstance(c, ElementChange) and (c.old is None or c.new is None or c.old.name != c.new.name)
        }
        if renamed:
            self.table.names_changed(renamed)

    def _refresh_counts(self) -> None:
        counts = self.document.counts()
        parts = [
            f'<span style="color:{SEVERITY_COLOURS[s]}">{counts[str(s)]} {s}{"s" if counts[str(s)] != 1 else ""}</span>'
            for s in Severity
        ]
        parts.append(f'<span style="color:{WAIVED_COLOUR}">{counts["waived"]} waived</span>')
        self.counts.setText(" · ".join(parts))

    def _rules_listed(self) -> list[str]:
        return [self.rule_combo.itemText(i) for i in range(1, self.rule_combo.count())]

    def _refresh_rules(self) -> None:
        """Offer every rule seen so far (a rule stays listed after its last row goes)."""
        current = self.rule_combo.currentText()
        rules = sorted({*self._rules_listed(), *(v.rule for v in self.table.rows)})
        self.rule_combo.blockSignals(True)
        self.rule_combo.clear()
        self.rule_combo.addItems([ALL_RULES, *rules])
        self.rule_combo.setCurrentText(current if current in rules else ALL_RULES)
        self.rule_combo.blockSignals(False)

    # ---------------------------------------------------------------- filters

    def _filter(self) -> None:
        rule = self.rule_combo.currentText()
        self.proxy.set_filter(
            severities=[s for s, box in self.severity_boxes.items() if box.isChecked()],
            rule=None if rule in ("", ALL_RULES) else rule,
            text=self.search.text(),
            show_waived=self.show_waived.isChecked(),
        )
        self._update_actions()

    def shown(self) -> list[Violation]:
        """The violations the table shows, top to bottom."""
        found = (self.proxy.violation(self.proxy.index(row, 0)) for row in range(self.proxy.rowCount()))
        return [v for v in found if v is not None]

    def row_of(self, violation: Violation) -> QModelIndex:
        """The shown row of ``violation`` (invalid when filtered out)."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.violation(index) == violation:
                return index
        return QModelIndex()

    # ---------------------------------------------------------------- actions

    def current(self) -> Violation | None:
        index = self.view.currentIndex()
        return self.proxy.violation(index) if index.isValid() else None

    def _row_chosen(self, index: Index) -> None:
        violation = self.proxy.violation(index)
        if violation is None:
            return
        ids = [item_id for item_id in violation.elements if item_id in self.document.model]
        self.selection.set(ids)
        self.reveal.emit(ids)

    def waive_current(self, terms: WaiveTerms | None = None) -> None:
        """Waive… asks for the terms (unless given), then keeps the table on the waived violation."""
        violation = self.current()
        if violation is None or violation.waived or violation.rule in UNWAIVABLE:
            return
        pending = waiving_decision(self.document, violation)
        if pending is not None:
            self.selection.set([pending])
            return
        terms = terms or ask_terms(violation, self)
        if terms is None:
            return
        waive(self.document, violation, terms)
        self._stay_on(violation)

    def _waive_asked(self) -> None:
        self.waive_current()  # a button's "checked" argument is not the terms

    def _stay_on(self, violation: Violation) -> None:
        """Keep the row (now waived or still open) current; hidden by the filter, no row is current."""
        key = (violation.rule, violation.elements)
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            shown = self.proxy.violation(index)
            if shown is not None and (shown.rule, shown.elements) == key:
                self.view.setCurrentIndex(index)
                break
        else:
            self.view.selectionModel().clearCurrentIndex()
            self.view.clearSelection()
        self._update_actions()

    def _update_actions(self) -> None:
        violation = self.current()
        pending = violation is not None and waiving_decision(self.document, violation) is not None
        self.waive_button.setEnabled(
            violation is not None and not violation.waived and violation.rule not in UNWAIVABLE
        )
        self.waive_button.setText("Open decision…" if pending else "Waive…")

    def _context_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction("Select elements", lambda: self._row_chosen(index))
        waive_action = menu.addAction(self.waive_button.text(), self._waive_asked)
        waive_action.setToolTip(WAIVE_TIP)
        waive_action.setEnabled(self.waive_button.isEnabled())
        menu.setToolTipsVisible(True)
        menu.exec(self.view.viewport().mapToGlobal(position))
