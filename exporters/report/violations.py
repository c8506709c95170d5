"""The violations of the model grouped by rule and by context, and the waivers with their decisions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from exporters.adr.waived import label
from exporters.report.boundaries import contexts_of
from exporters.report.markdown import anchor, name_of, plural, table
from model.elements import Decision
from model.engine import Rule, Violation
from model.store import Model
from model.vocabulary import ElementKind

NO_CONTEXT = "Not tied to a context"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _waived_note(model: Model, violation: Violation) -> str:
    if violation.decision is None:
        return ""
    return f" *(waived by {name_of(model, violation.decision)})*"


def _entry(model: Model, violation: Violation) -> list[str]:
    lines = [f"* {_one_line(violation.message)}{_waived_note(model, violation)}"]
    if violation.fix:
        lines.append(f"  * Fix: {_one_line(violation.fix)}")
    return lines


def _heading(rules: Mapping[str, Rule], rule_id: str) -> str:
    return f"{rule_id} {_title(rules, rule_id)}"


def _short_entry(model: Model, violation: Violation, rules: Mapping[str, Rule]) -> str:
    """A violation under its context: the rule links to its section, where the fix is."""
    rule = f"[{violation.rule}](#{anchor(_heading(rules, violation.rule))})"
    return f"* {rule} ({violation.severity}) {_one_line(violation.message)}{_waived_note(model, violation)}"


def by_rule(model: Model, violations: Sequence[Violation], rules: Mapping[str, Rule]) -> list[str]:
    lines = ["## Violations by rule", ""]
    if not violations:
        return [*lines, "No rule finds a violation.", ""]
    groups: dict[str, list[Violation]] = {}
    for violation in violations:
        groups.setdefault(violation.rule, []).append(violation)
    rows = []
    for rule_id, found in groups.items():
        waived = sum(v.waived for v in found)
        rows.append((rule_id, _title(rules, rule_id), found[0].severity, len(found), waived))
    lines += [*table(("Rule", "Title", "Severity", "Count", "Waived"), rows), ""]
    for rule_id, found in groups.items():
        lines += [f"### {_heading(rules, rule_id)}", ""]
        lines.append(f"Severity {found[0].severity}, {plural(len(found), 'violation')}.")
        lines.append("")
        for violation in found:
            lines += _entry(model, violation)
        lines.append("")
    return lines


def _title(rules: Mapping[str, Rule], rule_id: str) -> str:
    rule = rules.get(rule_id)
    return _one_line(rule.title) if rule is not None else "(a rule that is not installed)"


def by_context(model: Model, violations: Sequence[Violation], rules: Mapping[str, Rule]) -> list[str]:
    lines = ["## Violations by context", ""]
    if not violations:
        return [*lines, "No context has a violation.", ""]
    groups: dict[str, list[Violation]] = {}
    for violation in violations:
        contexts = set().union(*(contexts_of(model, item) for item in violation.elements))
        for context in contexts or {""}:
            groups.setdefault(context, []).append(violation)
    order = sorted((c for c in groups if c), key=lambda c: (name_of(model, c).casefold(), c))
    for context in order:
        lines += [f"### {name_of(model, context)}", ""]
        lines += [_short_entry(model, violation, rules) for violation in groups[context]]
        lines.append("")
    if "" in groups:
        lines += [f"### {NO_CONTEXT}", ""]
        lines += [_short_entry(model, violation, rules) for violation in groups[""]]
        lines.append("")
    clean = [c.id for c in model.elements(ElementKind.CONTEXT) if c.id not in groups]
    if clean:
        clean_names = sorted((name_of(model, c) for c in clean), key=str.casefold)
        lines += [f"Contexts without violations: {', '.join(clean_names)}.", ""]
    return lines


def waivers(model: Model, violations: Sequence[Violation], rules: Mapping[str, Rule]) -> list[str]:
    lines = ["## Waivers", ""]
    found = sorted(model.waivers(), key=lambda w: (w.rule, sorted(w.elements), w.id))
    if not found:
        return [*lines, "No violation is waived by a decision record.", ""]
    occurring = {(v.rule, frozenset(v.elements)): v for v in violations}
    rows = []
    for waiver in found:
        decision = model.find_element(waiver.decision)
        title = (decision.name or decision.id) if decision is not None else f"{waiver.decision} (not in the model)"
        status = str(decision.status) if isinstance(decision, Decision) else "—"
        violation = occurring.get(waiver.key)
        if violation is None:
            state = "does not occur"
        else:
            state = "waived" if violation.decision == waiver.decision else "occurs, not waived"
        what = f"{waiver.rule} {_title(rules, waiver.rule)}: " + ", ".join(label(model, i) for i in waiver.elements)
        rows.append((what, title, status, waiver.justification or "—", state))
    header = ("Violation", "Decision", "Status", "Justification", "Currently")
    return [*lines, *table(header, rows), ""]


def decisions(model: Model) -> list[str]:
    """Every decision record with its status, so a review board sees what is still only proposed."""
    lines = ["## Decisions", ""]
    found = sorted(
        (d for d in model.elements(ElementKind.DECISION) if isinstance(d, Decision)),
        key=lambda d: (d.date is None, d.date or "", name_of(model, d.id).casefold(), d.id),
    )
    if not found:
        return [*lines, "The model records no decisions.", ""]
    waiving: dict[str, int] = {}
    for waiver in model.waivers():
        waiving[waiver.decision] = waiving.get(waiver.decision, 0) + 1
    rows = [
        (name_of(model, d.id), d.status, d.date.isoformat() if d.date else "—", waiving.get(d.id, 0)) for d in found
    ]
    return [*lines, *table(("Decision", "Status", "Date", "Waivers"), rows), ""]
