"""The retail estate of the source article: six contexts over Kafka, an order-to-cash saga.

Drawn as a first workshop would draw it, so that four rules fire and each teaches one thing:

- SF001: Catalog and Pricing both claim the product price (contested authority);
- SF003: Fulfillment and Billing still share the ERP database;
- SF005: invoicing asks Fulfillment, which asks Ordering, which asks Pricing, which asks Catalog:
  one synchronous hop too many;
- SF011: Ordering applies PriceChanged without checking for duplicates (not idempotent).

Everything else is clean, so each violation stands out.
"""

from __future__ import annotations

import datetime

from model.settings import Settings
from model.store import Model
from model.templates._build import Draft, FlowRow
from model.templates._layout import MAP_KINDS, PROCESS_KINDS, at, box, draw, inside
from model.vocabulary import (
    Compatibility,
    Coordination,
    DatastoreUsage,
    DeadLetterPolicy,
    DomainClass,
    ElementKind,
    EventClass,
    RelationKind,
)

K, R = ElementKind, RelationKind
CORE, SUPPORTING, GENERIC = DomainClass.CORE, DomainClass.SUPPORTING, DomainClass.GENERIC
OPERATIONAL, ANALYTICAL = DatastoreUsage.OPERATIONAL, DatastoreUsage.ANALYTICAL

SETTINGS = Settings(
    name="Retail estate",
    description="An online retailer's order-to-cash landscape over Kafka, as drawn in a first workshop.",
    language="en",
)

TEAMS = (
    ("team-catalog", "Catalog team"),
    ("team-pricing", "Pricing and promotions team"),
    ("team-checkout", "Checkout team"),
    ("team-logistics", "Logistics team"),
    ("team-finance", "Finance systems team"),
    ("team-customer", "Customer team"),
)

# id, name, domain class, owning team, description
CONTEXTS = (
    ("ctx-catalog", "Catalog", SUPPORTING, "team-catalog", "Products, their descriptions and assortments."),
    ("ctx-pricing", "Pricing", CORE, "team-pricing", "List prices, promotions and price quotes."),
    ("ctx-customer", "Customer", SUPPORTING, "team-customer", "Customer accounts, addresses and credit."),
    ("ctx-ordering", "Ordering", CORE, "team-checkout", "Baskets, checkout and the order lifecycle."),
    ("ctx-fulfillment", "Fulfillment", SUPPORTING, "team-logistics", "Picking, packing and shipping orders."),
    ("ctx-billing", "Billing", GENERIC, "team-finance", "Invoices and incoming payments."),
)

# id, name, context
SERVICES = (
    ("svc-catalog-api", "Catalog API", "ctx-catalog"),
    ("svc-price-engine", "Price engine", "ctx-pricing"),
    ("svc-customer-api", "Customer API", "ctx-customer"),
    ("svc-checkout", "Checkout", "ctx-ordering"),
    ("svc-order-management", "Order management", "ctx-ordering"),
    ("svc-warehouse", "Warehouse management", "ctx-fulfillment"),
    ("svc-invoicing", "Invoicing", "ctx-billing"),
)

# id, name, owning contexts, personal data, description
FACTS = (
    ("fact-product-description", "Product description", ("ctx-catalog",), False, ""),
    ("fact-product-price", "Product price", ("ctx-catalog", "ctx-pricing"), False,
     "Catalog keeps a list price on the product page, Pricing computes the selling price: which one is true?"),
    ("fact-order", "Order", ("ctx-ordering",), False, "Order lines, quantities and agreed prices."),
    ("fact-shipment-state", "Shipment state", ("ctx-fulfillment",), False, ""),
    ("fact-invoice", "Invoice", ("ctx-billing",), False, ""),
    ("fact-customer-credit-status", "Customer credit status", ("ctx-customer",), False, ""),
    ("fact-customer-address", "Customer address", ("ctx-customer",), True, "Delivery and billing addresses."),
)

WRITES = (
    ("svc-catalog-api", "fact-product-description"),
    ("svc-checkout", "fact-order"),
    ("svc-order-management", "fact-order"),
    ("svc-warehouse", "fact-shipment-state"),
    ("svc-invoicing", "fact-invoice"),
    ("svc-customer-api", "fact-customer-credit-status"),
    ("svc-customer-api", "fact-customer-address"),
)

