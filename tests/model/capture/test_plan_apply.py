"""Capture lines against a model: what each adds, what it refuses (and that a refusal changes nothing)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.capture import CaptureError, Defaults, apply, plan
from model.capture.names import completions
from model.capture.placement import overlaps
from model.relations import Flow
from model.store import Model
from model.templates import build_template
from model.views import Bounds
from model.vocabulary import ElementKind, FlowStyle, RelationKind

K, R = ElementKind, RelationKind


def size_of(kind: ElementKind) -> tuple[float, float]:
    return (240.0, 160.0) if kind is K.CONTEXT else (160.0, 80.0)


class Session:
    """A blank model and a view; ``type`` captures a line the way the app does (one transaction)."""

    def __init__(self) -> None:
        self.model = build_template("blank")
        self.view = self.model.views()[0].id
        self.selected: str | None = None

    def type(self, line: str, defaults: Defaults | None = None) -> str | None:
        planned = plan(self.model, line, defaults or Defaults())
        assert planned is not None
        with self.model.transaction(line):
            self.selected = apply(self.model, planned, self.view, self.selected, size_of)
        return self.selected

    def named(self, name: str) -> str:
        return next(e.id for e in self.model.elements() if e.name == name)

    def boxes(self) -> list[Bounds]:
        return [b for b in self.model.layouts(self.view).values() if isinstance(b, Bounds)]


@pytest.fixture
def session() -> Session:
    return Session()


def relation(model: Model, kind: RelationKind, source: str, target: str) -> bool:
    return any(r.target == target for r in model.outgoing(source, kind))


def test_a_name_adds_the_palettes_kind(session: Session) -> None:
    session.type("Ordering")
    session.type("Checkout team", Defaults(kind=K.TEAM))
    assert session.model.element(session.named("Ordering")).kind is K.CONTEXT
    assert session.model.element(session.named("Checkout team")).kind is K.TEAM


@pytest.mark.parametrize("kind", list(ElementKind))
def test_any_kind_by_prefix(session: Session, kind: ElementKind) -> None:
    session.type(f"{kind}: Thing")
    assert session.model.element(session.named("Thing")).kind is kind


def test_flows_of_each_style_and_an_event_published_by_the_sender(session: Session) -> None:
    session.type("Ordering")
    session.type("ordering -> Pricing")
    session.type("Ordering -> Payments: command")
    session.type("Ordering -> Fulfillment: event OrderPlaced")
    model, ordering = session.model, session.named("Ordering")
    styles = {model.element(f.target).name: f.style for f in model.outgoing(ordering, R.FLOW) if isinstance(f, Flow)}
    assert styles == {"Pricing": FlowStyle.QUERY, "Payments": FlowStyle.COMMAND, "Fulfillment": FlowStyle.EVENT}
    event = session.named("OrderPlaced")
    assert relation(model, R.PUBLISHES, ordering, event)
    delivering = [f for f in model.outgoing(ordering, R.FLOW) if isinstance(f, Flow) and f.event == event]
    assert len(delivering) == 1 and len(model.elements(K.CONTEXT)) == 4


def test_the_current_flow_style_is_used_for_a_bare_arrow(session: Session) -> None:
    session.type("A -> B", Defaults(flow_style=FlowStyle.EVENT))
    (flow,) = session.model.relations(R.FLOW)
    assert isinstance(flow, Flow) and flow.style is FlowStyle.EVENT


def test_an_existing_event_is_delivered_not_duplicated(session: Session) -> None:
    session.type("A -> B: event Shipped")
    session.type("A -> C: event shipped")
    assert len(session.model.elements(K.EVENT)) == 1
    assert len(session.model.relations(R.PUBLISHES)) == 1


def test_owns_means_team_owns_for_a_team_and_owns_a_fact_for_a_context(session: Session) -> None:
    session.type("team: Checkout team")
    session.type("Ordering")
    session.type("Checkout team owns Ordering")
    session.type("Ordering owns Order")
    model = session.model
    assert relation(model, R.TEAM_OWNS, session.named("Checkout team"), session.named("Ordering"))
    assert relation(model, R.OWNS, session.named("Ordering"), session.named("Order"))
    assert model.element(session.named("Order")).kind is K.FACT


def test_an_unknown_team_is_made_when_it_owns_a_context(session: Session) -> None:
    session.type("Ordering")
    session.type("Platform team owns Ordering")
    assert session.model.element(session.named("Platform team")).kind is K.TEAM


@pytest.mark.parametrize(("line", "kind"), [
    ("Billing replicates Order", R.REPLICATES), ("Ordering writes Order", R.WRITES),
    ("Ordering uses Orders DB", R.USES),
])
def test_named_relations(session: Session, line: str, kind: RelationKind) -> None:
    session.type("Ordering")
    session.type("Billing")
    session.type("fact: Order")
    session.type(line)
    source, target = line.split(f" {kind} ")
    assert relation(session.model, kind, session.named(source), session.named(target))


@pytest.mark.parametrize(("line", "reason"), [
    ("Checkout writes Order", "could be a context or service"),
    ("Order -> Ordering", "Order is a fact"),
    ("Ordering -> ordering", "two different"),
    ("Ordering -> Pricing: query", "already sends a query"),
    ("Ordering owns Order", "already owns"),
])
def test_a_refused_line_changes_nothing(session: Session, line: str, reason: str) -> None:
    session.type("Ordering")
    session.type("fact: Order")
    session.type("Ordering -> Pricing")
    session.type("Ordering owns Order")
    before = (len(session.model.elements()), len(session.model.relations()))
    with pytest.raises(CaptureError, match=reason):
        plan(session.model, line)
    assert (len(session.model.elements()), len(session.model.relations())) == before


def test_an_existing_name_is_selected_not_added_again(session: Session) -> None:
    first = session.type("Ordering")
    assert session.type("ordering") == first and len(session.model.elements()) == 1


def test_a_name_holding_a_verb_is_read_where_the_names_are_known(session: Session) -> None:
    session.type("context: Data uses")
    session.type("Store -> X")  # another context
    session.type("datastore: Archive")
    session.type("Data uses uses Archive")
    assert relation(session.model, R.USES, session.named("Data uses"), session.named("Archive"))


def test_ten_captures_grow_a_compact_block_without_overlaps(session: Session) -> None:
    for n in range(10):
        session.type(f"Context {n}")
    boxes = session.boxes()
    assert not any(overlaps(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    width = max(b.x + b.w for b in boxes) - min(b.x for b in boxes)
    height = max(b.y + b.h for b in boxes) - min(b.y for b in boxes)
    assert width <= 3 * height and height <= width


def test_captures_on_a_template_never_land_on_a_box() -> None:
    model = build_template("retail")
    view = model.views()[0].id
    selected = next(e.id for e in model.elements(K.CONTEXT) if model.layout(view, e.id) is not None)
    for n in range(8):
        planned = plan(model, f"New {n}")
        assert planned is not None
        with model.transaction("capture"):
            selected = apply(model, planned, view, selected, size_of)
    boxes = [b for b in model.layouts(view).values() if isinstance(b, Bounds)]
    new = [model.layout(view, e.id) for e in model.elements() if e.name.startswith("New ")]
    for box in new:
        assert isinstance(box, Bounds)
        assert not [b for b in boxes if b is not box and b != box and overlaps(box, b)]


def test_completion_offers_names_and_kinds(session: Session) -> None:
    session.type("Ordering")
    session.type("fact: Order")
    assert completions(session.model, "or") == ["Order", "Ordering"]
    assert completions(session.model, "te") == ["team:"]
    assert completions(session.model, "Ordering") == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("ab O->:owns team fact event query"), max_size=30), max_size=6))
def test_any_lines_are_taken_or_refused_and_a_refusal_changes_nothing(lines: list[str]) -> None:
    session = Session()
    for line in lines:
        before = (len(session.model.elements()), len(session.model.relations()))
        try:
            planned = plan(session.model, line)
        except CaptureError as error:
            assert str(error)
            assert (len(session.model.elements()), len(session.model.relations())) == before
            continue
        if planned is not None:
            with session.model.transaction(line):
                session.selected = apply(session.model, planned, session.view, session.selected, size_of)
    boxes = session.boxes()
    assert not any(overlaps(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
