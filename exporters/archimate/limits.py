"""What an ArchiMate exchange file cannot carry, said instead of dropped in silence."""

from __future__ import annotations

from model.store import Model
from model.vocabulary import ElementKind


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def not_carried(model: Model) -> str | None:
    """One sentence naming what the exchange file leaves out, and where it goes instead.

    Decisions and waivers are no ArchiMate concepts; a note travels as a label in the diagrams of the
    views that show it, so a note that no view shows is left out too.
    """
    decisions = len(model.elements(ElementKind.DECISION))
    waivers = len(model.waivers())
    shown = {item for view in model.views() for item in model.layouts(view.id)}
    unplaced = sum(1 for note in model.elements(ElementKind.NOTE) if note.id not in shown)
    parts = []
    if decisions:
        parts.append(f"{_count(decisions, 'decision')} (export them as decision records: --to adr)")
    if waivers:
        parts.append(f"{_count(waivers, 'waiver')} (they stay in the model file)")
    if unplaced:
        parts.append(f"{_count(unplaced, 'note')} that no view shows (place them in a view to keep them)")
    if not parts:
        return None
    return "the ArchiMate exchange format cannot carry " + ", ".join(parts[:-1]) + (" and " if parts[1:] else "") \
        + parts[-1]
