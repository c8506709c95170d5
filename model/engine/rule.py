"""What a rule is: metadata plus a pure function from a model reader and one subject to findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from model.settings import ParamValue
from model.vocabulary import Severity

if TYPE_CHECKING:
    from model.engine.reader import Reader

#: Subjects a rule can be evaluated for: an element kind, a relation kind, or "waiver".
SubjectKind = str
Params = Mapping[str, ParamValue]


@dataclass(frozen=True, slots=True)
class Finding:
    """One breach a rule found: a message a workshop understands, the ids involved, and a fix."""

    message: str
    elements: tuple[str, ...]
    fix: str = ""


Check = Callable[["Reader", str, Params], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A constraint of the catalogue, a model's declarative rule, or a plugin's rule.

    ``check(reader, subject_id, params)`` must be pure: it reads the model only through
    ``reader`` (which is how the engine learns what to re-evaluate) and returns findings.
    """

    id: str
    title: str
    severity: Severity
    subjects: tuple[SubjectKind, ...]
    check: Check
    params: Mapping[str, ParamValue] = field(default_factory=dict)
    rationale: str = ""
    origin: str = "catalogue"
    remedy: str = ""  # how to fix any violation of the rule, for help texts (each finding has its own fix)


@dataclass(frozen=True, slots=True)
class Violation:
    """A finding as the user sees it: with its rule, severity, and the decision that waives it."""

    rule: str
    severity: Severity
    message: str
    elements: tuple[str, ...]
    fix: str = ""
    decision: str | None = None

    @property
    def waived(self) -> bool:
        return self.decision is not None

    def sort_key(self) -> tuple[str, tuple[str, ...], str]:
        return self.rule, self.elements, self.message
