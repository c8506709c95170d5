"""Waivers are accepted decisions, not a way to hide violations."""

from __future__ import annotations

from collections.abc import Iterator

from model.elements import Decision
from model.engine.reader import Reader
from model.engine.rule import Finding, Params, Rule
from model.vocabulary import DecisionStatus, Severity


def waiver_has_accepted_decision(reader: Reader, waiver_id: str, params: Params) -> Iterator[Finding]:
    waiver = reader.waiver(waiver_id)
    if waiver is None:
        return
    decision = reader.element(waiver.decision)
    if isinstance(decision, Decision) and decision.status is DecisionStatus.ACCEPTED:
        return
    what = f"The waiver of {waiver.rule} ({waiver_id})"
    if not isinstance(decision, Decision):
        missing = "is not in the model" if decision is None else f"is a {decision.kind}, not a decision"  # type: ignore[attr-defined]
        yield Finding(
            f"{what} names the decision {waiver.decision}, which {missing}",
            (waiver_id,) if decision is None else (waiver_id, decision.id),
            f"Point the waiver at an accepted decision record that explains why {waiver.rule} does not apply, "
            "or remove the waiver.",
        )
        return
    title = decision.name or decision.id
    yield Finding(
        f"{what} relies on the decision {title}, whose status is {decision.status}, not accepted",
        (waiver_id, decision.id),
        f"Accept the decision {title} once it has been agreed, or remove the waiver: "
        "until then the violation is not waived.",
    )


RULES = (
    Rule(
        "SF019",
        "A waiver names an existing decision whose status is accepted",
        Severity.ERROR,
        ("waiver",),
        waiver_has_accepted_decision,
        rationale="A violation may be accepted only by a recorded, agreed decision, never by a draft or a dangling id.",
        remedy="Point the waiver at an existing decision and accept that decision, or remove the waiver.",
    ),
)
