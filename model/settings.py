"""Per-model configuration of the constraint engine, custom declarative rules and waivers."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from model.ids import Identifier
from model.vocabulary import ElementKind, FlowStyle, Severity

RuleId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_.\-]*$", max_length=60)]
ParamValue = int | float | bool | str


class Frozen(BaseModel):
    # Non-finite numbers have no JSON spelling: refused at the edit, not at the next save.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class RuleSettings(Frozen):
    """How one rule runs in this model: on or off, its severity, its parameters."""

    enabled: bool = True
    severity: Severity | None = None
    params: dict[str, ParamValue] = Field(default_factory=dict)


class Selector(Frozen):
    """Matches elements by kind and, optionally, by a tag they carry."""

    kind: ElementKind | None = None
    tag: str | None = None


class ForbidFlowRule(Frozen):
    """A team's own rule: no flow (of a style) from elements matching ``source`` to ``target``."""

    type: Literal["forbid-flow"] = "forbid-flow"
    id: RuleId
    title: str
    severity: Severity = Severity.WARNING
    style: FlowStyle | None = None
    source: Selector = Selector()
    target: Selector = Selector()
    fix: str = ""


class RequireAttributeRule(Frozen):
    """A team's own rule: every element of ``kind`` sets ``attribute`` (or carries the tag ``attribute``)."""

    type: Literal["require-attribute"] = "require-attribute"
    id: RuleId
    title: str
    severity: Severity = Severity.WARNING
    kind: ElementKind
    attribute: str
    fix: str = ""

    @model_validator(mode="after")
    def _attribute_exists(self) -> RequireAttributeRule:
        from model.elements import ELEMENT_CLASSES

        fields = ELEMENT_CLASSES[self.kind].model_fields
        if self.attribute not in fields or self.attribute in ("id", "kind"):
            known = ", ".join(sorted(f for f in fields if f not in ("id", "kind")))
            raise ValueError(f"a {self.kind} has no attribute {self.attribute!r} (it has {known})")
        return self


CustomRule = Annotated[Union[ForbidFlowRule, RequireAttributeRule], Field(discriminator="type")]


class Settings(Frozen):
    """The model's own attributes and its engine configuration."""

    name: str = "Untitled"
    description: str = ""
    language: str | None = None
    rules: dict[RuleId, RuleSettings] = Field(default_factory=dict)
    custom_rules: list[CustomRule] = Field(default_factory=list)

    @model_validator(mode="after")
    def _custom_ids_unique(self) -> Settings:
        seen: set[str] = set()
        for rule in self.custom_rules:
            if rule.id in seen:
                raise ValueError(f"two custom rules share the id {rule.id!r}")
            if rule.id.upper().startswith("SF"):
                raise ValueError(f"custom rule id {rule.id!r}: ids starting with SF are reserved for the catalogue")
            seen.add(rule.id)
        return self


class Waiver(Frozen):
    """A decision record's acceptance of one violation: the rule and the exact set of ids involved."""

    id: Identifier
    decision: Identifier
    rule: RuleId
    elements: list[Identifier]
    justification: str = ""

    @property
    def key(self) -> tuple[str, frozenset[str]]:
        return self.rule, frozenset(self.elements)
