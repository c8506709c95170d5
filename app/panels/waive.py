"""Waiving a violation: a proposed decision record and a waiver naming the violation exactly.

The waiver takes effect only once the decision is accepted (SF019 reports it until then), so a
waiver is a request for a decision, never a way to hide a violation.
"""

from __future__ import annotations

import datetime
import textwrap

from app.document.controller import Document
from model.elements import Decision
from model.engine import Violation
from model.ids import new_id
from model.settings import Waiver
from model.vocabulary import DecisionStatus

TITLE_WIDTH = 80


def waiving_decision(document: Document, violation: Violation) -> str | None:
    """The decision of a waiver that already names this violation (accepted or not), if any."""
    model = document.model
    key = (violation.rule, frozenset(violation.elements))
    for waiver in model.waivers():
        if waiver.key == key and model.find_element(waiver.decision) is not None:
            return waiver.decision
    return None


def waive(document: Document, violation: Violation) -> str:
    """Create the decision and the waiver in one undo step; returns the decision's id."""
    title = textwrap.shorten(f"Accept {violation.rule}: {violation.message}", TITLE_WIDTH, placeholder=" …")
    decision = Decision(
        id=new_id("decision"),
        name=title,
        status=DecisionStatus.PROPOSED,
        problem=violation.message,
        date=datetime.date.today(),
    )
    waiver = Waiver(
        id=new_id("waiver"), decision=decision.id, rule=violation.rule, elements=list(violation.elements)
    )
    with document.edit(f"Waive {violation.rule}") as model:
        model.add_element(decision)
        model.add_waiver(waiver)
    return decision.id
