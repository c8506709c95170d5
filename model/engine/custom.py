"""A model's declarative rules, compiled into ordinary rules."""

from __future__ import annotations

from collections.abc import Iterator

from model.engine.reader import Reader
from model.engine.rule import Finding, Params, Rule
from model.settings import ForbidFlowRule, RequireAttributeRule, Selector, Settings
from model.vocabulary import RelationKind


def compile_custom_rules(settings: Settings) -> list[Rule]:
    rules = []
    for custom in settings.custom_rules:
        if isinstance(custom, ForbidFlowRule):
            rules.append(_forbid_flow(custom))
        else:
            rules.append(_require_attribute(custom))
    return rules


def _matches(reader: Reader, element_id: str, selector: Selector) -> bool:
    """True when the element, or the context it belongs to, has the selector's kind and tag."""
    for candidate_id in dict.fromkeys((element_id, reader.boundary(element_id))):
        candidate = reader.element(candidate_id)
        if candidate is None:
            continue
        if selector.kind is not None and candidate.kind != selector.kind:
            continue
        if selector.tag is not None and selector.tag not in candidate.tags:
            continue
        return True
    return False


def _label(reader: Reader, element_id: str) -> str:
    element = reader.element(element_id)
    return element.name or element_id if element else element_id


def _forbid_flow(custom: ForbidFlowRule) -> Rule:
    def check(reader: Reader, subject: str, params: Params) -> Iterator[Finding]:
        flow = reader.flow(subject)
        if flow is None or (custom.style is not None and flow.style is not custom.style):
            return
        if _matches(reader, flow.source, custom.source) and _matches(reader, flow.target, custom.target):
            style = f"{flow.style} " if flow.style else ""
            yield Finding(
                f"{custom.title}: {style}flow from {_label(reader, flow.source)} to {_label(reader, flow.target)}",
                (flow.source, flow.target, flow.id),
                custom.fix,
            )

    remedy = custom.fix or "Let the two ends interact another way, or change them so the flow no longer matches."
    return Rule(
        custom.id, custom.title, custom.severity, (str(RelationKind.FLOW),), check, origin="model", remedy=remedy
    )


def _require_attribute(custom: RequireAttributeRule) -> Rule:
    def check(reader: Reader, subject: str, params: Params) -> Iterator[Finding]:
        element = reader.element(subject)
        if element is None:
            return
        value = getattr(element, custom.attribute, None)
        if value is None or value in ("", [], {}):
            name, attribute = element.name or element.id, custom.attribute.replace("_", " ")
            yield Finding(
                f"{custom.title}: {custom.kind} {name} has no {attribute}",
                (element.id,),
                custom.fix or f"Set the {attribute} of {name}.",
            )

    remedy = custom.fix or f"Set the {custom.attribute.replace('_', ' ')} of every {custom.kind}."
    return Rule(custom.id, custom.title, custom.severity, (str(custom.kind),), check, origin="model", remedy=remedy)
