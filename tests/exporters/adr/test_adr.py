"""Markdown decision records (MADR 4.0): file names, front matter, headings, links, waivers, tidying, round trip."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cli.main import main
from exporters.adr import merge_adrs, read_adrs, write_adrs
from exporters.adr.frontmatter import emit_front_matter, split_front_matter
from exporters.adr.naming import slug
from exporters.adr.template import PROS_AND_CONS_TODO
from model.changes import Committed
from model.elements import Decision
from model.engine import check_model
from model.errors import ModelError
from model.fileformat import save_model
from model.store import Model
from model.vocabulary import ElementKind
from tests.builders import Builder, rich_model

yaml = pytest.importorskip("yaml", reason="PyYAML checks that the front matter is valid YAML")

LONG = "Ünïcode décision — über long title that keeps going well beyond the sixty character limit"
PRICES = 'Two price owners: "list" & [selling] | for now'
FILES = [
    "0001-audit-every-price-change.md",
    "0002-use-kafka-for-integration.md",
    "0003-two-price-owners-list-selling-for-now.md",
    "0004-add-a-schema-registry-to-kafka.md",
    "0005-unicode-decision-uber-long-title-that-keeps-going-well.md",
]
HEADINGS = [
    "## Context and Problem Statement", "## Decision Drivers", "## Considered Options", "## Decision Outcome",
    "### Consequences", "## Pros and Cons of the Options",
]


def estate() -> Model:
    """Two contexts contesting a fact (SF001), five decisions, and waivers in every state."""
    b = Builder()
    b.context("ctx_catalog", name="Catalog")
    b.context("ctx_pricing", name="Pricing")
    b.fact("fact_price", name="Product price")
    b.owns("ctx_catalog", "fact_price", "own_catalog")
    b.owns("ctx_pricing", "fact_price", "own_pricing")
    b.decision(
        "dec_kafka", name="Use Kafka for integration", status="accepted", date=datetime.date(2024, 1, 10),
        decision_makers=['Ana "the architect"', "Bo: reviewer", "#3 Chloé"],
        problem="Contexts must exchange facts.\n\nWithout coupling their uptime.",
        drivers=["Loose coupling", "Replay of history\nfor new consumers"], options=["Kafka", "REST callbacks"],
        outcome='Chosen option: "Kafka", because it keeps the history.',
        consequences="* Good, because consumers can replay.\n* Bad, because we run a cluster.",
        tags=["integration", "kafka"], description="Agreed at the March review.", properties={"ticket": "ARCH-12"},
    )
    b.decision("dec_audit", name="Audit every price change", status="proposed", date=datetime.date(2024, 1, 10))
    b.decision("dec_registry", name="Add a schema registry to Kafka", status="accepted",
               date=datetime.date(2024, 3, 1), supersedes=["dec_kafka"], options=["Confluent", "Apicurio"])
    b.decision("dec_prices", name=PRICES, status="accepted", date=datetime.date(2024, 2, 1))
    b.decision("dec_draft", name=LONG, status="proposed")
    contested = next(v for v in check_model(b.model) if v.rule == "SF001")
    b.waiver("w_prices", "dec_prices", "SF001", list(contested.elements), "Catalog keeps list prices until Q3")
    b.waiver("w_draft", "dec_draft", "SF001", list(contested.elements))
    b.waiver("w_gone", "dec_audit", "SF003", ["ds_gone", "ctx_catalog", "ctx_pricing"], "Shared until the split")
    return b.model


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "decisions"
    write_adrs(estate(), out)
    return out


def front(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    header = text.split("---\n")[1]
    loaded = yaml.safe_load(header)
    assert isinstance(loaded, dict)
    return loaded


def headings(path: Path) -> list[str]:
    body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
    return [line for line in body.splitlines() if line.startswith("#")]


def section(path: Path, heading: str) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split(heading + "\n", 1)[1].split("\n## ", 1)[0]


def decisions(model: Model) -> list[Decision]:
    found = [e for e in model.elements(ElementKind.DECISION) if isinstance(e, Decision)]
    return sorted(found, key=lambda d: d.id)


# ------------------------------------------------------------------ layout


def test_one_file_per_decision_numbered_by_date_title_id(folder: Path) -> None:
    assert sorted(p.name for p in folder.iterdir()) == [*FILES, "README.md"]


def test_slugs_are_short_ascii_and_never_empty() -> None:
    assert slug("Use Kafka, not REST!") == "use-kafka-not-rest"
    assert slug("決定", "dec_x") == "dec-x"
    assert slug("", "") == "decision"
    long = slug("word " * 40)
    assert len(long) <= 60 and not long.endswith("-") and re.fullmatch(r"[a-z0-9-]+", long)


def test_front_matter_is_valid_yaml_with_the_madr_keys(folder: Path) -> None:
    kafka = front(folder / FILES[1])
    assert list(kafka) == [
        "status", "date", "decision-makers", "superseded-by", "tags", "description", "properties", "steelframe-id",
    ]
    assert kafka["status"] == "accepted"
    assert kafka["date"] == datetime.date(2024, 1, 10)
    assert kafka["decision-makers"] == ['Ana "the architect"', "Bo: reviewer", "#3 Chloé"]
    assert kafka["superseded-by"] == [FILES[3]]
    assert kafka["steelframe-id"] == "dec_kafka"
    registry = front(folder / FILES[3])
    assert registry["supersedes"] == [FILES[1]]
    assert "superseded-by" not in registry
    draft = front(folder / FILES[4])
    assert list(draft) == ["status", "decision-makers", "steelframe-id"]
    assert draft["decision-makers"] == []


def test_awkward_text_stays_valid_yaml_and_reads_back() -> None:
    values = ["a: b", "#hash", 'quote " and \\ backslash', "line\nbreak\ttab", "ünï ✓ \u0085 \u2028 \x07", "- dash", ""]
    text = emit_front_matter([("list", values), ("one", values[0]), ("date", datetime.date(2020, 2, 29))]) + "body"
    assert yaml.safe_load(text.split("---\n")[1]) == {
        "list": values, "one": values[0], "date": datetime.date(2020, 2, 29),
    }
    split = split_front_matter(text)
    assert split is not None
    assert split[0] == {"list": values, "one": values[0], "date": "2020-02-29"}
    assert split[1] == "body"


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXT, max_size=4), TEXT)
def test_any_text_is_valid_yaml_and_reads_back(items: list[str], one: str) -> None:
    text = emit_front_matter([("items", items), ("one", one)])
    assert yaml.safe_load(text.split("---\n")[1]) == {"items": items, "one": one}
    assert split_front_matter(text) == ({"items": items, "one": one}, "")


LINE = st.text(st.characters(whitelist_categories=("L", "N", "P", "Zs")), min_size=1, max_size=30).map(str.strip)


@settings(max_examples=100, deadline=None)
@given(
    title=LINE.filter(bool), makers=st.lists(TEXT, max_size=3), drivers=st.lists(LINE, max_size=3),
    options=st.lists(LINE.filter(bool), max_size=3, unique=True), problem=st.lists(LINE, max_size=3),
)
def test_any_decision_round_trips(
    tmp_path_factory: pytest.TempPathFactory, *, title: str, makers: list[str], drivers: list[str],
    options: list[str], problem: list[str],
) -> None:
    builder = Builder()
    builder.decision("d", name=" ".join(title.split()), decision_makers=makers, drivers=drivers, options=options,
                     problem="\n".join(problem).strip(), status="deprecated", date=datetime.date(1999, 12, 31))
    folder = tmp_path_factory.mktemp("adr")
    write_adrs(builder.model, folder)
    assert read_adrs(folder) == decisions(builder.model)


def test_every_record_has_the_madr_headings_in_order(folder: Path) -> None:
    assert headings(folder / FILES[1]) == [
        "# Use Kafka for integration", *HEADINGS, "### Kafka", "### REST callbacks", "## More Information",
    ]
    # MADR requires only the context and the outcome: a section the decision leaves empty is left out
    assert headings(folder / FILES[2]) == [
        f"# {PRICES}", "## Context and Problem Statement", "## Decision Outcome", "## More Information",
        "### Waived violations",
    ]
    assert headings(folder / FILES[3]) == [
        "# Add a schema registry to Kafka", "## Context and Problem Statement", "## Considered Options",
        "## Decision Outcome", "## Pros and Cons of the Options", "### Confluent", "### Apicurio",
        "## More Information",
    ]


def test_sections_hold_the_decision(folder: Path) -> None:
    kafka = folder / FILES[1]
    assert section(kafka, "## Context and Problem Statement").strip() == (
        "Contexts must exchange facts.\n\nWithout coupling their uptime."
    )
    assert section(kafka, "## Decision Drivers").strip() == "* Loose coupling\n* Replay of history\n  for new consumers"
    assert section(kafka, "## Considered Options").strip() == "* Kafka\n* REST callbacks"
    outcome = section(kafka, "## Decision Outcome")
    assert outcome.startswith('\nChosen option: "Kafka", because it keeps the history.\n\n### Consequences\n\n* Good')
    pros = section(kafka, "## Pros and Cons of the Options")
    assert pros.count(PROS_AND_CONS_TODO) == 2


def test_supersedes_links_both_ways(folder: Path) -> None:
    older = section(folder / FILES[1], "## More Information")
    newer = section(folder / FILES[3], "## More Information")
    assert f"Superseded by [0004 Add a schema registry to Kafka]({FILES[3]})" in older
    assert f"Supersedes [0002 Use Kafka for integration]({FILES[1]})" in newer


def test_waived_violations_are_listed_with_their_current_state(folder: Path) -> None:
    prices = section(folder / FILES[2], "## More Information")
    assert "* **SF001** Every fact has exactly one authoritative owner: Product price, Catalog, Pricing, " in prices
    assert "owns Catalog → Product price" in prices
    assert "Justification: Catalog keeps list prices until Q3" in prices
    assert "Currently: the violation occurs and this record waives it." in prices
    draft = section(folder / FILES[4], "## More Information")
    escaped = PRICES.replace("[", "\\[").replace("]", "\\]")
    assert f"waived by [0003 {escaped}]({FILES[2]})" in draft
    audit = section(folder / FILES[0], "## More Information")
    assert "**SF003**" in audit and "ds_gone (not in the model)" in audit
    assert "Justification: Shared until the split" in audit
    assert "does not occur in the model; the waiver can be removed." in audit


def test_a_proposed_record_does_not_waive(builder: Builder, tmp_path: Path) -> None:
    builder.context("a")
    builder.context("b")
    builder.fact("f")
    builder.owns("a", "f")
    builder.owns("b", "f")
    builder.decision("d", name="Share f", status="proposed")
    found = next(v for v in check_model(builder.model) if v.rule == "SF001")
    builder.waiver("w", "d", "SF001", list(found.elements), "why")
    write_adrs(builder.model, tmp_path)
    text = (tmp_path / "0001-share-f.md").read_text(encoding="utf-8")
    assert "the violation occurs and is not waived: this record is proposed" in text


def test_index_table(folder: Path) -> None:
    lines = (folder / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("| Number | Title | Status | Date |")
    assert lines[start + 1] == "| --- | --- | --- | --- |"
    assert lines[start + 2:] == [
        f"| 0001 | [Audit every price change]({FILES[0]}) | proposed | 2024-01-10 |",
        f"| 0002 | [Use Kafka for integration]({FILES[1]}) | accepted | 2024-01-10 |",
        f"| 0003 | [Two price owners: \"list\" & \\[selling\\] \\| for now]({FILES[2]}) | accepted | 2024-02-01 |",
        f"| 0004 | [Add a schema registry to Kafka]({FILES[3]}) | accepted | 2024-03-01 |",
        f"| 0005 | [{LONG}]({FILES[4]}) | proposed | — |",
    ]


# --------------------------------------------------------------- writing


def test_output_is_deterministic_bytes(tmp_path: Path) -> None:
    write_adrs(estate(), tmp_path / "a")
    write_adrs(estate(), tmp_path / "b")
    write_adrs(rich_model(), tmp_path / "c")
    write_adrs(rich_model(reverse=True), tmp_path / "d")
    for first, second in (("a", "b"), ("c", "d")):
        names = sorted(p.name for p in (tmp_path / first).iterdir())
        assert names == sorted(p.name for p in (tmp_path / second).iterdir())
        for name in names:
            assert (tmp_path / first / name).read_bytes() == (tmp_path / second / name).read_bytes(), name


def test_rewriting_removes_our_stale_records_and_keeps_foreign_files(folder: Path) -> None:
    foreign = {
        "notes.md": b"# Notes\n\nhand written\n",
        "0009-hand-written.md": b"---\nstatus: accepted\n---\n# Hand written\n",
        "picture.png": b"\x89PNG\r\n",
        "broken.md": b"\xff\xfe not utf-8",
    }
    for name, data in foreign.items():
        (folder / name).write_bytes(data)
    model = estate()
    with model.transaction("edit"):
        model.update_element("dec_audit", name="Zebra audit")
        model.remove_element("dec_draft")
    write_adrs(model, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted([
        "0001-use-kafka-for-integration.md", "0002-zebra-audit.md", "0003-two-price-owners-list-selling-for-now.md",
        "0004-add-a-schema-registry-to-kafka.md", "README.md", *foreign,
    ])
    for name, data in foreign.items():
        assert (folder / name).read_bytes() == data


def test_a_foreign_readme_is_kept_and_the_index_goes_to_index_md(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Our decisions\n", encoding="utf-8")
    write_adrs(estate(), tmp_path)
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# Our decisions\n"
    assert "| 0001 | [Audit every price change]" in (tmp_path / "index.md").read_text(encoding="utf-8")


def test_a_name_taken_by_a_foreign_file_is_refused_before_writing(tmp_path: Path) -> None:
    (tmp_path / FILES[0]).write_text("# Someone else's record\n", encoding="utf-8")
    with pytest.raises(ModelError, match="not written by Steelframe"):
        write_adrs(estate(), tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [FILES[0]]


def test_a_file_where_the_folder_should_be_is_refused(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    with pytest.raises(ModelError, match="not a folder"):
        write_adrs(estate(), tmp_path / "taken")


def test_completed_pros_and_cons_survive_a_rewrite(folder: Path) -> None:
    kafka = folder / FILES[1]
    text = kafka.read_text(encoding="utf-8")
    completed = "* Good, because history is kept\n* Bad, because a cluster must be run"
    kafka.write_text(text.replace(PROS_AND_CONS_TODO, completed, 1), encoding="utf-8")
    model = estate()
    with model.transaction("move"):
        model.update_element("dec_kafka", date=datetime.date(2023, 12, 1))
    write_adrs(model, folder)
    moved = folder / "0001-use-kafka-for-integration.md"
    assert not kafka.exists()
    pros = section(moved, "## Pros and Cons of the Options")
    assert f"### Kafka\n\n{completed}\n\n### REST callbacks\n\n{PROS_AND_CONS_TODO}" in pros


# ------------------------------------------------------------- reading back


def test_round_trip_gives_equal_decisions(folder: Path) -> None:
    assert sorted(read_adrs(folder), key=lambda d: d.id) == decisions(estate())


def test_round_trip_of_the_rich_model(tmp_path: Path) -> None:
    model = rich_model()
    with model.transaction("title"):
        model.update_element("adr_2", name="Replicate the ERP data")
    write_adrs(model, tmp_path)
    assert sorted(read_adrs(tmp_path), key=lambda d: d.id) == decisions(model)


def test_merge_into_an_empty_model_creates_every_decision_in_one_transaction(folder: Path) -> None:
    model = Model()
    commits: list[Committed] = []
    model.subscribe(commits.append)
    result = merge_adrs(model, folder)
    assert len(commits) == 1
    assert sorted(result.created) == [d.id for d in decisions(estate())]
    assert result.updated == ()
    assert decisions(model) == decisions(estate())


def test_merge_applies_hand_edits(folder: Path) -> None:
    audit = folder / FILES[0]
    text = audit.read_text(encoding="utf-8")
    text = text.replace('status: "proposed"', "status: accepted")
    text = text.replace("decision-makers: []", "decision-makers:\n  - Dana")
    audit.write_text(text.replace("# Audit every price change", "# Audit every price and promotion change"), "utf-8")
    model = estate()
    result = merge_adrs(model, folder)
    assert result == type(result)(created=(), updated=("dec_audit",))
    audit_decision = model.element("dec_audit")
    assert isinstance(audit_decision, Decision)
    assert (audit_decision.name, audit_decision.status, audit_decision.decision_makers) == (
        "Audit every price and promotion change", "accepted", ["Dana"],
    )


def test_merge_refuses_an_id_held_by_another_kind_and_changes_nothing(folder: Path) -> None:
    model = estate()
    with model.transaction("clash"):
        model.remove_element("dec_draft")
        model.add_element(model.element("ctx_catalog").model_copy(update={"id": "dec_draft"}))
    before = decisions(model)
    with pytest.raises(ModelError, match="not a decision"):
        merge_adrs(model, folder)
    assert decisions(model) == before


def test_read_refuses_a_bad_status(folder: Path) -> None:
    audit = folder / FILES[0]
    audit.write_text(audit.read_text(encoding="utf-8").replace('"proposed"', '"maybe"'), encoding="utf-8")
    with pytest.raises(ModelError, match="status 'maybe'"):
        read_adrs(folder)


# ------------------------------------------------------------- command line


@pytest.fixture
def model_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    save_model(estate(), tmp_path / "estate.steelframe.json")
    return tmp_path / "estate.steelframe.json"


def test_cli_exports_a_folder(model_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(model_file), "--to", "adr", "-o", "docs/decisions"]) == 0
    assert capsys.readouterr().err == ""
    assert sorted(p.name for p in (model_file.parent / "docs/decisions").iterdir()) == [*FILES, "README.md"]


@pytest.mark.parametrize("extra", [[], ["--view", "Main"]])
def test_cli_refuses_an_unusable_output_in_one_line(
    model_file: Path, capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    (model_file.parent / "taken").write_text("x", encoding="utf-8")
    output = "taken" if not extra else "elsewhere"
    assert main(["export", str(model_file), "--to", "adr", "-o", output, *extra]) == 2
    err = capsys.readouterr().err
    assert err.startswith("steelframe: ") and err.count("\n") == 1 and "Traceback" not in err
    assert not (model_file.parent / "elsewhere").exists()
