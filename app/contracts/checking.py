"""Drift of one open document against one folder of contracts, kept current as the model changes.

After every transaction (edits, undo, redo) the drift findings are computed again and the change
goes to the document as a diff, like the engine's: the violations panel, the counts and the canvas
badges show them with the others. A finding that shows something the model lacks can be added.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.document.controller import Document
from exporters.contracts.adding import add_found
from exporters.contracts.drift import check_drift
from exporters.contracts.estate import Estate
from exporters.contracts.placing import WIDTH
from exporters.contracts.scope import Drift
from model.elements import ElementBase
from model.engine import Diff, Violation
from model.views import Bounds

GAP = 40.0


class ContractCheck(QObject):
    def __init__(self, document: Document, estate: Estate, source: str) -> None:
        super().__init__(document)
        self.document = document
        self.estate = estate
        self.source = source
        self.drifts: dict[Violation, Drift] = {}
        self.document.committed.connect(self.refresh)
        self.refresh()

    def refresh(self, _committed: object = None) -> None:
        found = {drift.violation: drift for drift in check_drift(self.document.model, self.estate)}
        added = tuple(v for v in found if v not in self.drifts)
        removed = tuple(v for v in self.drifts if v not in found)
        self.drifts = found
        if added or removed:
            self.document.report(Diff(added, removed, len(found)))

    def detach(self) -> None:
        """Take the findings back out of the document (another folder is checked, or none)."""
        self.document.committed.disconnect(self.refresh)
        if self.drifts:
            self.document.report(Diff((), tuple(self.drifts), 0))
        self.drifts = {}

    def can_add(self, violation: Violation | None) -> bool:
        drift = self.drifts.get(violation) if violation is not None else None
        return drift is not None and bool(drift.additions)

    def add(self, violation: Violation, view_id: str | None) -> list[str]:
        """Add what the finding shows the model lacks, in one undo step, shown in ``view_id``."""
        drift = self.drifts[violation]
        with self.document.edit(f"Add from contracts: {violation.rule}") as model:
            added = add_found(model, drift)
            if view_id is not None:
                layouts = model.layouts(view_id)
                right = max((b.x + b.w for b in layouts.values() if isinstance(b, Bounds)), default=0.0)
                row = 0
                for item_id in added:
                    item = model.find_element(item_id)
                    if isinstance(item, ElementBase):
                        model.place(view_id, item_id, Bounds(x=right + GAP, y=GAP + row * (80 + GAP), w=WIDTH))
                        row += 1
                for item_id in added:
                    relation = model.find_relation(item_id)
                    if relation is not None and {relation.source, relation.target} <= set(model.layouts(view_id)):  # type: ignore[attr-defined]
                        model.route(view_id, item_id)
        return added
