"""One decision as a MADR 4.0 Markdown file, and the index of all of them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from exporters.adr.frontmatter import Emittable, emit_front_matter
from exporters.adr.naming import RecordName
from exporters.adr.outcome import outcome_text
from exporters.adr.template import (
    CONSEQUENCES,
    CONTEXT,
    DRIVERS,
    EMPTY,
    ID_KEY,
    INDEX_MARKER,
    MORE,
    OPTIONS,
    OUTCOME,
    PROS_AND_CONS,
    PROS_AND_CONS_TODO,
    TITLE_PREFIX,
    WAIVED,
)
from model.elements import Decision


@dataclass(frozen=True, slots=True)
class WaivedViolation:
    """A waiver naming this record, said in words, with whether its violation occurs today."""

    rule: str
    rule_title: str
    elements: tuple[str, ...]
    justification: str
    state: str


@dataclass(frozen=True)
class RecordFacts:
    """What a record shows beyond its own decision: its name, its links, its waivers, kept text."""

    name: RecordName
    supersedes: Sequence[RecordName] = ()
    superseded_by: Sequence[RecordName] = ()
    waived: Sequence[WaivedViolation] = ()
    pros_and_cons: dict[str, str] = field(default_factory=dict)


def link(name: RecordName) -> str:
    return f"[{escape_link_text(name.label)}]({name.file})"


def escape_link_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def one_line(text: str) -> str:
    return " ".join(text.split())


def front_matter(decision: Decision, facts: RecordFacts) -> str:
    fields: list[tuple[str, Emittable]] = [("status", str(decision.status))]
    if decision.date is not None:
        fields.append(("date", decision.date))
    fields.append(("decision-makers", list(decision.decision_makers)))
    if facts.supersedes:
        fields.append(("supersedes", [name.file for name in facts.supersedes]))
    if facts.superseded_by:
        fields.append(("superseded-by", [name.file for name in facts.superseded_by]))
    if decision.tags:
        fields.append(("tags", list(decision.tags)))
    if decision.description:
        fields.append(("description", decision.description))
    if decision.properties:
        fields.append(("properties", dict(sorted(decision.properties.items()))))
    fields.append((ID_KEY, decision.id))
    return emit_front_matter(fields)


def header_list(decision: Decision) -> list[str]:
    """MADR 2's list under the title, which log4brains reads; Steelframe reads the front matter."""
    lines = [f"* Status: {decision.status}"]
    if decision.decision_makers:
        lines.append("* Deciders: " + ", ".join(one_line(maker) for maker in decision.decision_makers))
    if decision.date is not None:
        lines.append(f"* Date: {decision.date.isoformat()}")
    return [*lines, ""]


def text_block(heading: str, text: str) -> list[str]:
    """A section, left out when empty unless MADR requires it (then a sentence says it is empty)."""
    body = text.strip().replace("\r\n", "\n") or EMPTY.get(heading, "")
    return [heading, "", body, ""] if body else []


def bullets(heading: str, items: Sequence[str]) -> list[str]:
    if not items:
        return []
    lines = [heading, ""]
    for item in items:
        first, *rest = item.strip().replace("\r\n", "\n").split("\n")
        lines.append(f"* {first}" if first else "*")
        lines.extend(f"  {line}".rstrip() for line in rest)
    return [*lines, ""]


def pros_and_cons(options: Sequence[str], kept: dict[str, str]) -> list[str]:
    if not options:
        return []
    lines = [PROS_AND_CONS, ""]
    for option in options:
        title = one_line(option)
        lines += [f"### {title}", "", kept.get(title) or PROS_AND_CONS_TODO, ""]
    return lines


def waived_lines(waived: Sequence[WaivedViolation]) -> list[str]:
    lines = [WAIVED, "", "This record waives these violations of the architecture rules:", ""]
    for entry in waived:
        lines.append(f"* **{entry.rule}** {one_line(entry.rule_title)}: {', '.join(entry.elements)}")
        lines.append(f"  * Justification: {one_line(entry.justification) or 'none given'}")
        lines.append(f"  * Currently: {entry.state}")
    return [*lines, ""]


def more_information(facts: RecordFacts) -> list[str]:
    lines = [MORE, ""]
    related = [f"* Supersedes {link(name)}" for name in facts.supersedes]
    related += [f"* Superseded by {link(name)}" for name in facts.superseded_by]
    if related:
        lines += [*related, ""]
    if facts.waived:
        lines += waived_lines(facts.waived)
    if not related and not facts.waived:
        lines += ["No related decisions; this record waives no violation.", ""]
    return lines


def render_record(decision: Decision, facts: RecordFacts) -> str:
    """The whole Markdown file of ``decision``: front matter, title and the MADR sections."""
    lines = [TITLE_PREFIX + facts.name.title, "", *header_list(decision)]
    lines += text_block(CONTEXT, decision.problem)
    lines += bullets(DRIVERS, decision.drivers)
    lines += bullets(OPTIONS, decision.options)
    lines += text_block(OUTCOME, outcome_text(decision.outcome, decision.options))
    lines += text_block(CONSEQUENCES, decision.consequences)
    lines += pros_and_cons(decision.options, facts.pros_and_cons)
    lines += more_information(facts)
    return front_matter(decision, facts) + "\n" + "\n".join(lines).rstrip("\n") + "\n"


def table_cell(text: str) -> str:
    return one_line(text).replace("|", "\\|")


def render_index(model_name: str, decisions: Sequence[tuple[Decision, RecordName]]) -> str:
    """The README of the folder: one table row per record, in number order."""
    lines = [
        INDEX_MARKER, "", "# Architecture decision records", "",
        f"The decisions of the model \"{one_line(model_name)}\", in MADR 4.0 format, numbered by date then title.",
        "",
    ]
    if not decisions:
        lines.append("The model records no decisions yet.")
        return "\n".join(lines) + "\n"
    lines += ["| Number | Title | Status | Date |", "| --- | --- | --- | --- |"]
    for decision, name in decisions:
        title = f"[{table_cell(escape_link_text(name.title))}]({name.file})"
        date = decision.date.isoformat() if decision.date else "—"
        lines.append(f"| {name.number:04d} | {title} | {decision.status} | {date} |")
    return "\n".join(lines) + "\n"
