"""The words a diagram puts on its boxes and lines, the same in every format (Graphviz, Mermaid, LikeC4...)."""

from __future__ import annotations

from model.elements import Context, Datastore, ElementBase, Event, Fact, Invariant, Reconciliation, Saga, System
from model.relations import Flow, RelationBase, Replicates
from model.store import Model
from model.vocabulary import DatastoreUsage, FlowStyle, Lifecycle


def name_of(element: ElementBase) -> str:
    return element.name.strip() or element.id


def detail(element: ElementBase) -> str:
    """The attribute a reviewer wants to see under the name (event class and version, ...)."""
    match element:
        case Context():
            words = [str(element.domain)] if element.domain else []
            if element.lifecycle is not Lifecycle.TARGET:
                words.append(str(element.lifecycle))
            return " · ".join(words)
        case System(legacy=True):
            return "legacy"
        case Fact(personal_data=True):
            return "personal data"
        case Datastore(usage=DatastoreUsage.ANALYTICAL):
            return "analytical"
        case Event():
            version = f" v{element.schema_version}" if element.schema_version else ""
            return f"{element.event_class}{version}"
        case Saga():
            return str(element.coordination)
        case Invariant():
            return str(element.consistency)
        case Reconciliation():
            return element.schedule
    return ""


def is_legacy(element: ElementBase) -> bool:
    """A legacy system or a legacy context: drawn with a dashed outline."""
    if isinstance(element, System):
        return element.legacy
    return isinstance(element, Context) and element.lifecycle is Lifecycle.LEGACY


def flow_word(flow: Flow) -> str:
    if flow.style is FlowStyle.COMMAND and flow.synchronous is False:
        return "async command"
    return str(flow.style)


def flow_label(model: Model, flow: Flow) -> str:
    """The event an event flow delivers, else the flow's name, else its style."""
    if flow.style is FlowStyle.EVENT and flow.event is not None:
        event = model.find_element(flow.event)
        if event is not None:
            return event.name.strip() or event.id
    return flow.name.strip() or flow_word(flow)


def relation_label(model: Model, relation: RelationBase) -> str:
    """What a line says: a flow's event or name, else the relation's kind (``replicates ≤ PT5M``)."""
    if isinstance(relation, Flow):
        return flow_label(model, relation)
    if isinstance(relation, Replicates) and relation.max_staleness:
        return f"replicates ≤ {relation.max_staleness}"
    return relation.name.strip() or str(relation.kind)


def describe(model: Model, relation: RelationBase) -> str:
    """A tooltip: ``Ordering -[event]-> Billing: Orders to invoice``."""
    source = model.find_element(relation.source)
    target = model.find_element(relation.target)
    ends = [(e.name.strip() or e.id) if e else i for e, i in ((source, relation.source), (target, relation.target))]
    kind = flow_word(relation) if isinstance(relation, Flow) else str(relation.kind)
    text = f"{ends[0]} -[{kind}]-> {ends[1]}"
    if isinstance(relation, Replicates) and relation.max_staleness:
        text += f" (stale by at most {relation.max_staleness})"
    name = relation.name.strip()
    return f"{text}: {name}" if name else text
