"""The capture language: each line of the issue's table, every refusal, and Hypothesis on odd input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.capture import AddElement, AddFlow, AddRelation, CaptureError, parse
from model.vocabulary import ElementKind, FlowStyle


@pytest.mark.parametrize(("line", "statement"), [
    ("Ordering", AddElement("Ordering")),
    ("  Order   intake ", AddElement("Order intake")),
    ("team: Checkout team", AddElement("Checkout team", ElementKind.TEAM)),
    ("Fact:Order", AddElement("Order", ElementKind.FACT)),
    ("system: Policy platform", AddElement("Policy platform", ElementKind.SYSTEM)),
    ("event: OrderPlaced", AddElement("OrderPlaced", ElementKind.EVENT)),
    ("Ordering -> Pricing", AddFlow("Ordering", "Pricing")),
    ("Ordering->Pricing: query", AddFlow("Ordering", "Pricing", FlowStyle.QUERY)),
    ("Ordering -> Payments: Command", AddFlow("Ordering", "Payments", FlowStyle.COMMAND)),
    ("Ordering -> Payments: async command", AddFlow("Ordering", "Payments", FlowStyle.COMMAND, asynchronous=True)),
    ("Ordering -> Fulfillment: event OrderPlaced", AddFlow("Ordering", "Fulfillment", FlowStyle.EVENT,
                                                           detail="OrderPlaced")),
    ("Checkout team owns Ordering", AddRelation("Checkout team", "owns", "Ordering")),
    ("Billing REPLICATES Order", AddRelation("Billing", "replicates", "Order")),
    ("Checkout writes Order", AddRelation("Checkout", "writes", "Order")),
    ("Ordering uses Orders DB", AddRelation("Ordering", "uses", "Orders DB")),
])
def test_each_line_of_the_table_reads(line: str, statement: object) -> None:
    assert parse(line) == statement


@pytest.mark.parametrize(("line", "reason"), [
    ("-> Pricing", "sender"),
    ("Ordering ->", "receiver"),
    ("A -> B -> C", "one flow a line"),
    ("A -> B: gossip", "query, command or event"),
    ("colour: red", "not a kind"),
    ("team:", "name"),
])
def test_a_malformed_line_says_what_is_wrong(line: str, reason: str) -> None:
    with pytest.raises(CaptureError, match=reason):
        parse(line)


def test_a_blank_line_is_nothing() -> None:
    assert parse("   ") is None


@given(st.text(max_size=60))
def test_any_text_reads_or_is_refused_with_a_reason(text: str) -> None:
    try:
        parse(text)
    except CaptureError as error:
        assert str(error)
