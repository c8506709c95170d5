"""Checking a capture line against the model: what Enter will add, or why it cannot, with no change made."""

from __future__ import annotations

from dataclasses import dataclass, field

from model.capture.language import AddElement, AddFlow, AddRelation, CaptureError, Statement, parse, splits
from model.capture.names import Resolved, article, key, named, resolve
from model.elements import PARTICIPANT_KINDS
from model.relations import ENDPOINTS, Flow
from model.store import Model
from model.vocabulary import ElementKind, FlowStyle, RelationKind

K = ElementKind
R = RelationKind
#: An end of a planned relation: an existing element's id, or the index of a planned new element.
End = str | int


@dataclass(frozen=True)
class Defaults:
    """What a bare line means: the palette's kind for a name, the current style for ``A -> B``."""

    kind: ElementKind = K.CONTEXT
    flow_style: FlowStyle = FlowStyle.QUERY


@dataclass(frozen=True)
class NewElement:
    name: str
    kind: ElementKind
    near: End | None = None  # placed next to this end when it is drawn


@dataclass(frozen=True)
class NewRelation:
    kind: RelationKind
    source: End
    target: End
    attributes: dict[str, object] = field(default_factory=dict)


@dataclass
class Plan:
    """The change one line makes: new elements, new relations, what to select after, and a summary."""

    elements: list[NewElement] = field(default_factory=list)
    relations: list[NewRelation] = field(default_factory=list)
    select: End | None = None
    summary: str = ""
    shown: list[str] = field(default_factory=list)  # existing elements the line names (drawn if missing)

    @property
    def changes_model(self) -> bool:
        return bool(self.elements or self.relations)

    def end(self, resolved: Resolved, near: End | None = None) -> End:
        """The plan's handle on an end: its id, or a new element planned once per name."""
        if resolved.element is not None:
            if resolved.element.id not in self.shown:
                self.shown.append(resolved.element.id)
            return resolved.element.id
        for index, planned in enumerate(self.elements):
            if key(planned.name) == key(resolved.name) and planned.kind is resolved.kind:
                return index
        assert resolved.kind is not None
        self.elements.append(NewElement(resolved.name, resolved.kind, near))
        return len(self.elements) - 1


def plan(model: Model, line: str, defaults: Defaults = Defaults()) -> Plan | None:
    """The plan of ``line`` (None for a blank line); ``CaptureError`` when the model cannot take it."""
    statement = parse(line)
    if statement is None:
        return None
    if isinstance(statement, AddRelation):
        return _relation_of_any_split(model, line, statement)
    return _plan(model, statement, defaults)


def _plan(model: Model, statement: Statement, defaults: Defaults) -> Plan:
    if isinstance(statement, AddElement):
        return _element(model, statement, defaults)
    if isinstance(statement, AddFlow):
        return _flow(model, statement, defaults)
    return _relation(model, statement)


def _element(model: Model, statement: AddElement, defaults: Defaults) -> Plan:
    kind = statement.kind or defaults.kind
    existing = [e for e in named(model, statement.name) if e.kind is kind]
    if existing:
        found = existing[0]
        return Plan(select=found.id, shown=[found.id], summary=f"selects the {kind} {found.name} (already there)")
    result = Plan(elements=[NewElement(statement.name, kind)], select=0)
    result.summary = f"adds {article(kind)} {kind} {statement.name}"
    return result


def _flow(model: Model, statement: AddFlow, defaults: Defaults) -> Plan:
    style = statement.style or defaults.flow_style
    source = resolve(model, statement.source, PARTICIPANT_KINDS, K.CONTEXT)
    target = resolve(model, statement.target, PARTICIPANT_KINDS, K.CONTEXT)
    _different(source, target)
    result = Plan()
    source_end = result.end(source)
    target_end = result.end(target, near=source_end)
    attributes: dict[str, object] = {"style": style}
    if style is FlowStyle.COMMAND and statement.asynchronous:
        attributes["synchronous"] = False
    elif statement.detail and style is not FlowStyle.EVENT:
        attributes["name"] = statement.detail
    event_text = ""
    if style is FlowStyle.EVENT and statement.detail:
        event_text = _deliver_event(model, result, source, source_end, statement.detail, attributes)
    _refuse_duplicate_flow(model, source, target, attributes)
    result.relations.append(NewRelation(R.FLOW, source_end, target_end, attributes))
    result.select = target_end
    result.summary = f"adds {article(style)} {style} flow {source.name} → {target.name}{event_text}{_new_text(result)}"
    return result


