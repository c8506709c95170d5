"""Model > Check Against Contracts… and Model > Add Found to Model."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.contracts.checking import ContractCheck
from app.document.controller import Document
from app.printing.commands import busy
from app.window.docks import Panels
from app.window.host import WindowHost
from app.window.views_tabs import ViewTabs
from exporters.contracts import read_contracts
from model.errors import ModelError


class Host(WindowHost, Protocol):
    document: Document
    panels: Panels | None
    tabs: ViewTabs


class ContractCommands:
    def __init__(self, host: Host) -> None:
        self.host = host
        self.check: ContractCheck | None = None
        self.last_folder: Path | None = None

    def current(self) -> ContractCheck | None:
        """The check of the document the window shows (a check of a closed document is dropped)."""
        if self.check is not None and self.check.document is not self.host.document:
            self.check = None
        return self.check

    def check_against(self, folder: Path | None = None) -> ContractCheck | None:
        """Read a folder of AsyncAPI documents and catalog files and show the model's drift from it."""
        if folder is None:
            start = self.last_folder or (self.host.document.path.parent if self.host.document.path else Path.home())
            name = QFileDialog.getExistingDirectory(self.host.widget(), "Check against contracts", str(start))
            if not name:
                return None
            folder = Path(name)
        try:
            with busy():
                estate = read_contracts([str(folder)])
        except (ModelError, OSError) as error:
            QMessageBox.warning(self.host.widget(), "Check against contracts", str(error))
            return None
        previous = self.current()
        if previous is not None:
            previous.detach()
        self.check = ContractCheck(self.host.document, estate, str(folder))
        self.last_folder = folder
        count = len(self.check.drifts)
        applications = len(estate.applications)
        self.host.show_status(f"Drift against {folder} ({applications} applications): {count} findings")
        return self.check

    def add_found(self) -> list[str]:
        """Add what the current violation (a drift finding) shows the model lacks: one undo step."""
        check = self.current()
        violation = self.host.panels.violations.current() if self.host.panels is not None else None
        if check is None or violation is None or not check.can_add(violation):
            self.host.show_status("Choose a drift finding (SF1xx) that shows something the model lacks")
            return []
        added = check.add(violation, self.host.tabs.current_view_id())
        self.host.show_status(f"Added {', '.join(added)} from the contracts")
        return added
