"""Waiving a violation: a decision record and a waiver naming the violation exactly.

The waiver takes effect only once the decision is accepted (SF019 reports it until then). The Waive
dialog asks for the justification and whether the room accepts it now or leaves it proposed.
"""

from __future__ import annotations

import datetime
import textwrap
from dataclasses import dataclass

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


@dataclass(frozen=True)
class WaiveTerms:
    """What the Waive dialog asks: the decision's title, why the violation is accepted, accepted now or not."""

    title: str
    justification: str = ""
    accept: bool = False


def default_title(violation: Violation) -> str:
    return textwrap.shorten(f"Accept {violation.rule}: {violation.message}", TITLE_WIDTH, placeholder=" …")


def waive(document: Document, violation: Violation, terms: WaiveTerms | None = None) -> str:
    """Create the decision and the waiver in one undo step; returns the decision's id."""
    terms = terms or WaiveTerms(default_title(violation))
    decision = Decision(
        id=new_id("decision"),
        name=terms.title.strip() or default_title(violation),
        status=DecisionStatus.ACCEPTED if terms.accept else DecisionStatus.PROPOSED,
        problem=violation.message,
        outcome=terms.justification.strip(),
        date=datetime.date.today(),
    )
    waiver = Waiver(
        id=new_id("waiver"), decision=decision.id, rule=violation.rule, elements=list(violation.elements)
    )
    with document.edit(f"Waive {violation.rule}") as model:
        model.add_element(decision)
        model.add_waiver(waiver)
    return decision.id
