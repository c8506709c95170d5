"""How flows cross context boundaries: a declared style, versioned events, safe asynchronous delivery."""

from __future__ import annotations

from collections.abc import Iterator

from model.elements import Event
from model.engine.reader import Reader
from model.engine.rule import Finding, Params, Rule
from model.relations import Flow
from model.rules._text import label
from model.vocabulary import DeadLetterPolicy, EventClass, FlowStyle, RelationKind, Severity

FLOW = str(RelationKind.FLOW)


def _ends(reader: Reader, flow: Flow) -> tuple[str, str]:
    """The names of the flow's initiator and receiver."""
    return label(reader, flow.source), label(reader, flow.target)


def style_declared(reader: Reader, flow_id: str, params: Params) -> Iterator[Finding]:
    flow = reader.flow(flow_id)
    if flow is None or flow.style is not FlowStyle.UNDECLARED or not reader.crosses_boundary(flow):
        return
    source, target = _ends(reader, flow)
    yield Finding(
        f"The flow from {source} to {target} crosses a context boundary but declares no interaction style",
        (flow.source, flow.target, flow_id),
        f"Declare the flow a query, a command or an event, so both teams know whether {source} waits for {target}.",
    )


def event_contract(reader: Reader, flow_id: str, params: Params) -> Iterator[Finding]:
    flow = reader.flow(flow_id)
    if flow is None or flow.style is not FlowStyle.EVENT or flow.event is None:
        return
    event = reader.element(flow.event)
    if not isinstance(event, Event):
        return
    technical = event.event_class is EventClass.TECHNICAL
    unversioned = event.event_class is EventClass.INTEGRATION and not (event.schema_version or "").strip()
    if not (technical or unversioned) or not reader.crosses_boundary(flow):
        return
    source, target = _ends(reader, flow)
    name = event.name or event.id
    elements = (flow.source, flow.target, event.id, flow_id)
    if technical:
        yield Finding(
            f"{source} sends the technical (CDC) event {name} to {target} across a context boundary: "
            f"{target} now depends on how {source} stores its data",
            elements,
            f"Publish a domain or integration event that states the business change instead of {name}.",
        )
    else:
        yield Finding(
            f"The integration event {name} from {source} to {target} has no schema version",
            elements,
            f"Give {name} a schema version, so {target} knows which contract it consumes and changes stay visible.",
        )


def idempotent_consumer(reader: Reader, flow_id: str, params: Params) -> Iterator[Finding]:
    flow = reader.flow(flow_id)
    if flow is None or not flow.is_asynchronous or flow.idempotent or not reader.crosses_boundary(flow):
        return
    source, target = _ends(reader, flow)
    yield Finding(
        f"{target} consumes asynchronous messages from {source} but is not idempotent: "
        "a message delivered twice is applied twice",
        (flow.source, flow.target, flow_id),
        f"Make the consumer in {target} idempotent (for example, skip message ids it has already processed) "
        "and mark the flow idempotent.",
    )


def dead_letter_policy(reader: Reader, flow_id: str, params: Params) -> Iterator[Finding]:
    flow = reader.flow(flow_id)
    if (
        flow is None
        or not flow.is_asynchronous
        or flow.dead_letter is not DeadLetterPolicy.NONE
        or not reader.crosses_boundary(flow)
    ):
        return
    source, target = _ends(reader, flow)
    yield Finding(
        f"The asynchronous flow from {source} to {target} has no dead-letter policy: "
        f"a message {target} cannot process is lost or blocks the ones behind it",
        (flow.source, flow.target, flow_id),
        "Choose what happens to a message that keeps failing: replay it, repair it, or escalate it to a person.",
    )


RULES = (
    Rule(
        "SF004",
        "Every flow that crosses a context boundary declares its interaction style",
        Severity.ERROR,
        (FLOW,),
        style_declared,
        rationale="Whether a flow is a query, a command or an event decides coupling, latency and failure handling.",
        remedy="Set the flow's style to query, command or event.",
    ),
    Rule(
        "SF009",
        "Events that cross a context boundary are business events with a versioned contract",
        Severity.WARNING,
        (FLOW,),
        event_contract,
        rationale="A CDC event leaks a storage model and an unversioned integration event breaks consumers silently.",
        remedy="Publish a business event instead of the CDC event, and give every integration event a schema version.",
    ),
    Rule(
        "SF011",
        "Consumers of asynchronous flows across a boundary are idempotent",
        Severity.WARNING,
        (FLOW,),
        idempotent_consumer,
        rationale="Asynchronous delivery is at least once, so a consumer that is not idempotent corrupts its data.",
        remedy="Make the consumer idempotent (it deduplicates messages by id, or its updates are idempotent by "
        "nature) and mark the flow so.",
    ),
    Rule(
        "SF012",
        "Asynchronous flows across a boundary have a dead-letter policy",
        Severity.WARNING,
        (FLOW,),
        dead_letter_policy,
        rationale="Without a dead-letter policy a message that cannot be processed is lost or stops the queue.",
        remedy="Declare the flow's dead-letter policy: what happens to a message that keeps failing.",
    ),
)
