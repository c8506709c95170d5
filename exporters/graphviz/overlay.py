"""The violation overlay: each element and relation a violation involves, with its worst severity.

A waived violation still shows, in the waived grey, so a review board sees what was accepted; an
item involved in any violation that is not waived takes the colour of the worst of those.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from model.engine import Violation, check_model
from model.palette import SEVERITY_COLOURS, WAIVED_COLOUR
from model.store import Model
from model.vocabulary import Severity


@dataclass
class Mark:
    """How one element or relation is outlined: its colour and the rules that involve it."""

    violations: list[Violation] = field(default_factory=list)

    @property
    def open(self) -> list[Violation]:
        return [v for v in self.violations if not v.waived]

    @property
    def severity(self) -> Severity | None:
        """The worst severity among violations not waived; None when all are waived."""
        return max((v.severity for v in self.open), key=lambda s: s.rank, default=None)

    @property
    def colour(self) -> str:
        severity = self.severity
        return WAIVED_COLOUR if severity is None else SEVERITY_COLOURS[severity]

    def rule_colours(self) -> list[tuple[str, str]]:
        """Each rule involving the item with the colour of its own worst open severity (grey if waived)."""
        worst: dict[str, Severity | None] = {}
        for v in self.violations:
            held = worst.get(v.rule)
            if not v.waived and (held is None or v.severity.rank > held.rank):
                worst[v.rule] = v.severity
            else:
                worst.setdefault(v.rule, None)
        return [(rule if severity else f"{rule} (waived)", SEVERITY_COLOURS[severity] if severity else WAIVED_COLOUR)
                for rule, severity in worst.items()]

    @property
    def tooltip(self) -> str:
        lines = []
        for v in self.violations:
            state = f"waived by {v.decision}" if v.waived else str(v.severity)
            lines.append(f"{v.rule} {state}: {v.message}")
        return "\n".join(lines)


def marks(model: Model) -> dict[str, Mark]:
    """Each id involved in a violation of ``model`` and how to mark it."""
    found: dict[str, Mark] = {}
    for violation in check_model(model):
        for item_id in dict.fromkeys(violation.elements):
            found.setdefault(item_id, Mark()).violations.append(violation)
    return found
