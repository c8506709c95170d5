"""Writing a model's decisions into a folder of MADR files, and tidying what an earlier export left."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from exporters.adr.files import os_reason, usable_folder, write_text_if_changed
from exporters.adr.naming import RecordName, ordered_decisions, record_names
from exporters.adr.parse import ParsedRecord, parse_record
from exporters.adr.render import RecordFacts, one_line, render_index, render_record
from exporters.adr.sources import record_text
from exporters.adr.template import INDEX_FILES, INDEX_MARKER
from exporters.adr.waived import known_rules, waived_violations
from model.engine import check_model
from model.errors import ModelError
from model.safe_text import shown
from model.store import Model

log = logging.getLogger(__name__)


@dataclass
class Existing:
    """What a folder holds: records and indexes Steelframe wrote, and everything else (left alone)."""

    records: dict[str, ParsedRecord] = field(default_factory=dict)
    indexes: set[str] = field(default_factory=set)
    foreign: set[str] = field(default_factory=set)
    index_texts: list[str] = field(default_factory=list)

    def others(self, model: Model) -> set[str]:
        """Records of decisions ``model`` does not hold, which no index here lists for it: another model's."""
        return {name for name, record in self.records.items()
                if record.decision_id is not None and model.find_element(record.decision_id) is None
                and not self.listed_for(model.name, name)}

    def listed_for(self, model_name: str, file: str) -> bool:
        """Whether an index Steelframe wrote here for a model of this name lists ``file``."""
        heading = f'The decisions of the model "{one_line(model_name)}"'
        return any(heading in text and f"]({file})" in text for text in self.index_texts)

    def kept_pros_and_cons(self, decision_id: str, file: str) -> dict[str, str]:
        """What a person wrote under the options in an earlier export of this decision."""
        mine = [(name != file, name) for name, record in self.records.items() if record.decision_id == decision_id]
        if not mine:
            return {}
        return self.records[min(mine)[1]].pros_and_cons()


def scan(folder: Path) -> Existing:
    """What ``folder`` holds; a symbolic link is never ours (nothing is written through it or removes it)."""
    existing = Existing()
    if not folder.is_dir():
        return existing
    for path in sorted(folder.iterdir()):
        if path.is_symlink() or path.suffix != ".md":
            if path.is_symlink() or path.is_file():
                existing.foreign.add(path.name)
            continue
        if not path.is_file():
            continue
        text = record_text(path, folder)
        try:
            record = parse_record(text) if text is not None else None
        except ModelError:
            record = None
        if record is not None:
            existing.records[path.name] = record
        elif text is not None and path.name in INDEX_FILES and text.startswith(INDEX_MARKER):
            existing.indexes.add(path.name)
            existing.index_texts.append(text)
        else:
            existing.foreign.add(path.name)
    return existing


def index_file(existing: Existing) -> str:
    """README.md, unless a README.md Steelframe did not write is there; then index.md."""
    for name in INDEX_FILES:
        if name not in existing.foreign:
            return name
    both = " and ".join(INDEX_FILES)
    raise ModelError(f"both {both} exist and were not written by Steelframe: there is no file left for the index")


def render_folder(model: Model, existing: Existing) -> dict[str, str]:
    """File name -> text of every record and of the index, in number order."""
    names = record_names(model)
    decisions = ordered_decisions(model)
    violations = check_model(model)
    rules = known_rules(model)
    superseded_by: dict[str, list[RecordName]] = {}
    for decision in decisions:
        for old in decision.supersedes:
            superseded_by.setdefault(old, []).append(names[decision.id])
    files: dict[str, str] = {}
    for decision in decisions:
        name = names[decision.id]
        facts = RecordFacts(
            name,
            supersedes=sorted((names[old] for old in decision.supersedes if old in names), key=lambda n: n.number),
            superseded_by=superseded_by.get(decision.id, []),
            waived=waived_violations(model, decision, violations, names, rules),
            pros_and_cons=existing.kept_pros_and_cons(decision.id, name.file),
        )
        files[name.file] = render_record(decision, facts)
    files[index_file(existing)] = render_index(model.name, [(d, names[d.id]) for d in decisions])
    return files


def write_adrs(model: Model, folder: Path) -> list[Path]:
    """Write one MADR file per decision and the index; remove records of ours that are no longer current.

    Files Steelframe did not write (and symbolic links) are never touched; a record name that one
    of them already uses is refused before anything is written. Returns the paths of the records
    and the index.
    """
    folder = Path(folder)
    existing = scan(folder)
    files = render_folder(model, existing)
    clash = sorted(set(files) & existing.foreign)
    if clash:
        raise ModelError(f"{folder / clash[0]}: exists and was not written by Steelframe; move it away first")
    taken = sorted(set(files) & existing.others(model))
    if taken:
        decision = existing.records[taken[0]].decision_id or ""
        raise ModelError(f"{folder / taken[0]}: holds the record of decision {shown(decision)}, which is not in this "
                         "model (another model's?); move it away first")
    usable_folder(folder)
    for name, text in files.items():
        write_text_if_changed(folder / name, text)
    _remove_outdated(model, folder, existing, set(files))
    return [folder / name for name in files]


def _remove_outdated(model: Model, folder: Path, existing: Existing, written: set[str]) -> None:
    """Remove, and say so, our outdated records: renamed ones, and those this model's index listed (its deleted
    decisions). Keep, and say so, any other record of a decision this model does not hold: another model's."""
    others = existing.others(model)
    for stale in sorted((set(existing.records) | existing.indexes) - written):
        record = existing.records.get(stale)
        decision = record.decision_id if record is not None else None
        if stale in others:
            log.warning("%s: kept: its decision %s is not in this model and the index here is not this model's "
                        "(another model's record?)", folder / stale, shown(decision or ""))
            continue
        try:
            (folder / stale).unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise ModelError(f"{folder / stale}: cannot remove this outdated record: {os_reason(error)}") from None
        log.warning("%s: removed: an outdated %s written by Steelframe", folder / stale,
                    "record of " + shown(decision) if decision else "index")
