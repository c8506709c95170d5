"""Seeded generator of large, realistic estates for the benchmark.

The shape follows what large organisations draw: contexts grouped into domains and stacked in
layers (experience, process, domain, foundation) so that synchronous calls mostly go downstream
and chains stay short; about three facts and five outgoing flows per context, 40% of them events
over the publisher's own topic; private operational databases with a few shared ones; sagas,
invariants and reconciliations in proportion; legacy systems reached through anti-corruption layers.
A small share of everything is drawn wrong on purpose, so that most rules have something to find
and the engine works as it would on a real estate.

Everything is added through the model verbs inside one transaction, as a file load would.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from model.elements import ELEMENT_CLASSES
from model.relations import RELATION_CLASSES
from model.settings import Settings, Waiver
from model.store import Model
from model.views import Bounds, Route, ViewInfo
from model.vocabulary import (
    Compatibility,
    Consistency,
    DatastoreUsage,
    DeadLetterPolicy,
    DecisionStatus,
    DomainClass,
    ElementKind,
    EventClass,
    FlowStyle,
    Lifecycle,
    RelationKind,
)

K, R = ElementKind, RelationKind
LAYERS = 4  # 0 foundation, 1 domain, 2 process, 3 experience: calls go to lower layers
FLOWS_PER_CONTEXT = 5
FACTS_PER_CONTEXT = 3
DOMAIN_SIZE = 10
_DOMAIN_WORDS = (
    "Sales", "Payments", "Logistics", "Inventory", "Customer", "Marketing", "Finance", "Risk", "Claims",
    "Policy", "Procurement", "Workforce", "Compliance", "Product", "Service", "Partner",
)
_NOUNS = ("Ledger", "Orders", "Accounts", "Pricing", "Scheduling", "Catalogue", "Contracts", "Reporting",
          "Onboarding", "Settlement", "Tracking", "Quotes", "Returns", "Forecasting", "Registry")


class _Estate:
    """Builds one estate; every random choice goes through ``rng`` so a seed gives the same model."""

    def __init__(self, model: Model, contexts: int, rng: random.Random) -> None:
        self.model = model
        self.rng = rng
        self.n = contexts
        self.width = len(str(contexts))
        self.contexts = [self.cid(i) for i in range(contexts)]
        self.domains = max(1, round(contexts / DOMAIN_SIZE))
        self.domain_of = [i * self.domains // contexts for i in range(contexts)]
        self.layer_of = [rng.choices(range(LAYERS), weights=(30, 30, 25, 15))[0] for _ in range(contexts)]
        self.members: list[list[int]] = [[] for _ in range(self.domains)]
        for i, domain in enumerate(self.domain_of):
            self.members[domain].append(i)
        self.services: list[list[str]] = [[] for _ in range(contexts)]
        self.facts: list[list[str]] = [[] for _ in range(contexts)]
        self.events: list[list[str]] = [[] for _ in range(contexts)]
        self.topic: list[str | None] = [None] * contexts
        self.carried: dict[str, int] = {}  # facts sent asynchronously across a boundary -> domain
        self.coexisting: list[int] = []
        self.teamless: list[int] = []
        self._counter = 0

    # ------------------------------------------------------------------ helpers

    def cid(self, i: int) -> str:
        return f"ctx-{i:0{self.width}d}"

    def add(self, kind: ElementKind, element_id: str, name: str, **attributes: Any) -> str:
        self.model.add_element(ELEMENT_CLASSES[kind](id=element_id, name=name, **attributes))
        return element_id

    def relate(self, kind: RelationKind, source: str, target: str, **attributes: Any) -> str:
        self._counter += 1
        relation_id = f"{kind.value}-{self._counter}"
        self.model.add_relation(RELATION_CLASSES[kind](id=relation_id, source=source, target=target, **attributes))
        return relation_id

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, items: Sequence[str]) -> str:
        return items[self.rng.randrange(len(items))]

    # ------------------------------------------------------------------- layers

    def build(self) -> None:
        self.model.update_settings(name=f"Generated estate of {self.n} contexts", language="en")
        self.teams_and_contexts()
        self.datastores()
        self.facts_and_events()
        for i in range(self.n):
            self.flows_of(i)
        self.legacy_systems()
        self.consistency()
        self.decisions()
        self.views()

    def teams_and_contexts(self) -> None:
        teams = [self.add(K.TEAM, f"team-{t:0{self.width}d}", f"Team {t}") for t in range(max(1, self.n * 3 // 5))]
        for i, context_id in enumerate(self.contexts):
            domain = _DOMAIN_WORDS[self.domain_of[i] % len(_DOMAIN_WORDS)]
            lifecycle = Lifecycle.TARGET
            if self.chance(0.07):
                lifecycle = Lifecycle.COEXISTING
                self.coexisting.append(i)
            elif self.chance(0.03):
                lifecycle = Lifecycle.LEGACY
            self.add(K.CONTEXT, context_id, f"{domain} {self.pick(_NOUNS)} {i}",
                     domain=self.rng.choice(list(DomainClass)), lifecycle=lifecycle,
                     tags=[f"domain-{self.domain_of[i]}", f"layer-{self.layer_of[i]}"])
            if self.chance(0.02):
                self.teamless.append(i)
            else:
                self.relate(R.TEAM_OWNS, teams[i * len(teams) // self.n], context_id)
                if self.chance(0.01):
                    self.relate(R.TEAM_OWNS, self.pick(teams), context_id)
            if self.chance(0.4):
                for s in range(self.rng.randint(1, 3)):
                    service_id = self.add(K.SERVICE, f"svc-{i:0{self.width}d}-{s}", f"Service {i}.{s}")
                    self.relate(R.CONTAINS, context_id, service_id)
                    self.services[i].append(service_id)

    def datastores(self) -> None:
        private = []
        for i, context_id in enumerate(self.contexts):
            store = self.add(K.DATASTORE, f"ds-{i:0{self.width}d}", f"Database {i}")
            private.append(store)
            self.relate(R.USES, self.services[i][0] if self.services[i] else context_id, store)
        for context_id in self.contexts:  # a few shared operational databases
            if self.chance(0.01):
                self.relate(R.USES, context_id, private[self.rng.randrange(self.n)])
        for domain, members in enumerate(self.members):
            store = self.add(K.DATASTORE, f"dwh-{domain}", f"Analytics {domain}", usage=DatastoreUsage.ANALYTICAL)
            for i in self.rng.sample(members, min(len(members), 4)):
                self.relate(R.USES, self.contexts[i], store)

    def facts_and_events(self) -> None:
        for i, context_id in enumerate(self.contexts):
            writer = self.services[i][0] if self.services[i] else context_id
            for f in range(FACTS_PER_CONTEXT):
                fact_id = self.add(K.FACT, f"fact-{i:0{self.width}d}-{f}", f"Fact {i}.{f}",
                                   personal_data=self.chance(0.1))
                self.facts[i].append(fact_id)
                if not self.chance(0.01):  # the rest are orphans
                    self.relate(R.OWNS, context_id, fact_id)
                    self.relate(R.WRITES, writer, fact_id)
                if self.chance(0.01):  # contested authority
                    self.relate(R.OWNS, self.contexts[self.rng.randrange(self.n)], fact_id)
                if self.chance(0.01):  # a foreign writer
                    self.relate(R.WRITES, self.contexts[self.rng.randrange(self.n)], fact_id)
                if self.chance(0.2):
                    self.relate(R.REPLICATES, self.neighbour(i), fact_id, max_staleness="PT15M")
            self.topic[i] = self.add(K.TOPIC, f"topic-{i:0{self.width}d}", f"domain{self.domain_of[i]}.ctx{i}.v1",
                                     retention=None if self.chance(0.05) else "P7D", partitions=6)
            for e in range(self.rng.choice((1, 1, 2))):
                self.events[i].append(self.event(i, e))

    def event(self, i: int, e: int) -> str:
        event_class = self.rng.choices(list(EventClass), weights=(25, 70, 5))[0]
        compatibility = Compatibility.NONE if self.chance(0.05) else Compatibility.BACKWARD
        event_id = self.add(
            K.EVENT, f"evt-{i:0{self.width}d}-{e}", f"Event{i}x{e}", event_class=event_class,
            schema_version=None if self.chance(0.03) else "1.0", compatibility=compatibility,
            personal_data=self.chance(0.1), retention=None if self.chance(0.1) else "P30D",
        )
        self.relate(R.PUBLISHES, self.contexts[i], event_id)
        return event_id

    def neighbour(self, i: int, same_domain: float = 0.7) -> str:
        """Another context, usually of the same domain."""
        members = self.members[self.domain_of[i]]
        if len(members) > 1 and self.chance(same_domain):
            return self.contexts[self.rng.choice([m for m in members if m != i])]
        j_index = self.rng.randrange(self.n - 1)
        return self.contexts[j_index + (j_index >= i)]

    # -------------------------------------------------------------------- flows

    def flows_of(self, i: int) -> None:
        fan_out = 5 if self.chance(0.02) else 3  # a few contexts call too many others (SF015)
        sync = 0
        for k in range(FLOWS_PER_CONTEXT):
            roll = self.rng.random()
            if roll < 0.02:
                self.flow(i, self.neighbour(i), style=FlowStyle.UNDECLARED)
            elif roll < 0.32 or (self.layer_of[i] == 0 and roll < 0.55) or sync >= fan_out:
                self.event_flow(i, k)
            elif roll < 0.44 or self.layer_of[i] == 0:
                self.async_command(i)
            else:
                self.sync_call(i)
                sync += 1

    def endpoint(self, context_id: str, i: int | None, share: float) -> str:
        """The context or, sometimes, one of its services."""
        services = self.services[i] if i is not None else []
        return self.pick(services) if services and self.chance(share) else context_id

    def flow(self, i: int, target: str, **attributes: Any) -> str:
        source = self.endpoint(self.contexts[i], i, 0.5)
        return self.relate(R.FLOW, source, target, **attributes)

    def sync_call(self, i: int) -> None:
        layer = self.layer_of[i]
        if self.chance(0.015):  # a back-call upstream or sideways: long chains and cycles
            candidates = [m for m in self.members[self.domain_of[i]] if m != i and self.layer_of[m] >= layer]
        else:
            pool = self.members[self.domain_of[i]] if self.chance(0.8) else range(self.n)
            candidates = [m for m in pool if self.layer_of[m] < layer]
        if not candidates:
            candidates = [m for m in range(max(0, i - 50), min(self.n, i + 50)) if self.layer_of[m] < layer]
        if not candidates:
            self.event_flow(i, 0)
            return
        j = candidates[self.rng.randrange(len(candidates))]
        style = FlowStyle.QUERY if self.chance(0.6) else FlowStyle.COMMAND
        carries = [self.pick(self.facts[j])] if self.chance(0.5) else []
        self.flow(i, self.endpoint(self.contexts[j], j, 0.2), style=style, carries=carries)

    def event_flow(self, i: int, k: int) -> None:
        events = self.events[i]
        topic = self.topic[i] if not self.chance(0.01) else self.topic[self.rng.randrange(self.n)]
        carries = [self.pick(self.facts[i])] if self.chance(0.7) else []
        self.carried.update(dict.fromkeys(carries, self.domain_of[i]))
        self.relate(
            R.FLOW, self.contexts[i], self.neighbour(i, 0.6), style=FlowStyle.EVENT, event=events[k % len(events)],
            topic=topic, carries=carries, idempotent=self.chance(0.95),
            dead_letter=DeadLetterPolicy.NONE if self.chance(0.05) else DeadLetterPolicy.REPLAY,
        )

    def async_command(self, i: int) -> None:
        carries = [self.pick(self.facts[i])] if self.chance(0.5) else []
        self.carried.update(dict.fromkeys(carries, self.domain_of[i]))
        self.flow(
            i, self.neighbour(i), style=FlowStyle.COMMAND, synchronous=False, carries=carries,
            idempotent=self.chance(0.9),
            dead_letter=DeadLetterPolicy.NONE if self.chance(0.1) else DeadLetterPolicy.ESCALATE,
        )

    def legacy_systems(self) -> None:
        """Each legacy system is reached by two contexts through their own ACLs and one directly (SF010)."""
        for s in range(max(1, self.n // 40)):
            system = self.add(K.SYSTEM, f"sys-{s}", f"Legacy system {s}", legacy=True)
            for n, i in enumerate(self.rng.sample(range(self.n), min(3, self.n))):
                if n == 2 or self.n < 3:
                    self.relate(R.FLOW, self.contexts[i], system, style=FlowStyle.QUERY)
                    continue
                acl = self.add(K.ACL, f"acl-{s}-{n}", f"ACL {s}.{n}")
                self.relate(R.CONTAINS, self.contexts[i], acl)
                self.relate(R.FLOW, acl, system, style=FlowStyle.COMMAND)

    # -------------------------------------------------------------- consistency

    def consistency(self) -> None:
        reconciliations = [
            self.add(K.RECONCILIATION, f"rec-{d}", f"Reconciliation {d}", schedule="nightly",
                     authoritative_source=self.contexts[self.members[d][0]])
            for d in range(self.domains)
        ]
        for fact, domain in self.carried.items():
            if not self.chance(0.08):
                self.relate(R.COVERS, reconciliations[domain], fact)
        for i in self.coexisting:
            if not self.chance(0.15):
                self.relate(R.COVERS, reconciliations[self.domain_of[i]], self.contexts[i])
        for s in range(max(1, self.n // 15)):
            domain = self.rng.randrange(self.domains)
            spanned = self.rng.sample(self.members[domain], min(3, len(self.members[domain])))
            saga = self.add(K.SAGA, f"saga-{s}", f"Saga {s}", compensation=True)
            invariant = self.add(K.INVARIANT, f"inv-{s}", f"Invariant {s}",
                                 consistency=Consistency.STRONG if self.chance(0.1) else Consistency.EVENTUAL)
            if not self.chance(0.05):
                self.relate(R.GUARDS, saga, invariant)
            for i in spanned:
                self.relate(R.COORDINATES, saga, self.contexts[i])
                self.relate(R.SPANS, invariant, self.contexts[i])
            if not self.chance(0.1):
                self.relate(R.COVERS, reconciliations[domain], saga)
        for v in range(max(1, self.n // 10)):  # local invariants
            self.relate(R.SPANS, self.add(K.INVARIANT, f"inv-local-{v}", f"Local invariant {v}"),
                        self.pick(self.contexts))

    def decisions(self) -> None:
        """Accepted decisions waive some team-less contexts; one waiver relies on a mere proposal (SF019)."""
        accepted = self.add(K.DECISION, "dec-accepted", "Platform contexts are owned by the platform guild",
                            status=DecisionStatus.ACCEPTED)
        proposed = self.add(K.DECISION, "dec-proposed", "Shared team for reporting contexts")
        for n, i in enumerate(self.teamless[:5]):
            self.model.add_waiver(Waiver(id=f"waiver-{n}", decision=accepted, rule="SF014",
                                         elements=[self.contexts[i]], justification="Owned by a guild."))
        self.model.add_waiver(Waiver(id="waiver-proposed", decision=proposed, rule="SF015",
                                     elements=[self.contexts[0]], justification="Reporting needs them all."))
        for n in range(max(1, self.n // 100)):
            self.add(K.NOTE, f"note-{n}", f"Note {n}", text="Check with the domain architects.")

    def views(self) -> None:
        """A landscape of every context, and one view per domain with its flows drawn."""
        self.model.add_view(ViewInfo(id="view-landscape", name="Landscape"))
        columns = max(1, int(self.n ** 0.5))
        for i, context_id in enumerate(self.contexts):
            self.model.place("view-landscape", context_id, Bounds(x=(i % columns) * 200.0, y=(i // columns) * 120.0))
        for domain, members in enumerate(self.members):
            view_id = f"view-domain-{domain}"
            self.model.add_view(ViewInfo(id=view_id, name=f"Domain {domain}"))
            shown = {self.contexts[i] for i in members}
            for n, context_id in enumerate(sorted(shown)):
                self.model.place(view_id, context_id, Bounds(x=(n % 4) * 200.0, y=(n // 4) * 120.0))
            for context_id in sorted(shown):
                for flow in self.model.outgoing(context_id, R.FLOW):
                    if flow.target in shown:
                        self.model.route(view_id, flow.id, Route())


def generate(contexts: int, seed: int) -> Model:
    """A generated estate of ``contexts`` bounded contexts; the same seed gives the same model."""
    if contexts < 2:
        raise ValueError("an estate needs at least two contexts")
    model = Model(Settings())
    with model.transaction(f"Generate {contexts} contexts"):
        _Estate(model, contexts, random.Random(seed)).build()
    return model
