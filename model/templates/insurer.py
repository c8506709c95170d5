"""The insurer of the source article: policy administration strangled out of a legacy platform.

Drawn as a first workshop would draw it, so that four rules fire and each teaches one thing:

- SF004: Quotation looks prospects up in Party Management, but nobody said how (no style);
- SF010: Claims still reads coverage from the legacy policy platform directly, not through an
  anti-corruption layer of its own;
- SF014: Party Management has no owning team;
- SF018: PolicyIssued, the integration event everyone consumes, declares no compatibility mode.

Everything else is clean: Policy Administration coexists with the legacy platform behind its own
anti-corruption layer, and the issuance reconciliation covers the migration.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from model.settings import Settings
from model.store import Model
from model.templates._build import Draft, FlowRow
from model.templates._layout import MAP_KINDS, PROCESS_KINDS, at, box, draw, inside
from model.views import Bounds
from model.vocabulary import (
    Compatibility,
    Coordination,
    DatastoreUsage,
    DeadLetterPolicy,
    DomainClass,
    ElementKind,
    EventClass,
    Lifecycle,
    RelationKind,
)

K, R = ElementKind, RelationKind
CORE, SUPPORTING, GENERIC = DomainClass.CORE, DomainClass.SUPPORTING, DomainClass.GENERIC
TARGET, COEXISTING = Lifecycle.TARGET, Lifecycle.COEXISTING
LEGACY = "sys-legacy-policy-platform"

SETTINGS = Settings(
    name="Insurer policy administration",
    description="An insurer modernising policy administration by strangling its legacy policy platform.",
    language="en",
)

TEAMS = (
    ("team-distribution", "Distribution team"),
    ("team-policy", "Policy team"),
    ("team-finance", "Finance team"),
    ("team-claims", "Claims team"),
)

# id, name, domain class, owning team (None: nobody yet), lifecycle, description
CONTEXTS: tuple[tuple[str, str, DomainClass, str | None, Lifecycle, str], ...] = (
    ("ctx-quotation", "Quotation", CORE, "team-distribution", TARGET, "Quotes and underwriting of new business."),
    ("ctx-policy-admin", "Policy Administration", CORE, "team-policy", COEXISTING,
     "Issues and maintains policies; takes over from the legacy policy platform product by product."),
    ("ctx-billing", "Billing", SUPPORTING, "team-finance", TARGET, "Premium invoicing and collection."),
    ("ctx-claims", "Claims", CORE, "team-claims", TARGET, "Claim registration, assessment and settlement."),
    ("ctx-party", "Party Management", GENERIC, None, TARGET, "Policyholders, payers and claimants."),
)

# id, name, context
SERVICES = (
    ("svc-quote-engine", "Quote engine", "ctx-quotation"),
    ("svc-policy-service", "Policy service", "ctx-policy-admin"),
    ("svc-premium-collection", "Premium collection", "ctx-billing"),
    ("svc-claims-handling", "Claims handling", "ctx-claims"),
    ("svc-party-registry", "Party registry", "ctx-party"),
)

# id, name, owner, personal data, writer
FACTS = (
    ("fact-quote", "Quote", "ctx-quotation", False, "svc-quote-engine"),
    ("fact-policy", "Policy", "ctx-policy-admin", False, "svc-policy-service"),
    ("fact-policy-premium", "Policy premium", "ctx-policy-admin", False, "svc-policy-service"),
    ("fact-premium-payment", "Premium payment status", "ctx-billing", False, "svc-premium-collection"),
    ("fact-claim", "Claim", "ctx-claims", True, "svc-claims-handling"),
    ("fact-party", "Party details", "ctx-party", True, "svc-party-registry"),
)

# context, fact, max staleness
REPLICATES = (
    ("ctx-claims", "fact-policy", "PT15M"),
    ("ctx-billing", "fact-policy-premium", "PT1H"),
)

# id, name, usage, users
DATASTORES = (
    ("ds-quote-db", "Quote database", DatastoreUsage.OPERATIONAL, ("svc-quote-engine",)),
    ("ds-policy-db", "Policy database", DatastoreUsage.OPERATIONAL, ("svc-policy-service",)),
    ("ds-billing-db", "Billing database", DatastoreUsage.OPERATIONAL, ("svc-premium-collection",)),
    ("ds-claims-db", "Claims database", DatastoreUsage.OPERATIONAL, ("svc-claims-handling",)),
    ("ds-party-db", "Party database", DatastoreUsage.OPERATIONAL, ("svc-party-registry",)),
    ("ds-actuarial-warehouse", "Actuarial data warehouse", DatastoreUsage.ANALYTICAL,
     ("ctx-policy-admin", "ctx-billing", "ctx-claims")),
)

# id, name, schema version, compatibility, publisher, topic (id, name, retention, partitions)
EVENTS = (
    ("evt-policy-issued", "PolicyIssued", "1.0", None, "ctx-policy-admin",
     ("topic-policy-events", "policy.events.v1", "P30D", 6)),
    ("evt-premium-collected", "PremiumCollected", "1.1", Compatibility.BACKWARD, "ctx-billing",
     ("topic-billing-premiums", "billing.premiums.v1", "P30D", 3)),
)

ISSUED = {"event": "evt-policy-issued", "topic": "topic-policy-events"}

FLOWS: tuple[FlowRow, ...] = (
    ("flow-quotation-party-prospect", "svc-quote-engine", "ctx-party", "Look up prospect", "undeclared", {}),
    ("flow-quotation-policy-issue", "svc-quote-engine", "ctx-policy-admin", "Issue policy", "command",
     {"carries": ["fact-quote"]}),
    ("flow-policy-acl-mirror", "svc-policy-service", "acl-policy-platform", "Mirror policy", "command", {}),
    ("flow-acl-legacy-register", "acl-policy-platform", LEGACY, "Register policy in legacy platform", "command",
     {"carries": ["fact-policy"]}),
    ("flow-policy-party-holder", "svc-policy-service", "ctx-party", "Read policyholder", "query",
     {"carries": ["fact-party"]}),
    ("flow-policy-billing-issued", "ctx-policy-admin", "ctx-billing", "Policies to bill", "event",
     {**ISSUED, "carries": ["fact-policy", "fact-policy-premium"]}),
    ("flow-policy-claims-issued", "ctx-policy-admin", "ctx-claims", "Policies in force", "event",
     {**ISSUED, "carries": ["fact-policy"], "dead_letter": DeadLetterPolicy.REPAIR}),
    ("flow-billing-policy-collected", "ctx-billing", "ctx-policy-admin", "First premium collected", "event",
     {"event": "evt-premium-collected", "topic": "topic-billing-premiums", "carries": ["fact-premium-payment"]}),
    ("flow-billing-party-payer", "svc-premium-collection", "ctx-party", "Read payer bank details", "query",
     {"carries": ["fact-party"]}),
    ("flow-claims-party-claimant", "svc-claims-handling", "ctx-party", "Read claimant", "query",
     {"carries": ["fact-party"]}),
    ("flow-claims-legacy-coverage", "svc-claims-handling", LEGACY, "Read policy coverage", "query",
     {"carries": ["fact-policy"]}),
)

SAGA_CONTEXTS = ("ctx-quotation", "ctx-policy-admin", "ctx-billing")
RECONCILED = ("fact-policy", "fact-policy-premium", "fact-premium-payment", "ctx-policy-admin",
              "saga-policy-issuance")


def build(model: Model) -> None:
    """Fill an empty model with the insurer (the caller holds the transaction)."""
    draft = Draft(model)
    model.update_settings(**SETTINGS.model_dump())
    _structure(draft)
    _facts(draft)
    _events(draft)
    draft.flows(FLOWS)
    _consistency(draft)
    _context_map(model)
    _policy_issuance(model)


def _structure(draft: Draft) -> None:
    draft.teams(TEAMS)
    for context_id, name, domain, owner, lifecycle, description in CONTEXTS:
        draft.add(K.CONTEXT, context_id, name, domain=domain, lifecycle=lifecycle, description=description)
        if owner is not None:
            draft.relate(R.TEAM_OWNS, owner, context_id)
    draft.services(SERVICES)
    draft.add(K.SYSTEM, LEGACY, "Legacy policy platform", legacy=True,
              description="The mainframe policy administration system, strangled product by product.")
    draft.add(K.ACL, "acl-policy-platform", "Policy platform ACL",
              description="Translates between Policy Administration's model and the legacy platform's records.")
    draft.relate(R.CONTAINS, "ctx-policy-admin", "acl-policy-platform")
    draft.datastores(DATASTORES)


def _facts(draft: Draft) -> None:
    for fact_id, name, owner, personal, writer in FACTS:
        draft.add(K.FACT, fact_id, name, personal_data=personal)
        draft.relate(R.OWNS, owner, fact_id)
        draft.relate(R.WRITES, writer, fact_id)
    draft.replicas(REPLICATES)


def _events(draft: Draft) -> None:
    for event_id, name, version, compatibility, publisher, (topic_id, topic, retention, partitions) in EVENTS:
        draft.add(K.TOPIC, topic_id, topic, retention=retention, partitions=partitions)
        draft.add(K.EVENT, event_id, name, event_class=EventClass.INTEGRATION, schema_version=version,
                  compatibility=compatibility)
        draft.relate(R.PUBLISHES, publisher, event_id)


def _consistency(draft: Draft) -> None:
    draft.add(K.SAGA, "saga-policy-issuance", "Policy issuance", coordination=Coordination.ORCHESTRATION,
              compensation=True, description="Accepted quote, issued policy, first premium collected.")
    draft.relate_all(R.COORDINATES, (("saga-policy-issuance", c) for c in SAGA_CONTEXTS))
    draft.add(K.INVARIANT, "inv-in-force-when-paid", "A policy is in force only once its first premium is paid",
              statement="Policy Administration puts a policy in force after Billing reports the first premium.")
    draft.relate(R.GUARDS, "saga-policy-issuance", "inv-in-force-when-paid")
    draft.relate_all(R.SPANS, (("inv-in-force-when-paid", c) for c in ("ctx-policy-admin", "ctx-billing")))
    draft.add(K.RECONCILIATION, "rec-issuance", "Issuance reconciliation", schedule="nightly",
              authoritative_source="ctx-policy-admin",
              description="Compares issued policies and premiums with Billing and with the legacy platform.")
    draft.relate_all(R.COVERS, (("rec-issuance", item) for item in RECONCILED))
    draft.add(K.DECISION, "dec-strangle-legacy", "Strangle the legacy policy platform behind an ACL",
              status="accepted", date=datetime.date(2024, 6, 3),
              decision_makers=["Policy Administration team", "Architecture board"],
              problem="The legacy policy platform holds every policy; replacing it at once would stop sales for "
                      "months.",
              options=["Strangle the platform product by product", "Replace the platform in one cut-over"],
              outcome='Chosen option: "Strangle the platform product by product", because sales go on while '
                      "Policy Administration takes over one product at a time; only its ACL talks to the platform.")


# --------------------------------------------------------------------------------------------- views

MAP_BOXES = {
    "ctx-quotation": (0, 1), "ctx-policy-admin": (2, 1), "ctx-party": (0, 3.5), "ctx-billing": (2, 3.5),
    "ctx-claims": (4, 3.5),
}
MAP_TEAMS = {
    "team-distribution": (0.52, 0), "team-policy": (2.52, 0), "team-finance": (2.52, 5), "team-claims": (4.52, 5),
}


def _boxes(boxes: Mapping[str, tuple[float, float]]) -> dict[str, Bounds]:
    """Context boxes with their services and acls inside."""
    placements: dict[str, Bounds] = {}
    members = [*SERVICES, ("acl-policy-platform", "", "ctx-policy-admin")]
    for context_id, (col, row) in boxes.items():
        outer = placements[context_id] = box(col, row)
        inner = [m for m, _, holder in members if holder == context_id]
        for index, member in enumerate(inner):
            placements[member] = inside(outer, index)
    return placements


def _context_map(model: Model) -> None:
    placements = _boxes(MAP_BOXES)
    placements[LEGACY] = at(4.6, 1.3)
    placements |= {team_id: at(col, row) for team_id, (col, row) in MAP_TEAMS.items()}
    draw(model, "view-context-map", "Context map", placements, kinds=MAP_KINDS,
         documentation="Every context with its services, its team, the legacy platform and the flows between them.")


#: The policy-issuance view: the saga above the contexts it coordinates, the legacy platform behind
#: the ACL, the facts beside their owners with the reconciliation that covers them.
POLICY_ISSUANCE = {
    "inv-in-force-when-paid": (0.52, 0), "saga-policy-issuance": (2.52, 0), LEGACY: (4.6, 0),
    "fact-policy": (4.6, 1.5), "fact-policy-premium": (4.6, 2.5), "rec-issuance": (6.6, 2.5),
    "evt-policy-issued": (0.52, 4), "ctx-billing": (2.52, 4), "fact-premium-payment": (4.6, 4),
    "topic-policy-events": (0.52, 5), "evt-premium-collected": (2.52, 5.3), "topic-billing-premiums": (2.52, 6.3),
}


def _policy_issuance(model: Model) -> None:
    placements = _boxes({"ctx-quotation": (0, 1.5), "ctx-policy-admin": (2, 1.5)})
    placements |= {item: at(col, row) for item, (col, row) in POLICY_ISSUANCE.items()}
    draw(model, "view-policy-issuance", "Policy issuance", placements,
         kinds=PROCESS_KINDS,
         documentation="From an accepted quote to a policy in force, while the legacy platform still keeps a copy.")