# context, fact, max staleness
REPLICATES = (
    ("ctx-ordering", "fact-product-price", "PT5M"),
    ("ctx-ordering", "fact-product-description", "PT1H"),
    ("ctx-pricing", "fact-product-description", "PT1H"),
    ("ctx-fulfillment", "fact-customer-address", "PT1H"),
)

# id, name, usage, users
DATASTORES = (
    ("ds-catalog-db", "Catalog database", OPERATIONAL, ("svc-catalog-api",)),
    ("ds-pricing-db", "Pricing database", OPERATIONAL, ("svc-price-engine",)),
    ("ds-customer-db", "Customer database", OPERATIONAL, ("svc-customer-api",)),
    ("ds-orders-db", "Orders database", OPERATIONAL, ("svc-checkout", "svc-order-management")),
    ("ds-erp-db", "ERP database", OPERATIONAL, ("svc-warehouse", "svc-invoicing")),
    ("ds-sales-warehouse", "Sales data warehouse", ANALYTICAL, ("ctx-ordering", "ctx-billing", "ctx-catalog")),
)

INTEGRATION, DOMAIN = EventClass.INTEGRATION, EventClass.DOMAIN
BACKWARD, FORWARD, FULL = Compatibility.BACKWARD, Compatibility.FORWARD, Compatibility.FULL

# id, name, class, schema version, compatibility, publisher, (personal data, retention)
EVENTS = (
    ("evt-product-published", "ProductPublished", INTEGRATION, "1.2", BACKWARD, "ctx-catalog", (False, None)),
    ("evt-price-changed", "PriceChanged", INTEGRATION, "2.0", BACKWARD, "ctx-pricing", (False, None)),
    ("evt-order-placed", "OrderPlaced", INTEGRATION, "3.1", FULL, "ctx-ordering", (True, "P90D")),
    ("evt-order-line-added", "OrderLineAdded", DOMAIN, "1.0", None, "ctx-ordering", (False, "P7D")),
    ("evt-shipment-dispatched", "ShipmentDispatched", INTEGRATION, "1.0", BACKWARD, "ctx-fulfillment",
     (False, None)),
    ("evt-invoice-issued", "InvoiceIssued", INTEGRATION, "1.1", FORWARD, "ctx-billing", (False, None)),
)

# id, Kafka topic name, retention, partitions
TOPICS = (
    ("topic-catalog-products", "catalog.products.v1", "P7D", 6),
    ("topic-pricing-prices", "pricing.prices.v2", "P7D", 12),
    ("topic-ordering-orders", "ordering.orders.v3", "P30D", 12),
    ("topic-ordering-lines", "ordering.order-lines.v1", "P1D", 6),
    ("topic-fulfillment-shipments", "fulfillment.shipments.v1", "P14D", 6),
    ("topic-billing-invoices", "billing.invoices.v1", "P30D", 3),
)


def _on(event: str, topic: str, *carries: str, **more: object) -> dict[str, object]:
    return {"event": event, "topic": topic, "carries": list(carries), **more}


PRODUCTS = _on("evt-product-published", "topic-catalog-products", "fact-product-description")
ORDERS = _on("evt-order-placed", "topic-ordering-orders", "fact-order")
SHIPMENTS = _on("evt-shipment-dispatched", "topic-fulfillment-shipments", "fact-shipment-state")
INVOICES = _on("evt-invoice-issued", "topic-billing-invoices", "fact-invoice")

