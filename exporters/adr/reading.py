"""Reading a folder of records Steelframe wrote back into decisions, and merging them into a model."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from exporters.adr.frontmatter import FrontValue
from exporters.adr.parse import ParsedRecord, not_a_record, parse_record
from exporters.adr.sources import markdown_files, record_text, skipped
from exporters.adr.template import CONSEQUENCES, CONTEXT, DRIVERS, ID_KEY, INDEX_MARKER, OPTIONS, OUTCOME
from model.elements import Decision
from model.errors import ModelError, describe_validation_error
from model.store import Model
from model.vocabulary import DecisionStatus


@dataclass(frozen=True)
class MergeResult:
    """Which decisions a merge added to the model and which it changed (ids, in file order)."""

    created: tuple[str, ...]
    updated: tuple[str, ...]


def _records(folder: Path) -> dict[str, ParsedRecord]:
    if not folder.is_dir():
        raise ModelError(f"{folder}: is not a folder")
    records: dict[str, ParsedRecord] = {}
    for path in markdown_files(folder):
        text = record_text(path, folder)
        if text is None:
            continue
        try:
            record = parse_record(text)
        except ModelError as error:
            if ID_KEY in text:
                raise ModelError(f"{path}: {error}") from None
            skipped(path, f"its front matter cannot be read ({error})")
            continue
        if record is None:
            if not text.startswith(INDEX_MARKER):
                skipped(path, not_a_record(text))
            continue
        records[path.name] = record
    return records


def _status(value: FrontValue, where: str) -> DecisionStatus:
    text = value.strip().lower() if isinstance(value, str) else ""
    if text.startswith(str(DecisionStatus.SUPERSEDED)):
        return DecisionStatus.SUPERSEDED  # MADR also writes "superseded by [ADR-0005](...)"
    try:
        return DecisionStatus(text or DecisionStatus.PROPOSED)
    except ValueError:
        choices = ", ".join(str(s) for s in DecisionStatus)
        raise ModelError(f"{where}: status {value!r} is not one of {choices}") from None


def _date(value: FrontValue, where: str) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ModelError(f"{where}: date {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _strings(value: FrontValue) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


def _decision(file: str, record: ParsedRecord, ids_by_file: dict[str, str]) -> Decision:
    header = record.header
    known_ids = set(ids_by_file.values())
    supersedes = []
    for target in _strings(header.get("supersedes")):
        if target not in ids_by_file and target not in known_ids:
            raise ModelError(f"{file}: supersedes {target}, which is not a decision record in this folder")
        supersedes.append(ids_by_file.get(target, target))
    properties = header.get("properties")
    data: dict[str, Any] = {
        "id": record.decision_id, "name": record.title, "status": _status(header.get("status"), file),
        "date": _date(header.get("date"), file), "decision_makers": _strings(header.get("decision-makers")),
        "tags": _strings(header.get("tags")), "description": header.get("description") or "",
        "properties": properties if isinstance(properties, dict) else {},
        "problem": record.text(CONTEXT), "drivers": record.items(DRIVERS), "options": record.items(OPTIONS),
        "outcome": record.text(OUTCOME), "consequences": record.text(CONSEQUENCES), "supersedes": supersedes,
    }
    try:
        return Decision.model_validate(data)
    except ValidationError as error:
        raise ModelError(f"{file}: {describe_validation_error(error)}") from None


def read_adrs(folder: Path) -> list[Decision]:
    """The decisions of the records Steelframe wrote into ``folder`` (other files are ignored), in number order."""
    records = _records(Path(folder))
    ids_by_file = {file: record.decision_id for file, record in records.items() if record.decision_id}
    seen: dict[str, str] = {}
    decisions = []
    for file, record in records.items():
        decision = _decision(file, record, ids_by_file)
        if decision.id in seen:
            raise ModelError(f"{file}: {ID_KEY} {decision.id!r} is also the id of {seen[decision.id]}")
        seen[decision.id] = file
        decisions.append(decision)
    return decisions


def merge_adrs(model: Model, folder: Path) -> MergeResult:
    """Update and add the model's decisions from ``folder`` in one transaction (one undo step)."""
    decisions = read_adrs(folder)
    created: list[str] = []
    updated: list[str] = []
    with model.transaction("Merge decision records"):
        for decision in decisions:  # first every new decision, so that supersedes can name any of them
            existing = model.find_element(decision.id)
            if existing is None:
                model.add_element(decision.model_copy(update={"supersedes": []}))
                created.append(decision.id)
            elif not isinstance(existing, Decision):
                raise ModelError(f"{decision.id!r} is a {existing.kind} in the model, not a decision")
        for decision in decisions:
            before = model.element(decision.id)
            changes = decision.model_dump(exclude={"id", "kind"})
            after = model.update_element(decision.id, **changes)
            if after != before and decision.id not in created:
                updated.append(decision.id)
    return MergeResult(tuple(created), tuple(updated))
