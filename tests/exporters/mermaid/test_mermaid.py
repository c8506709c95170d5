"""The Mermaid exporter: the flowchart of the retail template (subgraphs, shapes, palette classes, line
styles, event names), one view against the whole model, awkward names and ids, determinism, an
empty model, Mermaid's size limits and the command line. The real mermaid parser reads the same
exports in scripts/consumers/check_mermaid.sh."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cli.main import main
from exporters.diagram.scope import scope_of
from exporters.mermaid import to_mermaid
from exporters.mermaid.flowchart import MAX_LINES
from exporters.mermaid.text import RESERVED, node_ids, quoted
from model.errors import ModelError
from model.fileformat import save_model
from model.palette import KIND_COLOURS
from model.store import Model
from model.templates import build_template
from model.vocabulary import ElementKind
from tests.builders import Builder
from tests.exporters.diagram.odd import ODD_NAMES, odd_model

ID = r"[A-Za-z0-9_]+"
EDGE = re.compile(rf'^  ({ID}) (-->|==>|-\.->)\|"([^"]*)"\| ({ID})$')
NODE = re.compile(rf'^ *({ID})(\(|\[\[|\{{\{{|\(\[|\[\(|>|\[/|\[\\|\[)"([^"]*)"')
SUBGRAPH = re.compile(rf'^  subgraph ({ID}) \["([^"]*)"\]$')


def edges(chart: str) -> list[tuple[str, str, str, str]]:
    return [m.groups() for line in chart.splitlines() if (m := EDGE.match(line))]  # type: ignore[misc]


def nodes(chart: str) -> dict[str, str]:
    found = {m[1]: m[3] for line in chart.splitlines() if (m := NODE.match(line)) and "subgraph" not in line}
    return found | {m[1]: m[2] for line in chart.splitlines() if (m := SUBGRAPH.match(line))}


@pytest.fixture(scope="module")
def retail() -> str:
    return to_mermaid(build_template("retail"))


def test_contexts_are_subgraphs_holding_their_services(retail: str) -> None:
    lines = retail.splitlines()
    start = lines.index('  subgraph ctx_ordering ["Ordering<br>core"]')
    members = ['    svc_checkout("Checkout")', '    svc_order_management("Order management")', "  end"]
    assert lines[start + 1:start + 4] == members
    assert retail.startswith("%% Retail estate\nflowchart LR\n")


def test_each_kind_has_its_shape_and_the_palette_colours(retail: str) -> None:
    assert '  ds_orders_db[("Orders database")]' in retail.splitlines()
    assert '  evt_order_placed>"OrderPlaced<br>integration v3.1"]' in retail.splitlines()
    for kind in (ElementKind.CONTEXT, ElementKind.FACT, ElementKind.EVENT):
        colours = KIND_COLOURS[kind]
        assert re.search(rf"classDef {kind} fill:{colours.fill},stroke:{colours.line},", retail)
    assert re.search(r"^  class .*\bctx_ordering\b.* context$", retail, re.M)


def test_flow_styles_are_line_styles_and_event_flows_carry_the_event_name(retail: str) -> None:
    found = {(source, target): (arrow, label) for source, arrow, label, target in edges(retail)}
    assert found[("ctx_ordering", "ctx_billing")] == ("-.->", "OrderPlaced")  # event: dotted
    assert found[("svc_order_management", "ctx_fulfillment")] == ("==>", "Cancel shipment")  # command: thick
    assert found[("svc_checkout", "ctx_pricing")] == ("-->", "Quote basket prices")  # query: solid


def test_every_line_is_styled_exactly_once(retail: str) -> None:
    styled = [int(i) for line in retail.splitlines() if line.startswith("  linkStyle ")
              for i in line.split()[1].split(",")]
    assert sorted(styled) == list(range(len(edges(retail))))
    dashed = next(line for line in retail.splitlines() if line.startswith("  linkStyle") and "8 4" in line)
    assert dashed.split()[1] == str(next(i for i, e in enumerate(edges(retail)) if e[1] == "==>"))


def test_one_view_shows_exactly_what_the_view_shows() -> None:
    model = build_template("insurer")
    chart = to_mermaid(model, "Policy issuance", direction="TB")
    scope = scope_of(model, "Policy issuance")
    assert set(nodes(chart)) == set(node_ids(scope.elements).values())
    assert len(edges(chart)) == len(scope.relations) < len(edges(to_mermaid(model)))
    assert "flowchart TB" in chart.splitlines()


def test_awkward_names_are_shown_literally_and_ids_are_legal() -> None:
    chart = to_mermaid(odd_model())
    labels = nodes(chart)
    assert all(re.fullmatch(ID, i) and i.casefold() not in {r.casefold() for r in RESERVED} for i in labels)
    assert len(labels) == len(set(labels))
    assert labels["class_x"] != labels["class_x_2"]  # class-x and class_x stay two elements
    shown = {_decode(label.split("<br>")[0]) for label in labels.values()}
    assert {" ".join(name.split()) for name in ODD_NAMES.values()} <= shown
    for label in labels.values():
        assert not set(label.replace("<br>", "")) & set('"<>`&')


def _decode(label: str) -> str:
    """What Mermaid shows for a label: its entity codes decoded."""
    named = {"quot": '"', "amp": "&", "lt": "<", "gt": ">"}
    return re.sub(r"#(\w+);", lambda m: chr(int(m[1])) if m[1].isdigit() else named[m[1]], label)


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_text_is_one_quoted_token_that_decodes_to_itself(text: str) -> None:
    token = quoted(text)
    assert token.startswith('"') and token.endswith('"') and not set(token[1:-1]) & set('"`\n\r')
    lines = re.sub("[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]", " ", text.replace("\r\n", "\n").replace("\r", "\n"))
    expected = "<br>".join(" ".join(line.split()) for line in lines.split("\n")) if text.strip() else ""
    assert _decode(token[1:-1]) == expected


def test_the_chart_does_not_depend_on_the_order_things_were_added() -> None:
    forward, backward = Builder(), Builder()
    for b, order in ((forward, ["a", "b", "c"]), (backward, ["c", "b", "a"])):
        for context_id in order:
            b.context(context_id)
        b.flow("a", "b", "f1", style="query")
        b.flow("b", "c", "f2", style="event")
    assert to_mermaid(forward.model) == to_mermaid(backward.model) == to_mermaid(forward.model)


def test_an_empty_model_is_an_empty_flowchart() -> None:
    assert to_mermaid(Model()) == "%% Untitled\nflowchart LR\n"


def test_a_chart_too_large_for_github_is_refused_with_the_reason() -> None:
    b = Builder()
    for number in range(26):
        b.context(f"c{number}")
    for number in range(MAX_LINES + 1):
        b.flow(f"c{number % 26}", f"c{(number * 7 + 1) % 26}", style="query")
    with pytest.raises(ModelError, match=r"the whole model is too large for Mermaid: 501 lines, where GitHub and "
                                         r"GitLab draw at most 500 lines$"):
        to_mermaid(b.model)
    with pytest.raises(ModelError, match="unknown direction 'XY'"):
        to_mermaid(Model(), direction="XY")


def test_the_command_line_writes_a_chart_or_markdown_with_it_fenced(tmp_path: Path) -> None:
    source = tmp_path / "retail.steelframe.json"
    save_model(build_template("retail"), source)
    view = ["--view", "Context map"]
    assert main(["export", str(source), "--to", "mermaid", "-o", str(tmp_path / "map.mmd"), *view]) == 0
    chart = (tmp_path / "map.mmd").read_text(encoding="utf-8")
    assert chart.startswith("%% Retail estate — Context map\nflowchart LR\n")
    assert main(["export", str(source), "--to", "mermaid", "-o", str(tmp_path / "map.md"), *view]) == 0
    assert (tmp_path / "map.md").read_text(encoding="utf-8") == f"```mermaid\n{chart}```\n"
    assert main(["export", str(source), "--to", "mermaid", "-o", str(tmp_path / "x.mmd"), "--view", "nope"]) == 2
    assert not (tmp_path / "x.mmd").exists()
