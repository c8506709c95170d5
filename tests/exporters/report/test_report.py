"""The Markdown governance report: its sections on both templates, the interaction matrix, the diagram, the CLI."""

from __future__ import annotations

import datetime
import shutil
import sys
from pathlib import Path

import pytest

from app.cli.main import main
from bench.estate import generate
from exporters.report import report_markdown, write_report
from model.engine import check_model
from model.errors import ModelError
from model.fileformat import save_model
from model.store import Model
from model.templates import build_template
from tests.builders import Builder

SECTIONS = [
    "## Summary", "### Elements and relations", "### Contexts by domain class and lifecycle",
    "### Violations by severity", "## Context map", "## Ownership of facts", "## Interactions",
    "## Violations by rule", "## Violations by context", "## Waivers", "## Decisions",
]


def headings(text: str, level: str = "## ") -> list[str]:
    return [line for line in text.splitlines() if line.startswith(level)]


def section(text: str, heading: str) -> str:
    """The text under ``heading`` down to the next heading of the same or a higher level."""
    level = heading.split(" ", maxsplit=1)[0]
    body = text.split(heading + "\n", 1)[1]
    stops = [f"\n{'#' * n} " for n in range(1, len(level) + 1)]
    end = min((body.find(stop) for stop in stops if stop in body), default=len(body))
    return body[:end]


def rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("| ")]


def graphviz_or_skip() -> None:
    if shutil.which("dot") is None:
        pytest.skip("Graphviz 'dot' is not installed, so the context map cannot be drawn")


# ------------------------------------------------------------------ retail


@pytest.fixture(scope="module")
def retail() -> str:
    return report_markdown(build_template("retail"), "report-diagram.svg")


def test_retail_has_every_section_in_order(retail: str) -> None:
    assert retail.startswith("# Architecture report: Retail estate\n")
    found = [h for h in headings(retail, "#") if h in SECTIONS]
    assert found == SECTIONS


def test_retail_summary_counts(retail: str) -> None:
    summary = section(retail, "## Summary")
    elements, relations = (rows(summary)[i:i + 3] for i in (0, 3))
    assert elements[0].startswith("| Elements | context | service | team | fact |")
    assert elements[2].startswith("| count | 6 | 7 | 6 | 7 |")
    assert relations[0].startswith("| Relations | owns | replicates | writes | flow |")
    assert relations[2].startswith("| count | 8 | 4 | 7 | 16 |")
    assert "| core | 2 | 0 | 0 | 2 |" in summary and "| total | 6 | 0 | 0 | 6 |" in summary
    assert "| error | 2 | 0 |" in summary and "| warning | 2 | 0 |" in summary and "| total | 4 | 0 |" in summary


def test_retail_violations_by_rule(retail: str) -> None:
    by_rule = section(retail, "## Violations by rule")
    assert [h.split(" ")[1] for h in headings(by_rule, "### ")] == ["SF001", "SF003", "SF005", "SF011"]
    assert "| SF001 | Every fact has exactly one authoritative owner | error | 1 | 0 |" in by_rule
    assert "| SF011 |" in by_rule and "| warning | 1 | 0 |" in by_rule
    contested = section(retail, "### SF001 Every fact has exactly one authoritative owner")
    assert "* Product price has 2 authoritative owners (Catalog and Pricing)" in contested
    assert "  * Fix: Keep one owner of Product price" in contested


def test_retail_violations_by_context(retail: str) -> None:
    by_context = section(retail, "## Violations by context")
    contexts = ["Billing", "Catalog", "Fulfillment", "Ordering", "Pricing"]
    assert headings(by_context, "### ") == [f"### {name}" for name in contexts]
    pricing = section(by_context, "### Pricing")
    assert "[SF001](#sf001-every-fact-has-exactly-one-authoritative-owner) (error)" in pricing
    assert "[SF011](#" in pricing and "SF003" not in pricing
    assert "[SF003](#" in section(by_context, "### Billing")
    assert "Contexts without violations: Customer." in by_context


