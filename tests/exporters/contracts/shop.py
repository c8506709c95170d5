"""A small estate for the drift tests: two contexts with a service each, an API, an event, a shared database."""

from __future__ import annotations

from pathlib import Path

from tests.exporters.contracts.reference import write

CATALOG = """\
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: {name: orders-team}
spec: {type: team, children: []}
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: {name: billing-team}
spec: {type: team, children: []}
---
apiVersion: backstage.io/v1alpha1
kind: Domain
metadata: {name: commerce}
spec: {owner: orders-team}
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: {name: shop}
spec: {owner: orders-team, domain: commerce}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: ordering}
spec: {type: service, lifecycle: production, owner: orders-team, system: shop}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: billing}
spec: {type: service, lifecycle: production, owner: group:billing-team, system: shop}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: checkout}
spec: {type: service, lifecycle: production, owner: orders-team, subcomponentOf: ordering,
       consumesApis: [invoicing], dependsOn: ['resource:shop-db']}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: invoices}
spec: {type: service, lifecycle: production, owner: billing-team, subcomponentOf: component:billing,
       providesApis: [invoicing], dependsOn: ['resource:shop-db']}
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: {name: invoicing}
spec: {type: openapi, lifecycle: production, owner: billing-team, definition: 'openapi: 3.0.0'}
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: {name: shop-db}
spec: {type: database, owner: orders-team}
"""

ORDERING = """\
asyncapi: 3.0.0
info: {title: Ordering, version: 1.0.0}
channels:
  orders:
    address: orders
    messages:
      orderPlaced: {$ref: '../common/messages.yaml#/OrderPlaced'}
operations:
  placeOrder:
    action: send
    channel: {$ref: '#/channels/orders'}
"""

BILLING = """\
asyncapi: 3.0.0
info: {title: Billing, version: 1.0.0}
channels:
  orders:
    address: orders
    messages:
      orderPlaced: {$ref: '../common/messages.yaml#/OrderPlaced'}
operations:
  billOrder:
    action: receive
    channel: {$ref: '#/channels/orders'}
"""

MESSAGES = """\
OrderPlaced:
  name: OrderPlaced
  x-steelframe-schema-version: '2'
  payload: {type: object}
"""


def shop(folder: Path) -> list[str]:
    write(folder, "catalog/catalog-info.yaml", CATALOG)
    write(folder, "events/ordering/asyncapi.yaml", ORDERING)
    write(folder, "events/billing/asyncapi.yaml", BILLING)
    write(folder, "events/common/messages.yaml", MESSAGES)
    return [str(folder / "catalog"), str(folder / "events")]
