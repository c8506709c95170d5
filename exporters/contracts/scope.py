"""What every drift rule looks at: the model, the estate, the plan of the estate, and the match."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from exporters.contracts.estate import Estate, MessageFlow
from exporters.contracts.mapping import Plan, plan_estate
from exporters.contracts.matching import Match, match_estate
from model.elements import Decision, ElementBase
from model.engine import Violation
from model.relations import Flow, RelationBase
from model.store import Model
from model.vocabulary import DecisionStatus, FlowStyle, RelationKind, Severity

Item = ElementBase | RelationBase


@dataclass(frozen=True)
class Drift:
    """A drift finding, and what adding the missing part to the model takes (empty when nothing can)."""

    violation: Violation
    additions: tuple[Item, ...] = ()


@dataclass
class Scope:
    model: Model
    estate: Estate
    plan: Plan = field(init=False)
    match: Match = field(init=False)
    described: dict[str, set[str]] = field(init=False)  # model boundary -> "asyncapi" / "backstage"
    severities: dict[str, Severity] = field(default_factory=dict)
    found: list[Drift] = field(default_factory=list)
    _fresh: dict[str, ElementBase] = field(default_factory=dict)
    _boundaries: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.plan = plan_estate(self.estate)
        self.match = match_estate(self.model, self.estate)
        self.described = defaultdict(set)
        for key, element_id in self.match.applications.items():
            self.described[self.boundary(element_id)] |= self.estate.applications[key].described
        self.contract_flows = self.estate.flows()
        self.flows = [r for r in self.model.relations(RelationKind.FLOW) if isinstance(r, Flow)]
        self.between: dict[tuple[str, str], list[Flow]] = defaultdict(list)
        self.leaving: dict[str, list[Flow]] = defaultdict(list)
        self.reaching: dict[str, list[Flow]] = defaultdict(list)
        self.carrying: dict[str, list[Flow]] = defaultdict(list)  # topic or event id -> flows
        for flow in self.flows:
            ends = self.ends(flow)
            self.between[ends].append(flow)
            self.leaving[ends[0]].append(flow)
            self.reaching[ends[1]].append(flow)
            for carried in {flow.topic, flow.event} - {None}:
                self.carrying[carried].append(flow)  # type: ignore[index]

    def boundary(self, element_id: str) -> str:
        """The element's context (a service or acl speaks for it), or the element; remembered."""
        found = self._boundaries.get(element_id)
        if found is None:
            found = self._boundaries[element_id] = self.model.container_of(element_id) or element_id
        return found

    def ends(self, flow: Flow) -> tuple[str, str]:
        return self.boundary(flow.source), self.boundary(flow.target)

    def ident(self, application: str) -> str:
        """The model's id of an application, or the id an import would give it."""
        return self.match.applications.get(application) or self.plan.applications[application]

    def free(self, wanted: str) -> str:
        """``wanted``, or ``wanted-2``... when the model already uses it for something else."""
        candidate, number = wanted, 2
        while self.model.is_known_id(candidate):
            candidate, number = f"{wanted}-{number}", number + 1
        return candidate

    def planned(self, plan_id: str) -> ElementBase:
        """The element an import would make, with an id the model does not use yet (always the same one)."""
        if plan_id not in self._fresh:
            element = self.plan.elements[plan_id]
            self._fresh[plan_id] = element.model_copy(update={"id": self.free(plan_id)})
        return self._fresh[plan_id]

    def name(self, item_id: str) -> str:
        planned = {e.id: e for e in self._fresh.values()}
        item = self.model.find_element(item_id) or self.model.find_relation(item_id) or planned.get(item_id)
        return (item.name or item_id) if item is not None else item_id

    def report(self, rule: str, message: str, elements: tuple[str, ...], fix: str,
               additions: tuple[Item, ...] = ()) -> None:
        severity = self.severities[rule]
        violation = Violation(rule, severity, message, elements, fix, self._waiving(rule, elements))
        self.found.append(Drift(violation, additions))

    def _waiving(self, rule: str, elements: tuple[str, ...]) -> str | None:
        wanted = frozenset(elements)
        for waiver in self.model.waivers():
            if waiver.rule == rule and frozenset(waiver.elements) == wanted:
                decision = self.model.find_element(waiver.decision)
                if isinstance(decision, Decision) and decision.status is DecisionStatus.ACCEPTED:
                    return decision.id
        return None



def fits(flow: Flow, contract: MessageFlow, event: str | None, topic: str | None) -> bool:
    """Whether a model flow between the right boundaries is the one a contract flow shows."""
    if flow.style is FlowStyle.UNDECLARED:
        return True
    if contract.style != "event":
        return flow.style in (FlowStyle.QUERY, FlowStyle.COMMAND)
    if not flow.is_asynchronous:
        return False
    if event and flow.event:
        return flow.event == event
    if topic and flow.topic:
        return flow.topic == topic
    return True
