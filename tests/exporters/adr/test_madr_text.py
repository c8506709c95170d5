"""What a record says where the decision is silent, the outcome in MADR's form, and the header log4brains reads."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporters.adr import read_adrs, write_adrs
from exporters.adr.outcome import outcome_of, outcome_text
from exporters.adr.parse import parse_record
from exporters.adr.template import OLD_PLACEHOLDERS, OLD_PROS_AND_CONS_TODO
from model.elements import Decision
from tests.builders import Builder


def record(tmp_path: Path, **attributes: object) -> str:
    builder = Builder()
    builder.decision("d", name="Use events", **attributes)
    write_adrs(builder.model, tmp_path)
    (path,) = [p for p in tmp_path.iterdir() if p.name != "README.md"]
    return path.read_text(encoding="utf-8")


def body(text: str) -> str:
    return text.split("---\n", 2)[2]


def test_an_empty_decision_shows_no_placeholders(tmp_path: Path) -> None:
    text = body(record(tmp_path))
    assert "{" not in text and "}" not in text
    assert "The model does not record the problem this decision answers yet." in text
    assert "The model does not record the outcome of this decision yet." in text
    for optional in ("## Decision Drivers", "## Considered Options", "### Consequences", "## Pros and Cons"):
        assert optional not in text


def test_options_without_an_outcome_say_none_is_chosen(tmp_path: Path) -> None:
    text = body(record(tmp_path, options=["Events", "Calls"]))
    assert "No option has been chosen yet." in text
    assert "{" not in text
    assert read_adrs(tmp_path)[0].outcome == ""


def test_the_header_list_log4brains_reads(tmp_path: Path) -> None:
    text = body(record(tmp_path, status="accepted", date=datetime.date(2024, 5, 2), decision_makers=["Ana", "Bo"]))
    assert text.startswith("\n# Use events\n\n* Status: accepted\n* Deciders: Ana, Bo\n* Date: 2024-05-02\n\n## ")
    undated = body(record(tmp_path / "undated"))
    assert "* Status: proposed\n\n## Context" in undated


def test_the_outcome_names_the_chosen_option() -> None:
    options = ["Integration events on Kafka", "REST calls"]
    text = outcome_text("Contexts use integration events on Kafka for every fact they share.", options)
    assert text == (
        'Chosen option: "Integration events on Kafka", because contexts use integration events on Kafka for every '
        "fact they share."
    )
    assert outcome_of(text, options) == "Contexts use integration events on Kafka for every fact they share."
    assert outcome_text("Kafka wins: it keeps history.", ["Kafka"]) == 'Chosen option: "Kafka", because Kafka wins: ' \
        "it keeps history."
    assert outcome_text("SQS is cheaper, and REST calls stay.", options) == (
        'Chosen option: "REST calls", because SQS is cheaper, and REST calls stay.'
    )


def test_an_outcome_in_madr_form_or_naming_no_option_is_kept() -> None:
    options = ["Kafka", "REST"]
    written = 'Chosen option: "Kafka", because it keeps the history.'
    assert outcome_text(written, options) == written
    assert outcome_of(written, options) == written
    assert outcome_text("We postpone the choice.", options) == "We postpone the choice."
    assert outcome_text("No options here.", []) == "No options here."


SENTENCE = st.text(st.characters(whitelist_categories=("L", "N", "Zs"), max_codepoint=0x2FF), min_size=1,
                   max_size=30).map(lambda s: " ".join(s.split())).filter(bool)


@settings(max_examples=200, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=3, unique=True), SENTENCE, SENTENCE, st.booleans())
def test_the_outcome_reads_back(options: list[str], before: str, after: str, capital: bool) -> None:
    start = before[:1].upper() + before[1:] if capital else before
    outcome = f"{start} {options[0]} {after}."
    assert outcome_of(outcome_text(outcome, options), options) == outcome


@pytest.mark.parametrize("heading", sorted(OLD_PLACEHOLDERS))
def test_records_written_with_placeholders_read_as_empty(heading: str) -> None:
    text = f"---\nsteelframe-id: \"d\"\n---\n\n# T\n\n{heading}\n\n{OLD_PLACEHOLDERS[heading]}\n"
    parsed = parse_record(text)
    assert parsed is not None and parsed.text(heading) == ""
    pros = '---\nsteelframe-id: "d"\n---\n\n# T\n\n## Pros and Cons of the Options\n\n### A\n\n'
    pros += OLD_PROS_AND_CONS_TODO
    parsed = parse_record(pros)
    assert parsed is not None and parsed.pros_and_cons() == {}


def test_a_decision_with_everything_round_trips(tmp_path: Path) -> None:
    builder = Builder()
    builder.decision(
        "d", name="Integrate with events", status="accepted", date=datetime.date(2024, 5, 2), decision_makers=["Ana"],
        problem="Six contexts share facts.", drivers=["Independent deploys"], options=["Events", "Calls"],
        outcome="Events keep the contexts apart.", consequences="A broker to run.",
    )
    write_adrs(builder.model, tmp_path)
    (decision,) = read_adrs(tmp_path)
    assert decision == next(e for e in builder.model.elements() if isinstance(e, Decision))