def test_retail_ownership_shows_the_contested_price(retail: str) -> None:
    table = rows(section(retail, "## Ownership of facts"))
    assert table[0] == "| Fact | Owner(s) | Replicas (max staleness) | Writers |"
    price = next(row for row in table if row.startswith("| Product price |"))
    assert price == "| Product price | **Catalog, Pricing** (contested: 2 owners) | Ordering (max PT5M) | — |"
    order = next(row for row in table if row.startswith("| Order |"))
    assert order == "| Order | Ordering | — | Checkout (Ordering), Order management (Ordering) |"
    assert "| Customer address (personal data) | Customer | Fulfillment (max PT1H) |" in "\n".join(table)


def test_retail_links_the_diagram(retail: str) -> None:
    assert "![Context map](report-diagram.svg)" in section(retail, "## Context map")


def test_retail_matrix_lifts_services(retail: str) -> None:
    table = rows(section(retail, "## Interactions"))
    assert table[0] == "| Caller \\ called | Billing | Catalog | Customer | Fulfillment | Ordering | Pricing |"
    assert "| Ordering | E |  | Q | C, E | E | Q |" in table


# ----------------------------------------------------------------- insurer


def test_insurer_sections_and_rules() -> None:
    text = report_markdown(build_template("insurer"))
    assert [h for h in headings(text, "#") if h in SECTIONS] == SECTIONS
    by_rule = section(text, "## Violations by rule")
    assert [h.split(" ")[1] for h in headings(by_rule, "### ")] == ["SF004", "SF010", "SF014", "SF018"]
    by_context = section(text, "## Violations by context")
    assert "[SF014](#" in section(by_context, "### Party Management")
    assert "[SF010](#" in section(by_context, "### Claims")
    assert "Legacy policy platform (system)" in section(text, "## Interactions")
    assert "The diagram is not included" in section(text, "## Context map")
    assert "| Strangle the legacy policy platform behind an ACL | accepted |" in section(text, "## Decisions")


# ---------------------------------------------------------- hand-built models


def test_interaction_matrix_of_a_small_model(builder: Builder) -> None:
    builder.context("a", name="Alpha")
    builder.context("b", name="Beta")
    builder.context("c", name="Gamma")
    builder.service("a1", name="Alpha API")
    builder.contains("a", "a1")
    builder.system("erp", name="ERP", legacy=True)
    builder.flow("a1", "b", style="query")
    builder.flow("a", "b", style="event")
    builder.flow("a1", "b", style="event")
    builder.flow("b", "c", style="command", synchronous=False)
    builder.flow("c", "a1")
    builder.flow("b", "erp", style="query")
    table = rows(section(report_markdown(builder.model), "## Interactions"))
    assert table == [
        "| Caller \\ called | Alpha | Beta | ERP (system) | Gamma |",
        "| --- | --- | --- | --- | --- |",
        "| Alpha |  | Q, E\u00d72 |  |  |",
        "| Beta |  |  | Q | C |",
        "| Gamma | ? |  |  |  |",
    ]


def test_a_large_estate_lists_interactions_per_context() -> None:
    model = generate(40, 1)
    interactions = section(report_markdown(model), "## Interactions")
    assert "more than 25 interacting contexts" in interactions
    assert rows(interactions) == []
    lines = [line for line in interactions.splitlines() if line.startswith("* **")]
    assert len(lines) >= 25
    assert all(" → " in line and "(" in line for line in lines)


