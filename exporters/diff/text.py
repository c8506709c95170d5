"""The diff for a terminal and for ``git diff``: one line per change, attributes indented under their item."""

from __future__ import annotations

from exporters.diff.words import summary, value
from model.diff import AttributeChange, ItemChange, ModelDiff, ViewDiff
from model.engine import Violation

_MARK = {"added": "+", "removed": "-", "changed": "~"}


def text_diff(diff: ModelDiff, old: str, new: str) -> str:
    lines = [f"{old} → {new}: {summary(diff)}"]
    for title, items in (("Elements", diff.elements), ("Relations", diff.relations), ("Waivers", diff.waivers)):
        if items:
            lines += ["", f"{title}:", *(line for item in items for line in _item(item))]
    if diff.views:
        lines += ["", "Views:"] + [line for view in diff.views for line in _view(view)]
    if diff.settings:
        lines += ["", "Settings:", *_attributes(diff.settings, "  ")]
    if diff.exchange_changed:
        lines += ["", "ArchiMate exchange data: changed"]
    for title, found in (("New violations", diff.new_violations), ("Resolved violations", diff.resolved_violations)):
        if found:
            lines += ["", f"{title}:"] + [_violation(v) for v in found]
    return "\n".join(lines) + "\n"


def _item(item: ItemChange) -> list[str]:
    return [f"  {_MARK[item.change]} {item.label}  [{item.id}]", *_attributes(item.attributes, "      ")]


def _attributes(changes: tuple[AttributeChange, ...], indent: str) -> list[str]:
    return [f"{indent}{c.attribute}: {value(c.old)} → {value(c.new)}" for c in changes]


def _view(view: ViewDiff) -> list[str]:
    lines = [f"  {_MARK[view.change]} view {view.name}  [{view.id}]", *_attributes(view.attributes, "      ")]
    for what, ids in (("shows", view.boxes_added), ("no longer shows", view.boxes_removed)):
        if ids:
            lines.append(f"      {what}: {', '.join(ids)}")
    if view.boxes_moved:
        lines.append(f"      {len(view.boxes_moved)} box(es) moved or resized")
    if view.routes_changed:
        lines.append(f"      {view.routes_changed} line(s) shown, hidden or rerouted")
    return lines


def _violation(violation: Violation) -> str:
    return f"  {violation.severity!s:<7}  {violation.rule}  {violation.message}  [{', '.join(violation.elements)}]"
