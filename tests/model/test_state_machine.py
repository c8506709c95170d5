"""Random edits, undo, redo, save and load; after every step the incremental engine agrees with a
full recompute, undo and redo restore exact states, and a save/load round trip keeps every id and
attribute."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from model import fileformat
from model.elements import ELEMENT_CLASSES
from model.engine import Engine, check_model
from model.errors import ModelError
from model.history import History
from model.relations import RELATION_CLASSES, relations_between
from model.settings import Waiver
from model.store import Model
from model.views import Bounds, ViewInfo
from model.vocabulary import (
    Consistency,
    DatastoreUsage,
    DeadLetterPolicy,
    DecisionStatus,
    ElementKind,
    EventClass,
    FlowStyle,
    Lifecycle,
    RelationKind,
)

KINDS = [k for k in ElementKind if k is not ElementKind.NOTE]

ATTRIBUTE_EDITS: dict[ElementKind, st.SearchStrategy[dict[str, Any]]] = {
    ElementKind.CONTEXT: st.fixed_dictionaries({"lifecycle": st.sampled_from(Lifecycle)}),
    ElementKind.SYSTEM: st.fixed_dictionaries({"legacy": st.booleans()}),
    ElementKind.FACT: st.fixed_dictionaries({"personal_data": st.booleans()}),
    ElementKind.DATASTORE: st.fixed_dictionaries({"usage": st.sampled_from(DatastoreUsage)}),
    ElementKind.EVENT: st.fixed_dictionaries({
        "event_class": st.sampled_from(EventClass), "schema_version": st.sampled_from([None, "1", "2.1"]),
        "retention": st.sampled_from([None, "P7D"]),
    }),
    ElementKind.INVARIANT: st.fixed_dictionaries({"consistency": st.sampled_from(Consistency)}),
    ElementKind.DECISION: st.fixed_dictionaries({"status": st.sampled_from(DecisionStatus)}),
}

FLOW_EDITS = st.one_of(
    st.fixed_dictionaries({"style": st.sampled_from(FlowStyle), "synchronous": st.none()}),
    st.fixed_dictionaries({"style": st.just(FlowStyle.COMMAND), "synchronous": st.booleans()}),
    st.fixed_dictionaries({"idempotent": st.booleans(), "dead_letter": st.sampled_from(DeadLetterPolicy)}),
)


def state(model: Model) -> str:
    """The whole model as its canonical file text: equal text means equal models."""
    return str(fileformat.to_json(model))


class ModelMachine(RuleBasedStateMachine):
    @initialize()
    def start(self) -> None:
        self.model = Model()
        self.history = History(self.model)
        self.engine = Engine(self.model)
        self.counter = 0
        self.undo_states: list[str] = []
        self.redo_states: list[str] = []
        with self.model.transaction("Add view"):
            self.model.add_view(ViewInfo(id="view", name="Main"))
        self.history.clear()

    def edit(self, label: str, action: Any) -> None:
        before = state(self.model)
        try:
            with self.model.transaction(label):
                action()
        except ModelError:
            assert state(self.model) == before, "a refused edit must leave the model as it was"
            return
        if state(self.model) != before:
            self.undo_states.append(before)
            self.redo_states.clear()

    def new_id(self, prefix: str) -> str:
        """Ids that replay identically, so Hypothesis can shrink (uuid4 would differ per run)."""
        self.counter += 1
        return f"{prefix}-{self.counter}"

    def ids(self, *kinds: ElementKind) -> list[str]:
        return sorted(e.id for kind in kinds for e in self.model.elements(kind))

    @rule(kind=st.sampled_from(KINDS), name=st.text(max_size=12), placed=st.booleans())
    def add_element(self, kind: ElementKind, name: str, placed: bool) -> None:
        element = ELEMENT_CLASSES[kind](id=self.new_id(kind.value), name=name)

        def action() -> None:
            self.model.add_element(element)
            if placed:
                self.model.place("view", element.id, Bounds(x=len(self.model.elements()) * 10.0, y=0))

        self.edit(f"Add {kind}", action)

    @precondition(lambda self: len(self.model.elements()) >= 2)
    @rule(data=st.data())
    def add_relation(self, data: st.DataObject) -> None:
        elements = sorted(self.model.elements(), key=lambda e: e.id)
        source = data.draw(st.sampled_from(elements))
        target = data.draw(st.sampled_from(elements))
        kinds = relations_between(source.kind, target.kind)  # type: ignore[attr-defined]
        if not kinds:
            return
        kind = data.draw(st.sampled_from(kinds))
        extra: dict[str, Any] = {}
        if kind is RelationKind.FLOW:
            extra = data.draw(FLOW_EDITS)
            facts = self.ids(ElementKind.FACT)
            if facts:
                extra["carries"] = data.draw(st.lists(st.sampled_from(facts), max_size=2, unique=True))
            events = self.ids(ElementKind.EVENT)
            if events and extra.get("style") is FlowStyle.EVENT:
                extra["event"] = data.draw(st.sampled_from(events))
            topics = self.ids(ElementKind.TOPIC)
            if topics:
                extra["topic"] = data.draw(st.sampled_from([None, *topics]))
        relation = RELATION_CLASSES[kind](id=self.new_id("rel"), source=source.id, target=target.id, **extra)
        self.edit(f"Add {kind}", lambda: self.model.add_relation(relation))

    @precondition(lambda self: bool(self.model.elements()))
    @rule(data=st.data())
    def change_element(self, data: st.DataObject) -> None:
        element = data.draw(st.sampled_from(sorted(self.model.elements(), key=lambda e: e.id)))
        strategy = ATTRIBUTE_EDITS.get(element.kind, st.fixed_dictionaries({"name": st.text(max_size=8)}))  # type: ignore[attr-defined]
        changes = data.draw(strategy)
        self.edit("Change element", lambda: self.model.update_element(element.id, **changes))

    @precondition(lambda self: bool(self.model.relations(RelationKind.FLOW)))
    @rule(data=st.data())
    def change_flow(self, data: st.DataObject) -> None:
        flow = data.draw(st.sampled_from(sorted(self.model.relations(RelationKind.FLOW), key=lambda r: r.id)))
        changes = data.draw(FLOW_EDITS)
        self.edit("Change flow", lambda: self.model.update_relation(flow.id, **changes))

    @precondition(lambda self: bool(self.model.elements()))
    @rule(data=st.data())
    def delete_element(self, data: st.DataObject) -> None:
        element = data.draw(st.sampled_from(sorted(self.model.elements(), key=lambda e: e.id)))
        self.edit("Delete element", lambda: self.model.remove_element(element.id))

    @precondition(lambda self: bool(self.model.relations()))
    @rule(data=st.data())
    def delete_relation(self, data: st.DataObject) -> None:
        relation = data.draw(st.sampled_from(sorted(self.model.relations(), key=lambda r: r.id)))
        self.edit("Delete relation", lambda: self.model.remove_relation(relation.id))

    @precondition(lambda self: bool(self.engine.violations()) and bool(self.model.elements(ElementKind.DECISION)))
    @rule(data=st.data())
    def waive(self, data: st.DataObject) -> None:
        violation = data.draw(st.sampled_from(self.engine.violations()))
        decision = data.draw(st.sampled_from(self.ids(ElementKind.DECISION)))
        waiver = Waiver(id=self.new_id("waiver"), decision=decision, rule=violation.rule,
                        elements=list(violation.elements), justification="accepted for now")
        self.edit("Waive", lambda: self.model.add_waiver(waiver))

    @precondition(lambda self: self.history.can_undo)
    @rule()
    def undo(self) -> None:
        after = state(self.model)
        self.history.undo()
        assert state(self.model) == self.undo_states.pop()
        self.redo_states.append(after)

    @precondition(lambda self: self.history.can_redo)
    @rule()
    def redo(self) -> None:
        before = state(self.model)
        self.history.redo()
        assert state(self.model) == self.redo_states.pop()
        self.undo_states.append(before)

    @rule()
    def save_and_load(self) -> None:
        text = state(self.model)
        loaded = fileformat.from_json(text, "machine.steelframe.json")
        assert fileformat.to_json(loaded) == text
        assert check_model(loaded) == self.engine.violations()

    @invariant()
    def incremental_equals_full_recompute(self) -> None:
        if hasattr(self, "engine"):
            assert self.engine.violations() == check_model(self.model)

    @invariant()
    def indexes_mirror_the_model(self) -> None:
        if hasattr(self, "model"):
            model = self.model
            relations = sorted(model.relations(), key=lambda r: r.id)
            for element in model.elements():
                for kind in RelationKind:
                    assert model.outgoing(element.id, kind) == [
                        r for r in relations if r.source == element.id and r.kind == kind
                    ]
                    assert model.incoming(element.id, kind) == [
                        r for r in relations if r.target == element.id and r.kind == kind
                    ]
                holders = [i.id for i in [*model.elements(), *relations] if element.id in i.references()]
                assert model.referrers(element.id) == sorted(holders)
                shown = [v.id for v in model.views() if element.id in model.layouts(v.id)]
                assert sorted(model.views_showing(element.id)) == sorted(shown)


ModelMachine.TestCase.settings = settings(
    max_examples=60, stateful_step_count=40, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestModelMachine = ModelMachine.TestCase
