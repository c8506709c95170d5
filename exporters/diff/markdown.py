"""The diff as a pull request comment: a summary line, tables of changes, new and resolved violations."""

from __future__ import annotations

from exporters.diff.words import summary, value
from model.diff import ItemChange, ModelDiff, ViewDiff
from model.engine import Violation

_ICON = {"added": "added", "removed": "removed", "changed": "changed"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_diff(diff: ModelDiff, old: str, new: str) -> str:
    lines = [f"### Steelframe model changes: `{_cell(old)}` → `{_cell(new)}`", "", f"**{summary(diff)}**"]
    for title, items in (("Elements", diff.elements), ("Relations", diff.relations), ("Waivers", diff.waivers)):
        if items:
            lines += ["", f"#### {title}", "", "| Change | Item | What changed |", "|---|---|---|"]
            lines += [_item_row(item) for item in items]
    if diff.views:
        lines += ["", "#### Views", "", "| Change | View | What changed |", "|---|---|---|"]
        lines += [_view_row(view) for view in diff.views]
    if diff.settings:
        lines += ["", "#### Settings", "", "| Setting | Old | New |", "|---|---|---|"]
        lines += [f"| `{_cell(c.attribute)}` | {_cell(value(c.old))} | {_cell(value(c.new))} |" for c in diff.settings]
    if diff.exchange_changed:
        lines += ["", "The kept ArchiMate exchange data changed."]
    for title, found in (("New violations", diff.new_violations), ("Resolved violations", diff.resolved_violations)):
        if found:
            lines += ["", f"#### {title}", "", "| Severity | Rule | Message |", "|---|---|---|"]
            lines += [_violation_row(v) for v in found]
    return "\n".join(lines) + "\n"


def _item_row(item: ItemChange) -> str:
    what = "<br>".join(f"`{c.attribute}`: {value(c.old)} → {value(c.new)}" for c in item.attributes)
    return f"| {_ICON[item.change]} | {_cell(item.label)} | {_cell(what)} |"


def _view_row(view: ViewDiff) -> str:
    parts = [f"`{c.attribute}`: {value(c.old)} → {value(c.new)}" for c in view.attributes]
    if view.boxes_added:
        parts.append(f"shows {', '.join(view.boxes_added)}")
    if view.boxes_removed:
        parts.append(f"no longer shows {', '.join(view.boxes_removed)}")
    if view.boxes_moved:
        parts.append(f"{len(view.boxes_moved)} box(es) moved")
    if view.routes_changed:
        parts.append(f"{view.routes_changed} line(s) changed")
    return f"| {_ICON[view.change]} | {_cell(view.name)} | {_cell('<br>'.join(parts))} |"


def _violation_row(violation: Violation) -> str:
    waived = f" (waived by {violation.decision})" if violation.waived else ""
    return f"| {violation.severity} | {violation.rule} | {_cell(violation.message)}{waived} |"