def _deliver_event(model: Model, result: Plan, sender: Resolved, sender_end: End, name: str,  # noqa: PLR0917
                   attributes: dict[str, object]) -> str:
    """Plan the event an event flow delivers: found by name, or new and published by the sender's context."""
    event = resolve(model, name, frozenset({K.EVENT}))
    event_end = result.end(event, near=sender_end)
    attributes["event"] = event_end
    publisher = _publishing_context(model, sender, sender_end)
    published = event.element is not None and publisher is not None and isinstance(publisher, str) and any(
        r.source == publisher for r in model.incoming(event.element.id, R.PUBLISHES))
    if publisher is not None and not published:
        result.relations.append(NewRelation(R.PUBLISHES, publisher, event_end))
    return f" delivering {name}"


def _publishing_context(model: Model, sender: Resolved, sender_end: End) -> End | None:
    if sender.kind is K.CONTEXT:
        return sender_end
    if sender.element is not None:
        return model.container_of(sender.element.id)
    return None


def _refuse_duplicate_flow(model: Model, source: Resolved, target: Resolved, attributes: dict[str, object]) -> None:
    if source.element is None or target.element is None:
        return
    for flow in model.outgoing(source.element.id, R.FLOW):
        if (flow.target == target.element.id and isinstance(flow, Flow) and flow.style is attributes["style"]
                and flow.event == attributes.get("event")):
            raise CaptureError(f"{source.element.name} already sends {article(flow.style)} {flow.style}"
                               f" to {target.element.name}")


def _relation_of_any_split(model: Model, line: str, first: AddRelation) -> Plan:
    """Try every reading of the line; the one whose names are known wins, else the first reading's reason."""
    error: CaptureError | None = None
    candidates: list[Plan] = []
    for statement in splits(line) or [first]:
        try:
            candidates.append(_relation(model, statement))
        except CaptureError as refused:
            error = error or refused
    if not candidates:
        raise error or CaptureError("nothing to add")
    return min(candidates, key=lambda p: len(p.elements))


def _relation(model: Model, statement: AddRelation) -> Plan:
    """The relation kind the verb names whose ends fit, with the fewest new elements."""
    options: list[tuple[int, int, Plan]] = []
    reasons: list[str] = []
    for order, kind in enumerate(statement.kinds):
        sources, targets = ENDPOINTS[kind]
        try:
            source = resolve(model, statement.source, sources)
            target = resolve(model, statement.target, targets)
        except CaptureError as error:
            reasons.append(str(error))
            continue
        _different(source, target)
        options.append((int(source.is_new) + int(target.is_new), order, _relation_plan(model, kind, source, target)))
    if not options:
        raise CaptureError(reasons[0])
    return min(options, key=lambda option: option[:2])[2]


def _relation_plan(model: Model, kind: RelationKind, source: Resolved, target: Resolved) -> Plan:
    if source.element is not None and target.element is not None and any(
            r.target == target.element.id for r in model.outgoing(source.element.id, kind)):
        raise CaptureError(f"{source.element.name} already {_verb(kind)} {target.element.name}")
    result = Plan()
    source_end = result.end(source)
    target_end = result.end(target, near=source_end)
    result.relations.append(NewRelation(kind, source_end, target_end))
    result.select = target_end if isinstance(target_end, int) else source_end
    result.summary = f"adds {source.name} {_verb(kind)} {target.name}{_new_text(result)}"
    return result


def _verb(kind: RelationKind) -> str:
    return "owns" if kind is R.TEAM_OWNS else str(kind)


def _different(source: Resolved, target: Resolved) -> None:
    if key(source.name) == key(target.name) and source.kind is target.kind:
        raise CaptureError("a relation joins two different elements")


def _new_text(result: Plan) -> str:
    if not result.elements:
        return ""
    return " (new: " + ", ".join(f"{e.kind} {e.name}" for e in result.elements) + ")"
