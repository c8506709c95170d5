"""The violations a decision record waives, said in words, with whether each occurs today."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from exporters.adr.naming import RecordName
from exporters.adr.render import WaivedViolation, link
from model.elements import Decision
from model.engine import Rule, Violation, default_rules
from model.engine.custom import compile_custom_rules
from model.settings import Waiver
from model.store import Model
from model.vocabulary import DecisionStatus


def known_rules(model: Model) -> dict[str, Rule]:
    """Every rule a waiver may name: the catalogue, plugins and the model's own rules."""
    return {rule.id: rule for rule in [*default_rules(), *compile_custom_rules(model.settings)]}


def label(model: Model, item_id: str) -> str:
    """How a person recognises an element or relation: its name, or what it joins."""
    element = model.find_element(item_id)
    if element is not None:
        return element.name or element.id
    relation = model.find_relation(item_id)
    if relation is not None:
        if relation.name:
            return relation.name
        return f"{relation.kind} {label(model, relation.source)} → {label(model, relation.target)}"
    return f"{item_id} (not in the model)"


def _state(decision: Decision, found: Violation | None, names: Mapping[str, RecordName]) -> str:
    if found is None:
        return "the violation does not occur in the model; the waiver can be removed."
    if found.decision == decision.id:
        return "the violation occurs and this record waives it."
    if found.decision is not None and found.decision in names:
        return f"the violation occurs and is waived by {link(names[found.decision])}."
    return (
        f"the violation occurs and is not waived: this record is {decision.status}, "
        f"and only an {DecisionStatus.ACCEPTED} record waives a violation."
    )


def waived_violations(
    model: Model,
    decision: Decision,
    violations: Sequence[Violation],
    names: Mapping[str, RecordName],
    rules: Mapping[str, Rule],
) -> list[WaivedViolation]:
    """Each waiver naming ``decision``, in rule then element order."""
    by_key = {(v.rule, frozenset(v.elements)): v for v in violations}
    waivers: list[Waiver] = sorted(
        (w for w in model.waivers() if w.decision == decision.id), key=lambda w: (w.rule, sorted(w.elements), w.id)
    )
    entries = []
    for waiver in waivers:
        rule = rules.get(waiver.rule)
        title = rule.title if rule is not None else "(a rule that is not installed)"
        entries.append(
            WaivedViolation(
                waiver.rule, title, tuple(label(model, item) for item in waiver.elements), waiver.justification,
                _state(decision, by_key.get(waiver.key), names),
            )
        )
    return entries
