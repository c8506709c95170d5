"""The diff for scripts: a stable JSON object (``format`` 1), documented in the README."""

from __future__ import annotations

import json
from typing import Any

from model.diff import AttributeChange, ItemChange, ModelDiff, ViewDiff
from model.engine import Violation

DIFF_FORMAT = 1


def json_diff(diff: ModelDiff, old: str, new: str) -> str:
    report: dict[str, Any] = {
        "format": DIFF_FORMAT,
        "old": old,
        "new": new,
        "same": diff.same,
        "elements": [_item(i) for i in diff.elements],
        "relations": [_item(i) for i in diff.relations],
        "views": [_view(v) for v in diff.views],
        "waivers": [_item(i) for i in diff.waivers],
        "settings": [_attribute(c) for c in diff.settings],
        "exchange_changed": diff.exchange_changed,
        "violations": {
            "new": [_violation(v) for v in diff.new_violations],
            "resolved": [_violation(v) for v in diff.resolved_violations],
        },
    }
    return json.dumps(report, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def _attribute(change: AttributeChange) -> dict[str, Any]:
    return {"attribute": change.attribute, "old": change.old, "new": change.new}


def _item(item: ItemChange) -> dict[str, Any]:
    return {
        "change": item.change, "id": item.id, "kind": item.kind, "label": item.label,
        "attributes": [_attribute(c) for c in item.attributes],
    }


def _view(view: ViewDiff) -> dict[str, Any]:
    return {
        "change": view.change, "id": view.id, "name": view.name,
        "attributes": [_attribute(c) for c in view.attributes],
        "boxes_added": list(view.boxes_added), "boxes_removed": list(view.boxes_removed),
        "boxes_moved": list(view.boxes_moved), "routes_changed": view.routes_changed,
    }


def _violation(violation: Violation) -> dict[str, Any]:
    return {
        "rule": violation.rule, "severity": str(violation.severity), "message": violation.message,
        "elements": list(violation.elements), "waived": violation.waived,
    }
