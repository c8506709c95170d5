"""What every diff format says the same way: values in words and the one-line summary."""

from __future__ import annotations

import json
from typing import Any

from exporters.findings.summary import plural
from model.diff import ItemChange, ModelDiff


def value(text: Any, limit: int = 60) -> str:
    """An attribute value as JSON, shortened; absent values read as "—"."""
    if text is None:
        return "—"
    shown = json.dumps(text, ensure_ascii=False, sort_keys=True)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def counted(changes: tuple[ItemChange, ...], what: str) -> str | None:
    if not changes:
        return None
    by = {kind: sum(1 for c in changes if c.change == kind) for kind in ("added", "removed", "changed")}
    parts = [f"{number} {kind}" for kind, number in by.items() if number]
    return f"{plural(len(changes), what)} ({', '.join(parts)})"


def summary(diff: ModelDiff) -> str:
    """``3 elements (2 added, 1 changed), 1 view changed; 1 new violation, 2 resolved`` or ``no changes``."""
    if diff.same:
        return "no changes"
    parts = [
        counted(diff.elements, "element"), counted(diff.relations, "relation"),
        f"{plural(len(diff.views), 'view')} changed" if diff.views else None,
        counted(diff.waivers, "waiver"),
        f"{plural(len(diff.settings), 'setting')} changed" if diff.settings else None,
        "ArchiMate exchange data changed" if diff.exchange_changed else None,
    ]
    text = ", ".join(p for p in parts if p)
    return text + f"; {plural(len(diff.new_violations), 'new violation')}, {len(diff.resolved_violations)} resolved"
