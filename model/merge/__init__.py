"""The three-way merge of models: elements, relations, attributes and view positions.

It never loses a side and never gives a broken model: what it cannot decide it records as a
merge conflict in the merged model itself (``model.conflicts``), which ``check`` reports until
someone resolves it (``resolve``).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from model.conflicts import Conflict
from model.errors import ModelError
from model.fileformat.building import build
from model.fileformat.checks import document_problem
from model.fileformat.document import ModelDocument
from model.gcpause import collector_paused
from model.merge.flat import Flat, document_data, flatten
from model.merge.repair import repair
from model.merge.three_way import ThreeWay
from model.store import Model

__all__ = ["merge_models"]

_PATH = re.compile(r"^\$\.(elements|relations|views|waivers)\[(\d+)\]")


def merge_models(base: Model, ours: Model, theirs: Model) -> Model:
    """The merge of ``theirs`` into ``ours``, both changed from ``base``; conflicts are in the result."""
    with collector_paused():  # tens of thousands of small dicts: no use collecting them half-way
        return _merged(base, ours, theirs)


def _merged(base: Model, ours: Model, theirs: Model) -> Model:
    merge = ThreeWay(flatten(base), flatten(ours), flatten(theirs))
    merged = merge.run()
    repair(merge)
    _record(merged, merge.conflicts)
    _record(merged, merge.renumbered)
    return _built(merged, merge.ours)


def _record(merged: Flat, records: list[dict[str, Any]]) -> None:
    """Add conflicts under fresh ids ``merge-conflict-N`` that no item of the model uses.

    A conflict already recorded (merging again before resolving) is not recorded twice.
    """
    used = {item for section in merged.values() for item in section}
    known = [dict(c, id=None) for c in merged["conflicts"].values()]
    number = 0
    for record in records:
        if dict(_stored(record), id=None) in known:
            continue
        number += 1
        while f"merge-conflict-{number}" in used:
            number += 1
        merged["conflicts"][f"merge-conflict-{number}"] = _stored(record)


def _stored(record: dict[str, Any]) -> dict[str, Any]:
    """A conflict as its flat attributes, defaults left out (as ``flatten`` gives them)."""
    return Conflict.model_validate({"id": "x", **record}).model_dump(mode="json", exclude={"id"}, exclude_defaults=True)


def _built(merged: Flat, ours: Flat) -> Model:
    """Build the merged model; an item that still breaks it falls back to ours, recorded (a safety net)."""
    for _ in range(1000):
        data = document_data(merged)
        try:
            document = ModelDocument.model_validate(data)
        except ValidationError as error:
            location = error.errors()[0]["loc"]
            problem = f"$.{location[0]}[{location[1]}]" if len(location) > 1 else str(location)
        else:
            found = document_problem(document)
            if found is None:
                return build(document)
            problem = found
        _fall_back(merged, ours, problem)
    raise ModelError("the merge could not make a valid model")


def _fall_back(merged: Flat, ours: Flat, problem: str) -> None:
    match = _PATH.match(problem)
    if match is None:
        raise ModelError(f"the merge could not make a valid model: {problem}")
    section, index = match.group(1), int(match.group(2))
    item = list(merged[section])[index]
    current, mine = merged[section][item], ours[section].get(item)
    if mine is not None and mine != current:
        merged[section][item] = mine
    else:
        del merged[section][item]
    _record(merged, [{"kind": "attribute", "section": section, "item": item, "ours": mine, "theirs": current}])