def test_waivers_name_their_decisions(builder: Builder) -> None:
    builder.context("a", name="Alpha")
    builder.context("b", name="Beta")
    builder.fact("f", name="Price")
    builder.owns("a", "f")
    builder.owns("b", "f")
    builder.decision("d", name="Two owners for now", status="accepted", date=datetime.date(2025, 5, 1))
    found = next(v for v in check_model(builder.model) if v.rule == "SF001")
    builder.waiver("w", "d", "SF001", list(found.elements), "Until the pricing split")
    text = report_markdown(builder.model)
    waivers = rows(section(text, "## Waivers"))
    assert waivers[0] == "| Violation | Decision | Status | Justification | Currently |"
    assert waivers[2].startswith("| SF001 Every fact has exactly one authoritative owner: Price, Alpha, Beta, ")
    assert waivers[2].endswith("| Two owners for now | accepted | Until the pricing split | waived |")
    assert "| error | 0 | 1 |" in section(text, "### Violations by severity")
    assert "*(waived by Two owners for now)*" in section(text, "## Violations by rule")
    assert "| Two owners for now | accepted | 2025-05-01 | 1 |" in section(text, "## Decisions")


def test_an_empty_model_still_reports() -> None:
    text = report_markdown(Model())
    assert [h for h in headings(text, "#") if h in SECTIONS] == SECTIONS
    assert "The model has no flows." in text and "No rule finds a violation." in text


# ------------------------------------------------------------------ writing


def test_write_report_draws_the_diagram_beside_it(tmp_path: Path) -> None:
    graphviz_or_skip()
    written = write_report(build_template("retail"), tmp_path / "out" / "report.md")
    assert written == [tmp_path / "out/report.md", tmp_path / "out/report-diagram.svg"]
    assert b"<svg" in (tmp_path / "out/report-diagram.svg").read_bytes()
    assert "![Context map](report-diagram.svg)" in (tmp_path / "out/report.md").read_text(encoding="utf-8")


def test_without_the_graphviz_exporter_the_report_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "exporters.graphviz", None)  # makes the import fail
    write_report(build_template("retail"), tmp_path / "report.md")
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "The diagram is not included: the Graphviz exporter is not available" in text
    assert "](report-diagram.svg)" not in text


def test_when_graphviz_cannot_draw_the_report_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    graphviz_or_skip()
    import exporters.graphviz

    def broken(dot_text: str, fmt: str) -> bytes:
        raise ModelError("Graphviz 'dot' is not installed: apt-get install graphviz")

    monkeypatch.setattr(exporters.graphviz, "render", broken)
    write_report(build_template("retail"), tmp_path / "report.md")
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "The diagram is not included: Graphviz could not draw it (Graphviz 'dot' is not installed" in text


def test_the_report_is_deterministic(tmp_path: Path) -> None:
    assert report_markdown(build_template("retail")) == report_markdown(build_template("retail"))


# ------------------------------------------------------------- command line


@pytest.fixture
def model_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    save_model(build_template("retail"), tmp_path / "retail.steelframe.json")
    return tmp_path / "retail.steelframe.json"


def test_cli_writes_the_report(model_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(model_file), "--to", "report", "-o", "report.md"]) == 0
    assert capsys.readouterr().err == ""
    text = (model_file.parent / "report.md").read_text(encoding="utf-8")
    assert text.startswith("# Architecture report: Retail estate")


@pytest.mark.parametrize(
    ("output", "extra"),
    [("a-file/report.md", []), ("a-folder", []), ("report.md", ["--view", "No such view"])],
    ids=["parent-is-a-file", "output-is-a-folder", "unknown-view"],
)
def test_cli_refuses_an_unusable_output_in_one_line(
    model_file: Path, capsys: pytest.CaptureFixture[str], output: str, extra: list[str]
) -> None:
    graphviz_or_skip() if extra else None
    (model_file.parent / "a-file").write_text("x", encoding="utf-8")
    (model_file.parent / "a-folder").mkdir()
    before = sorted(p.name for p in model_file.parent.iterdir())
    assert main(["export", str(model_file), "--to", "report", "-o", output, *extra]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("steelframe: ") and err.count("\n") == 1 and "Traceback" not in err
    assert sorted(p.name for p in model_file.parent.iterdir()) == before