FLOWS: tuple[FlowRow, ...] = (
    # synchronous calls; the last four form the chain Billing -> Fulfillment -> Ordering -> Pricing -> Catalog
    ("flow-ordering-customer-credit", "svc-checkout", "ctx-customer", "Check credit status", "query",
     {"carries": ["fact-customer-credit-status"]}),
    ("flow-billing-fulfillment-shipment", "svc-invoicing", "ctx-fulfillment", "Confirm shipment before invoicing",
     "query", {"carries": ["fact-shipment-state"]}),
    ("flow-fulfillment-ordering-lines", "svc-warehouse", "ctx-ordering", "Read order lines to pick", "query",
     {"carries": ["fact-order"]}),
    ("flow-ordering-pricing-quote", "svc-checkout", "ctx-pricing", "Quote basket prices", "query",
     {"carries": ["fact-product-price"]}),
    ("flow-pricing-catalog-product", "svc-price-engine", "ctx-catalog", "Read product attributes", "query",
     {"carries": ["fact-product-description"]}),
    # asynchronous commands
    ("flow-ordering-fulfillment-cancel", "svc-order-management", "ctx-fulfillment", "Cancel shipment",
     "async-command", {"carries": ["fact-order"], "dead_letter": DeadLetterPolicy.ESCALATE}),
    # events over Kafka
    ("flow-catalog-pricing-products", "ctx-catalog", "ctx-pricing", "Products published", "event", PRODUCTS),
    ("flow-catalog-ordering-products", "ctx-catalog", "ctx-ordering", "Products published", "event", PRODUCTS),
    ("flow-pricing-ordering-prices", "ctx-pricing", "ctx-ordering", "Prices changed", "event",
     _on("evt-price-changed", "topic-pricing-prices", "fact-product-price", idempotent=False)),
    ("flow-ordering-fulfillment-orders", "ctx-ordering", "ctx-fulfillment", "Orders to ship", "event",
     _on("evt-order-placed", "topic-ordering-orders", "fact-order", "fact-customer-address")),
    ("flow-ordering-billing-orders", "ctx-ordering", "ctx-billing", "Orders to invoice", "event", ORDERS),
    ("flow-ordering-lines-history", "svc-checkout", "svc-order-management", "Order lines added", "event",
     _on("evt-order-line-added", "topic-ordering-lines")),
    ("flow-fulfillment-billing-shipments", "ctx-fulfillment", "ctx-billing", "Shipments to invoice", "event",
     {**SHIPMENTS, "dead_letter": DeadLetterPolicy.REPAIR}),
    ("flow-fulfillment-ordering-shipments", "ctx-fulfillment", "ctx-ordering", "Shipment tracking", "event",
     SHIPMENTS),
    ("flow-billing-ordering-invoices", "ctx-billing", "ctx-ordering", "Invoices issued", "event", INVOICES),
    ("flow-billing-customer-invoices", "ctx-billing", "ctx-customer", "Credit exposure", "event",
     {**INVOICES, "dead_letter": DeadLetterPolicy.ESCALATE}),
)

SAGA_CONTEXTS = ("ctx-ordering", "ctx-fulfillment", "ctx-billing")

# id, name, schedule, authoritative source, covered
RECONCILIATIONS = (
    ("rec-order-to-cash", "Order-to-cash reconciliation", "nightly", "ctx-billing",
     ("saga-order-to-cash", "fact-order", "fact-shipment-state", "fact-invoice")),
    ("rec-product-data", "Product data reconciliation", "hourly", "ctx-pricing",
     ("fact-product-price", "fact-product-description")),
    ("rec-customer-address", "Customer address reconciliation", "daily", "ctx-customer",
     ("fact-customer-address",)),
)


def build(model: Model) -> None:
    """Fill an empty model with the retail estate (the caller holds the transaction)."""
    draft = Draft(model)
    model.update_settings(**SETTINGS.model_dump())
    _structure(draft)
    _facts(draft)
    _events(draft)
    draft.flows(FLOWS)
    _consistency(draft)
    _context_map(model)
    _order_to_cash(model)


def _structure(draft: Draft) -> None:
    draft.teams(TEAMS)
    for context_id, name, domain, team_id, description in CONTEXTS:
        draft.add(K.CONTEXT, context_id, name, domain=domain, description=description)
        draft.relate(R.TEAM_OWNS, team_id, context_id)
    draft.services(SERVICES)
    draft.datastores(DATASTORES)


def _facts(draft: Draft) -> None:
    for fact_id, name, owners, personal, description in FACTS:
        draft.add(K.FACT, fact_id, name, personal_data=personal, description=description)
        draft.relate_all(R.OWNS, ((owner, fact_id) for owner in owners))
    draft.relate_all(R.WRITES, WRITES)
    draft.replicas(REPLICATES)
    draft.add(K.NOTE, "note-price-owner", "Who owns the price?",
              text="Catalog shows a list price, Pricing computes the selling price. Decide who is authoritative.")


def _events(draft: Draft) -> None:
    for topic_id, topic, kept, partitions in TOPICS:
        draft.add(K.TOPIC, topic_id, topic, retention=kept, partitions=partitions)
    for event_id, name, event_class, version, compatibility, publisher, (personal, retention) in EVENTS:
        draft.add(K.EVENT, event_id, name, event_class=event_class, schema_version=version,
                  compatibility=compatibility, personal_data=personal, retention=retention)
        draft.relate(R.PUBLISHES, publisher, event_id)


