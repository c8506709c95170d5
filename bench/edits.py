"""The single edits a user makes on the canvas, drawn at random, each one transaction.

Choices depend only on the seed and on the model's own state, so the same sequence can be replayed
on a second copy of the estate without an engine, to tell the cost of the edit from the cost of
the incremental check.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from model.relations import Flow
from model.store import Model
from model.vocabulary import DeadLetterPolicy, ElementKind, FlowStyle, RelationKind

KINDS = ("rename context", "add flow", "change flow style", "delete context")
_STYLES = (FlowStyle.QUERY, FlowStyle.COMMAND, FlowStyle.EVENT, FlowStyle.UNDECLARED)
#: Keep at least this many contexts: deleting the last ones measures nothing useful.
_MIN_CONTEXTS = 3


class Editor:
    """Draws edits on one model; ``next()`` returns the kind, a label and the edit to run in a transaction."""

    def __init__(self, model: Model, seed: int) -> None:
        self.model = model
        self.rng = random.Random(seed)
        self.contexts = [e.id for e in model.elements(ElementKind.CONTEXT)]
        self.flows = [r.id for r in model.relations(RelationKind.FLOW)]
        self._added = 0

    def schedule(self, count: int) -> list[str]:
        """``count`` edit kinds, as evenly spread over the kinds as possible, in random order."""
        kinds = [KINDS[n % len(KINDS)] for n in range(count)]
        self.rng.shuffle(kinds)
        return kinds

    def next(self, kind: str) -> tuple[str, Callable[[], None]]:
        if kind == "delete context" and len(self.contexts) <= _MIN_CONTEXTS:
            kind = "rename context"
        make = {
            "rename context": self._rename,
            "add flow": self._add_flow,
            "change flow style": self._change_style,
            "delete context": self._delete,
        }[kind]
        return make()

    def _context(self) -> str:
        """A random context still in the model (deleted ones are dropped lazily)."""
        while True:
            index = self.rng.randrange(len(self.contexts))
            context_id = self.contexts[index]
            if self.model.find_element(context_id) is not None:
                return context_id
            self.contexts[index] = self.contexts[-1]
            self.contexts.pop()

    def _flow(self) -> Flow | None:
        while self.flows:
            index = self.rng.randrange(len(self.flows))
            flow = self.model.find_relation(self.flows[index])
            if isinstance(flow, Flow):
                return flow
            self.flows[index] = self.flows[-1]
            self.flows.pop()
        return None

    def _rename(self) -> tuple[str, Callable[[], None]]:
        context_id = self._context()
        name = f"Renamed {self.rng.randrange(10**6)}"
        return "rename context", lambda: self._update(context_id, name)

    def _update(self, context_id: str, name: str) -> None:
        self.model.update_element(context_id, name=name)

    def _add_flow(self) -> tuple[str, Callable[[], None]]:
        source = self._context()
        target = self._context()
        while target == source:
            target = self._context()
        self._added += 1
        flow = Flow(
            id=f"bench-flow-{self._added}", source=source, target=target, style=self.rng.choice(_STYLES),
            idempotent=self.rng.random() < 0.5, dead_letter=self.rng.choice(list(DeadLetterPolicy)),
        )
        self.flows.append(flow.id)
        return "add flow", lambda: self._add(flow)

    def _add(self, flow: Flow) -> None:
        self.model.add_relation(flow)

    def _change_style(self) -> tuple[str, Callable[[], None]]:
        flow = self._flow()
        if flow is None:
            return self._add_flow()
        style = self.rng.choice([s for s in _STYLES if s is not flow.style])
        flow_id = flow.id
        return "change flow style", lambda: self._restyle(flow_id, style)

    def _restyle(self, flow_id: str, style: FlowStyle) -> None:
        self.model.update_relation(flow_id, style=style, synchronous=None)

    def _delete(self) -> tuple[str, Callable[[], None]]:
        context_id = self._context()
        return "delete context", lambda: self._remove(context_id)

    def _remove(self, context_id: str) -> None:
        self.model.remove_element(context_id)
