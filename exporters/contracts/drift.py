"""Drift between a model and the running estate: the findings of rules SF100-SF107.

Flows are compared at the level of context boundaries (a service speaks for its context). A model
flow is judged (SF102) only where the contracts describe both of its ends in a format that could
show it: AsyncAPI for asynchronous flows, the catalog or AsyncAPI for the others.
"""

from __future__ import annotations

from collections import defaultdict

from exporters.contracts.estate import Estate, MessageFlow
from exporters.contracts.mapping import flow_attributes, flow_key, holder_of
from exporters.contracts.rules import DRIFT_RULES
from exporters.contracts.scope import Drift, Item, Scope, fits
from exporters.contracts.things import check_owners, check_stores, check_topics_and_events
from model.elements import Context
from model.engine import Violation
from model.engine.config import resolve
from model.relations import Contains, Flow
from model.store import Model


def check_drift(model: Model, estate: Estate) -> list[Drift]:
    """Every drift finding of the model against the estate, for the enabled drift rules, in order."""
    active = {entry.rule.id: entry.severity for entry in resolve(DRIFT_RULES, model.settings)}
    scope = Scope(model, estate, severities={rule.id: rule.severity for rule in DRIFT_RULES} | active)
    _unmatched(scope)
    _undeclared_flows(scope)
    _open_ends(scope)
    _unbacked_flows(scope)
    check_owners(scope)
    check_topics_and_events(scope)
    check_stores(scope)
    kept = [drift for drift in scope.found if drift.violation.rule in active]
    return sorted(kept, key=lambda drift: drift.violation.sort_key())


def drift_violations(model: Model, estate: Estate) -> list[Violation]:
    return [drift.violation for drift in check_drift(model, estate)]


def _unmatched(scope: Scope) -> None:
    for key, why in sorted(scope.match.unmatched.items()):
        application = scope.estate.applications[key]
        plan_id = scope.plan.applications[key]
        element = scope.planned(plan_id)
        element_id = element.id
        additions: tuple[Item, ...] = (element,)
        if scope.plan.contexts[key] != plan_id:  # a service: into its context when the model has it
            holder = scope.match.applications.get(holder_of(scope.estate, key))
            context = scope.boundary(holder) if holder else None
            if context is None:
                additions = (Context(id=element.id, name=element.name, tags=list(element.tags)),)
            else:
                additions += (Contains(id=f"contains-{element_id}", source=context, target=element_id),)
        scope.report(
            "SF100", f"{application.name} ({application.source}) runs but is not in the model: {why}",
            (element_id,), f"Add {application.name} to the model, or mark the element it is with "
            "x-steelframe-element (AsyncAPI info) or the annotation steelframe.dev/element (Backstage).",
            additions,
        )


def _ends(scope: Scope, flow: MessageFlow) -> tuple[str, str] | None:
    source, target = scope.match.applications.get(flow.source), scope.match.applications.get(flow.target)
    if source is None or target is None or scope.boundary(source) == scope.boundary(target):
        return None
    return source, target


def _declared(scope: Scope, flow: MessageFlow, source: str, target: str) -> bool:
    event, topic = scope.match.events.get(flow.message), scope.match.topics.get(flow.channel)
    ends = (scope.boundary(source), scope.boundary(target))
    return any(fits(f, flow, event, topic) for f in scope.between.get(ends, ()))


def _what(flow: MessageFlow) -> str:
    if flow.style == "event":
        return f"{flow.message or 'messages'} on {flow.channel}"
    return f"{flow.message} ({flow.style})"


def _undeclared_flows(scope: Scope) -> None:
    for flow in scope.contract_flows:
        ends = _ends(scope, flow)
        if ends is None or _declared(scope, flow, *ends):
            continue
        source, target = ends
        attributes = flow_attributes(scope.plan, flow)
        additions: list[Item] = []
        for field, table, known in (("event", scope.plan.events, scope.match.events),
                                    ("topic", scope.plan.topics, scope.match.topics)):
            name = flow.message if field == "event" else flow.channel
            if field in attributes and name in known:
                attributes[field] = known[name]
            elif field in attributes:
                additions.append(scope.planned(table[name]))
                attributes[field] = additions[-1].id
        planned = scope.plan.relations[scope.plan.flows[flow_key(flow)]]
        additions.append(Flow(id=planned.id, source=source, target=target, **attributes))
        thing = attributes.get("event") or attributes.get("topic") or planned.id
        scope.report(
            "SF101",
            f"The contracts show {scope.name(source)} sending {_what(flow)} to {scope.name(target)} "
            f"({flow.origin}), but the model has no such flow",
            (source, target, thing),
            f"Declare the flow from {scope.name(source)} to {scope.name(target)}, or stop it in the running estate.",
            tuple(additions),
        )


def _open_ends(scope: Scope) -> None:
    """A send nobody in the contracts receives (or the reverse) still needs a flow at that end."""
    for endpoint in scope.estate.open_endpoints():
        element = scope.match.applications.get(endpoint.application)
        if element is None or endpoint.reply:
            continue
        event, topic = scope.match.events.get(endpoint.message), scope.match.topics.get(endpoint.channel)
        sending = endpoint.action == "send"
        boundary = scope.boundary(element)
        probe = MessageFlow("", "", endpoint.channel, endpoint.message, "event", endpoint.source)
        flows = (scope.leaving if sending else scope.reaching).get(boundary, ())
        if not any(fits(flow, probe, event, topic) for flow in flows):
            planned = scope.plan.events.get(endpoint.message) or scope.plan.topics[endpoint.channel]
            thing = event or topic or scope.planned(planned).id
            verb = "sending" if sending else "receiving"
            scope.report(
                "SF101",
                f"The contracts show {scope.name(element)} {verb} {endpoint.message} on {endpoint.channel} "
                f"({endpoint.source}), but no flow of the model {'leaves' if sending else 'reaches'} it with it",
                (element, thing),
                f"Declare the flow {'from' if sending else 'to'} {scope.name(element)} with this event.",
            )


def _unbacked_flows(scope: Scope) -> None:
    contract: dict[tuple[str, str], list[MessageFlow]] = defaultdict(list)
    for shown in scope.contract_flows:
        found = _ends(scope, shown)
        if found is not None:
            contract[(scope.boundary(found[0]), scope.boundary(found[1]))].append(shown)
    for flow in scope.flows:
        ends = scope.ends(flow)
        if ends[0] == ends[1] or not _judged(scope, flow, ends):
            continue
        backed = any(
            fits(flow, c, scope.match.events.get(c.message), scope.match.topics.get(c.channel))
            for c in contract.get(ends, ())
        )
        if not backed:
            scope.report(
                "SF102",
                f"The model's flow {flow.name or flow.id} from {scope.name(flow.source)} to "
                f"{scope.name(flow.target)} is in no contract",
                (flow.id,),
                "Add the operation (AsyncAPI) or the provided and consumed API (Backstage) that backs it, "
                "or remove the flow from the model.",
            )


def _judged(scope: Scope, flow: Flow, ends: tuple[str, str]) -> bool:
    formats = scope.described.get(ends[0], set()) & scope.described.get(ends[1], set())
    return "asyncapi" in formats if flow.is_asynchronous else bool(formats)