def _consistency(draft: Draft) -> None:
    draft.add(K.SAGA, "saga-order-to-cash", "Order to cash", coordination=Coordination.CHOREOGRAPHY,
              compensation=True, description="Placed, shipped, invoiced; a cancelled order cancels its shipment.")
    draft.relate_all(R.COORDINATES, (("saga-order-to-cash", c) for c in SAGA_CONTEXTS))
    draft.add(K.INVARIANT, "inv-shipped-invoiced-once", "Every shipped order is invoiced exactly once",
              statement="For every order whose shipment is dispatched there is exactly one invoice.")
    draft.relate(R.GUARDS, "saga-order-to-cash", "inv-shipped-invoiced-once")
    draft.relate_all(R.SPANS, (("inv-shipped-invoiced-once", c) for c in SAGA_CONTEXTS))
    draft.add(K.INVARIANT, "inv-order-total", "An order's total is the sum of its lines",
              statement="Enforced inside Ordering, in one transaction.")
    draft.relate(R.SPANS, "inv-order-total", "ctx-ordering")
    for rec_id, name, schedule, source, covered in RECONCILIATIONS:
        draft.add(K.RECONCILIATION, rec_id, name, schedule=schedule, authoritative_source=source)
        draft.relate_all(R.COVERS, ((rec_id, item) for item in covered))
    draft.add(K.DECISION, "dec-kafka-integration", "Integrate contexts with events over Kafka",
              status="accepted", date=datetime.date(2024, 3, 12),
              decision_makers=["Checkout team", "Architecture board"],
              problem="Six contexts share orders, prices and payments; calling each other for every request would "
                      "tie their uptime together.",
              drivers=["Contexts deploy and fail independently", "New consumers can replay the history"],
              options=["Integration events on Kafka", "Synchronous REST calls"],
              outcome="Contexts publish integration events on Kafka, each on its own topics.")


# --------------------------------------------------------------------------------------------- views

#: Context boxes (grid column, row) of the context map, and where each box's team stands.
MAP_BOXES = {
    "ctx-catalog": (0, 1), "ctx-pricing": (2, 1), "ctx-customer": (4, 1),
    "ctx-fulfillment": (0, 3.5), "ctx-ordering": (2, 3.5), "ctx-billing": (4, 3.5),
}
MAP_TEAMS = {
    "team-catalog": (0.52, 0), "team-pricing": (2.52, 0), "team-customer": (4.52, 0),
    "team-logistics": (0.52, 5.4), "team-checkout": (2.52, 5.4), "team-finance": (4.52, 5.4),
}


def _context_map(model: Model) -> None:
    placements = {}
    for context_id, (col, row) in MAP_BOXES.items():
        outer = placements[context_id] = box(col, row)
        members = [s for s, _, holder in SERVICES if holder == context_id]
        for index, service_id in enumerate(members):
            placements[service_id] = inside(outer, index)
    placements |= {team_id: at(col, row) for team_id, (col, row) in MAP_TEAMS.items()}
    draw(model, "view-context-map", "Context map", placements, kinds=MAP_KINDS,
         documentation="Every context with its services, its owning team and the flows between them.")


#: The order-to-cash view: the saga above Ordering, Fulfillment and Billing below it, each context
#: with the event it publishes, that event's topic and the fact it owns beside it.
ORDER_TO_CASH = {
    "saga-order-to-cash": (3, 0.5), "inv-shipped-invoiced-once": (6, 0.5), "rec-order-to-cash": (3, 8.5),
    "ctx-ordering": (3, 2.5), "evt-order-placed": (1.4, 2.5), "topic-ordering-orders": (1.4, 3.5),
    "fact-order": (4.6, 2.5),
    "ctx-fulfillment": (0, 5), "evt-shipment-dispatched": (1.6, 6.5), "topic-fulfillment-shipments": (1.6, 7.5),
    "fact-shipment-state": (0, 6.5),
    "ctx-billing": (6, 5), "evt-invoice-issued": (4.4, 6.5), "topic-billing-invoices": (4.4, 7.5),
    "fact-invoice": (6, 6.5),
}


def _order_to_cash(model: Model) -> None:
    placements = {item: at(col, row) for item, (col, row) in ORDER_TO_CASH.items()}
    draw(model, "view-order-to-cash", "Order to cash", placements,
         kinds=PROCESS_KINDS,
         documentation="The choreographed saga from a placed order to its invoice, with its events, topics and facts.")
