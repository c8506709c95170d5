"""Events and topics: delivered, not dumped together, retained lawfully, and evolvable."""

from __future__ import annotations

from collections.abc import Iterator

from model.elements import Event, Fact, Topic
from model.engine.reader import Reader
from model.engine.rule import Finding, Params, Rule
from model.relations import Flow
from model.rules._text import label, listing
from model.vocabulary import Compatibility, ElementKind, EventClass, RelationKind, Severity


def _delivering(reader: Reader, event_id: str) -> list[Flow]:
    """Flows that deliver the event (not those that merely name it elsewhere)."""
    return [flow for flow in reader.flows_referencing(event_id) if flow.event == event_id]


def _on_topic(reader: Reader, topic_id: str) -> list[Flow]:
    """Flows that travel on the topic."""
    return [flow for flow in reader.flows_referencing(topic_id) if flow.topic == topic_id]


def _personal_facts(reader: Reader, flows: list[Flow]) -> set[str]:
    """Facts marked as personal data that any of the flows carries."""
    found: set[str] = set()
    for flow in flows:
        for fact_id in flow.carries:
            if fact_id not in found:
                fact = reader.element(fact_id)
                if isinstance(fact, Fact) and fact.personal_data:
                    found.add(fact_id)
    return found


# ---------------------------------------------------------------------------------------------- SF013


def delivered_and_focused(reader: Reader, subject_id: str, params: Params) -> Iterator[Finding]:
    """SF013: a published event is delivered by some flow; a topic carries flows of one producing context."""
    element = reader.element(subject_id)
    if isinstance(element, Event):
        yield from _undelivered_event(reader, subject_id)
    elif isinstance(element, Topic):
        yield from _dumping_ground(reader, subject_id)


def _undelivered_event(reader: Reader, event_id: str) -> Iterator[Finding]:
    publishers = reader.incoming(event_id, RelationKind.PUBLISHES)
    if not publishers or _delivering(reader, event_id):
        return
    producers = sorted({p.source for p in publishers})
    name = label(reader, event_id)
    yield Finding(
        f"{listing(label(reader, p) for p in producers)} publishes {name}, but no flow delivers it to anyone",
        (event_id, *producers),
        f"Draw the flow that delivers {name} to its consumer (set the flow's event), or stop publishing it.",
    )


def _dumping_ground(reader: Reader, topic_id: str) -> Iterator[Finding]:
    flows = _on_topic(reader, topic_id)
    if len(flows) < 2:
        return
    producers = sorted({reader.boundary(flow.source) for flow in flows})
    if len(producers) < 2:
        return
    name = label(reader, topic_id)
    yield Finding(
        f"Topic {name} carries flows from {len(producers)} producing contexts "
        f"({listing(label(reader, p) for p in producers)}): a dumping ground",
        (topic_id, *producers, *sorted(flow.id for flow in flows)),
        f"Give each producing context its own topic, so that {name} has one owner and its consumers know "
        "whose facts they read.",
    )


# ---------------------------------------------------------------------------------------------- SF016


def personal_data_retention(reader: Reader, subject_id: str, params: Params) -> Iterator[Finding]:
    """SF016: an event or topic that carries personal data declares a retention."""
    element = reader.element(subject_id)
    if isinstance(element, Event):
        if element.retention is not None:
            return
        name = label(reader, subject_id)
        if element.personal_data:
            yield Finding(
                f"Event {name} is marked as personal data but declares no retention",
                (subject_id,),
                f"Declare how long {name} is kept (a retention such as P30D), as data protection requires.",
            )
            return
        facts = sorted(_personal_facts(reader, _delivering(reader, subject_id)))
        if facts:
            yield Finding(
                f"Event {name} carries personal data ({listing(label(reader, f) for f in facts)}) "
                "but declares no retention",
                (subject_id, *facts),
                f"Declare how long {name} is kept (a retention such as P30D), as data protection requires.",
            )
    elif isinstance(element, Topic):
        if element.retention is not None:
            return
        flows = _on_topic(reader, subject_id)
        if not flows:
            return
        events: set[str] = set()
        for event_id in {flow.event for flow in flows if flow.event is not None}:
            event = reader.element(event_id)
            if isinstance(event, Event) and (
                event.personal_data or _personal_facts(reader, _delivering(reader, event_id))
            ):
                events.add(event_id)
        carried = _personal_facts(reader, flows)
        if not events and not carried:
            return
        name = label(reader, subject_id)
        reasons = [f"event {label(reader, e)}" for e in sorted(events)]
        reasons += [f"fact {label(reader, f)}" for f in sorted(carried)]
        yield Finding(
            f"Topic {name} carries personal data ({listing(reasons)}) but declares no retention",
            (subject_id, *sorted(events), *sorted(carried)),
            f"Declare how long {name} keeps its messages (a retention such as P30D), as data protection "
            "requires.",
        )


# ---------------------------------------------------------------------------------------------- SF018


def declared_compatibility(reader: Reader, event_id: str, params: Params) -> Iterator[Finding]:
    """SF018: an integration event declares a compatibility mode other than none."""
    event = reader.element(event_id)
    if not isinstance(event, Event) or event.event_class is not EventClass.INTEGRATION:
        return
    if event.compatibility is not None and event.compatibility is not Compatibility.NONE:
        return
    name = label(reader, event_id)
    declared = "declares no compatibility mode" if event.compatibility is None else "declares compatibility none"
    yield Finding(
        f"Integration event {name} {declared}",
        (event_id,),
        f"Declare how the schema of {name} may evolve (backward, forward or full), so that producer and "
        "consumers can upgrade independently.",
    )


RULES = (
    Rule(
        "SF013",
        "Published events are delivered; a topic carries one producing context",
        Severity.INFO,
        (str(ElementKind.EVENT), str(ElementKind.TOPIC)),
        delivered_and_focused,
        rationale="An event nobody receives is dead weight, and a topic shared by several producers has no owner "
        "to keep its contract.",
        remedy="Deliver the event to a consumer or remove it; let one context produce each topic and give the others "
        "topics of their own.",
    ),
    Rule(
        "SF016",
        "Events and topics with personal data declare a retention",
        Severity.WARNING,
        (str(ElementKind.EVENT), str(ElementKind.TOPIC)),
        personal_data_retention,
        rationale="Personal data may be kept only as long as needed; an event log without a retention keeps it "
        "forever.",
        remedy="Declare how long the event or topic keeps its personal data (its retention).",
    ),
    Rule(
        "SF018",
        "Integration events declare a compatibility mode",
        Severity.INFO,
        (str(ElementKind.EVENT),),
        declared_compatibility,
        rationale="Consumers of an integration event live in other contexts and upgrade on their own schedule; "
        "they can only do so if the schema evolves compatibly.",
        remedy="Declare the integration event's compatibility mode: backward, forward, full or none.",
    ),
)
