"""The Graphviz exporter: the DOT structure of the retail template (read back by Graphviz itself),
the real ``dot`` accepting every export and awkward names, the SVG, PNG and PDF it draws, the
engine switch for large views, and the command line."""

from __future__ import annotations

import json
import re
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli.main import main
from bench.estate import generate
from bench.graphviz import add_view
from exporters.graphviz import lay_out, render, to_dot
from exporters.graphviz.text import quote
from model.engine import check_model
from model.errors import ModelError
from model.fileformat import save_model
from model.palette import KIND_COLOURS, SEVERITY_COLOURS, WAIVED_COLOUR
from model.store import Model
from model.templates import build_template
from model.vocabulary import ElementKind, Severity
from tests.builders import Builder

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")

K = ElementKind
CONTEXT_MAP = "Context map"


@pytest.fixture(scope="module")
def retail() -> Model:
    return build_template("retail")


@pytest.fixture(scope="module")
def insurer() -> Model:
    return build_template("insurer")


# --------------------------------------------------------------------- reading the DOT back


@dataclass
class Graph:
    """A DOT text as Graphviz itself reads it (``dot -Tdot_json``)."""

    attributes: dict[str, Any]
    clusters: dict[str, dict[str, Any]] = field(default_factory=dict)
    members: dict[str, set[str]] = field(default_factory=dict)
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: dict[str, dict[str, Any]] = field(default_factory=dict)


def parse(dot_text: str) -> Graph:
    done = subprocess.run(["dot", "-Tdot_json"], input=dot_text.encode(), capture_output=True, check=True)
    data = json.loads(done.stdout)
    count = data.get("_subgraph_cnt", 0)
    objects = data.get("objects", [])
    names = {obj["_gvid"]: obj["name"] for obj in objects[count:]}
    graph = Graph(data, nodes={obj["name"]: obj for obj in objects[count:]})
    for sub in objects[:count]:
        if sub["name"].startswith("cluster"):
            graph.clusters[sub["name"]] = sub
            graph.members[sub["name"]] = {names[i] for i in sub.get("nodes", [])}
    for edge in data.get("edges", []):
        edge["tail_name"], edge["head_name"] = names[edge["tail"]], names[edge["head"]]
        graph.edges[edge.get("id") or f"{edge['tail_name']}->{edge['head_name']}"] = edge
    return graph


def accepted(dot_text: str, fmt: str = "svg") -> bytes:
    """What the real ``dot`` draws; fails the test on a non-zero exit or any error or warning."""
    done = subprocess.run(["dot", f"-T{fmt}"], input=dot_text.encode(), capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert b"Error" not in done.stderr and b"Warning" not in done.stderr, done.stderr.decode()
    return done.stdout


def svg_text(svg: bytes) -> str:
    """Every text of an SVG drawing, lines joined by spaces, whitespace collapsed."""
    root = ET.fromstring(svg)
    words = [node.text or "" for node in root.iter("{http://www.w3.org/2000/svg}text")]
    return " ".join(" ".join(words).split())


# --------------------------------------------------------------------- structure of the DOT


def test_each_context_is_a_cluster_holding_its_services(retail: Model) -> None:
    graph = parse(to_dot(retail))
    contexts = retail.elements(K.CONTEXT)
    assert {f"cluster_{c.id}" for c in contexts} <= set(graph.clusters)
    for context in contexts:
        services = {s.id for s in retail.elements(K.SERVICE) if retail.container_of(s.id) == context.id}
        assert services, context.id
        assert graph.members[f"cluster_{context.id}"] == services | {context.id}
        cluster = graph.clusters[f"cluster_{context.id}"]
        assert cluster["id"] == context.id
        assert cluster["fillcolor"] == KIND_COLOURS[K.CONTEXT].fill
        assert cluster["color"] == KIND_COLOURS[K.CONTEXT].line
        assert context.name in cluster["label"]
        assert graph.nodes[context.id]["style"] == "invis"  # the anchor edges to the context aim at
    assert graph.attributes["compound"] == "true"


def test_an_empty_context_is_still_a_cluster(builder: Builder) -> None:
    builder.context("lonely", name="Lonely")
    builder.context("busy", name="Busy")
    builder.service("svc")
    builder.contains("busy", "svc")
    builder.flow("svc", "lonely", style="query", name="Ask")
    graph = parse(to_dot(builder.model))
    assert graph.members["cluster_lonely"] == {"lonely"}
    edge = next(e for e in graph.edges.values() if e.get("class") == "flow")
    assert (edge["tail_name"], edge["head_name"], edge["lhead"]) == ("svc", "lonely", "cluster_lonely")
    assert "ltail" not in edge


EXPECTED_SHAPES = {
    "svc-checkout": "box", "team-checkout": "ellipse", "fact-order": "note", "ds-orders-db": "cylinder",
    "evt-order-placed": "cds", "topic-ordering-orders": "hexagon", "saga-order-to-cash": "rarrow",
    "inv-order-total": "parallelogram", "rec-order-to-cash": "larrow",
}


def test_each_kind_has_its_shape_and_palette_colours(retail: Model, insurer: Model) -> None:
    graph = parse(to_dot(retail))
    for element_id, shape in EXPECTED_SHAPES.items():
        node = graph.nodes[element_id]
        colours = KIND_COLOURS[retail.element(element_id).kind]
        assert (node["shape"], node["fillcolor"], node["color"]) == (shape, colours.fill, colours.line), element_id
    others = parse(to_dot(insurer)).nodes
    assert others["sys-legacy-policy-platform"]["shape"] == "box3d"
    assert "dashed" in others["sys-legacy-policy-platform"]["style"]
    assert others["acl-policy-platform"]["shape"] == "octagon"
    shapes = set(EXPECTED_SHAPES.values()) | {"box3d", "octagon"}
    assert len(shapes) == len(EXPECTED_SHAPES) + 2  # distinct per kind


def test_notes_and_decisions_are_left_out(retail: Model) -> None:
    text = to_dot(retail)
    assert "note-price-owner" not in text and "dec-kafka-integration" not in text
    assert "Who owns the price?" not in text


def test_flows_are_styled_as_on_the_canvas(retail: Model, insurer: Model) -> None:
    edges = parse(to_dot(retail)).edges
    query = edges["flow-ordering-customer-credit"]
    assert (query["style"], query["penwidth"], query["label"]) == ("solid", "2", "Check credit status")
    assert query["lhead"] == "cluster_ctx-customer"
    assert edges["flow-ordering-fulfillment-cancel"]["style"] == "dashed"
    event = edges["flow-ordering-billing-orders"]
    assert event["style"] == "dotted"
    assert event["label"] == "OrderPlaced"  # the event's name, not the flow's
    undeclared = parse(to_dot(insurer)).edges["flow-quotation-party-prospect"]
    assert (undeclared["style"], undeclared["penwidth"], undeclared["color"]) == ("dashed", "1", "#8a8a8a")


def test_owners_and_other_relations(retail: Model) -> None:
    edges = parse(to_dot(retail)).edges
    owns = edges["owns-ordering-order"]
    assert (owns["dir"], owns["arrowtail"], owns["penwidth"]) == ("back", "diamond", "2.5")
    assert owns["color"] == KIND_COLOURS[K.FACT].line
    assert owns["ltail"] == "cluster_ctx-ordering"
    team = edges["team-owns-checkout-ordering"]
    assert (team["color"], team["penwidth"]) == ("#90a4ae", "1")
    assert not any(edge.get("class") == "contains" for edge in edges.values())  # the clusters say it


def test_the_legend_lists_kinds_and_flow_styles(retail: Model) -> None:
    graph = parse(to_dot(retail, CONTEXT_MAP))
    assert "cluster:legend" in graph.clusters
    samples = {name for name in graph.members["cluster:legend"] if name.startswith("legend:")}
    assert {"legend:context", "legend:service", "legend:team", "legend:lines"} <= samples
    assert "legend:fact" not in samples  # only what the diagram shows
    lines = graph.nodes["legend:lines"]["label"]
    for style in ("query flow", "command flow", "event flow"):
        assert style in lines
    assert "undeclared flow" not in lines and "error (overlay)" not in lines


def test_a_view_shows_only_its_elements_and_relations(retail: Model) -> None:
    graph = parse(to_dot(retail, CONTEXT_MAP))
    layouts = retail.layouts("view-context-map")
    shown = {i for i in layouts if i in retail.elements_by_id}
    drawn = {name for name in graph.nodes if not name.startswith("legend:")}
    assert drawn == shown
    relations = {i for i in graph.edges if not i.startswith("legend:") and "->" not in i}
    assert relations == {i for i in layouts if i in retail.relations_by_id}
    assert parse(to_dot(retail, "view-context-map")).nodes.keys() == graph.nodes.keys()  # by id too


def test_an_unknown_view_names_the_views(retail: Model) -> None:
    with pytest.raises(ModelError, match="no view named 'Nope': the views are 'Context map', 'Order to cash'"):
        to_dot(retail, "Nope")
    with pytest.raises(ModelError, match="LR or TB"):
        to_dot(retail, direction="RL")


def test_direction(retail: Model) -> None:
    assert parse(to_dot(retail, CONTEXT_MAP)).attributes["rankdir"] == "LR"
    assert parse(to_dot(retail, CONTEXT_MAP, direction="TB")).attributes["rankdir"] == "TB"


# -------------------------------------------------------------------------------- overlay


def test_the_overlay_outlines_violations_in_their_worst_severity(retail: Model) -> None:
    plain = to_dot(retail)
    assert "SF0" not in plain
    graph = parse(to_dot(retail, overlay=True))
    error, warning = SEVERITY_COLOURS[Severity.ERROR], SEVERITY_COLOURS[Severity.WARNING]
    catalog = graph.clusters["cluster_ctx-catalog"]  # SF001 (error) and SF005 (warning)
    assert catalog["color"] == error and "SF001" in catalog["label"] and "SF005" in catalog["label"]
    assert "SF001" in catalog["tooltip"]
    price = graph.nodes["fact-product-price"]
    assert price["color"] == error and "SF001" in price["xlabel"]
    prices = graph.edges["flow-pricing-ordering-prices"]  # SF011 only: a warning
    assert prices["color"] == warning and "SF011" in prices["label"] and "SF011" in prices["tooltip"]
    assert graph.nodes["svc-checkout"]["color"] == KIND_COLOURS[K.SERVICE].line  # not involved
    legend = graph.nodes["legend:lines"]["label"]
    assert "error (overlay)" in legend and "waived (overlay)" in legend


def test_a_waived_violation_is_outlined_in_grey(builder: Builder) -> None:
    builder.context("a")
    builder.context("b")
    builder.datastore("db")
    builder.uses("a", "db", "r_a")
    builder.uses("b", "db", "r_b")
    builder.decision("adr", status="accepted")
    shared = next(v for v in check_model(builder.model) if v.rule == "SF003")
    builder.waiver("w", "adr", "SF003", list(shared.elements), "For now")
    graph = parse(to_dot(builder.model, overlay=True))
    db = graph.nodes["db"]
    assert db["color"] == WAIVED_COLOUR
    assert "SF003 (waived)" in db["xlabel"] and "waived by adr" in db["tooltip"]


# ----------------------------------------------------------------- the real dot accepts it


@pytest.mark.parametrize("template", ["retail", "insurer"])
def test_dot_accepts_every_view_and_the_whole_model(template: str) -> None:
    model = build_template(template)
    for view in [None, *(v.name for v in model.views())]:
        for overlay in (False, True):
            assert accepted(to_dot(model, view, overlay=overlay)).startswith(b"<?xml")
    assert accepted(to_dot(model, direction="TB"))


@pytest.mark.parametrize("template", ["retail", "insurer"])
def test_the_svg_holds_every_element_of_the_view_by_name(template: str) -> None:
    model = build_template(template)
    for view in model.views():
        text = svg_text(render(to_dot(model, view.name), "svg"))
        for item_id in model.layouts(view.id):
            element = model.find_element(item_id)
            if element is not None and element.kind not in (K.NOTE, K.DECISION):
                assert " ".join(element.name.split()) in text, (view.name, element.name)


AWKWARD = st.text(
    alphabet=st.sampled_from(list(string.printable) + list('"<>&\\\'é漢字🙂\u200b\u00a0«»—')), max_size=40,
)
IDS = st.from_regex(r"\A[A-Za-z_][A-Za-z0-9_.\-]{0,12}\Z")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=st.lists(AWKWARD, min_size=6, max_size=6), ids=st.lists(IDS, min_size=6, max_size=6, unique=True))
def test_dot_accepts_awkward_names_and_ids(names: list[str], ids: list[str]) -> None:
    b = Builder()
    ctx, other, svc, fact, event, system = ids
    b.context(ctx, name=names[0], description=names[5])
    b.context(other, name=names[1])
    b.service(svc, name=names[2])
    b.contains(ctx, svc)
    b.fact(fact, name=names[3])
    b.event(event, name=names[4])
    b.system(system, name=names[5], legacy=True)
    b.owns(other, fact)
    b.flow(svc, other, style="event", event=event, name=names[1])
    b.flow(ctx, system, name=names[4])
    b.flow(other, ctx, style="query", name=names[0])
    svg = accepted(to_dot(b.model, overlay=True))
    root = ET.fromstring(svg)
    drawn_ids = {node.get("id") for node in root.iter()}
    assert {ctx, other, svc, fact, event, system} <= drawn_ids


def test_ids_that_are_dot_keywords_and_exact_names(builder: Builder) -> None:
    names = {"node": 'a "quoted" name', "graph": "<b>not bold</b> & co", "edge": "back\\slash\\",
             "subgraph": "two\nlines", "strict": "ünïcode ✓ 漢字", "legend": "&amp; is not &"}
    for element_id, name in names.items():
        builder.context(element_id, name=name)
    builder.service("svc", name="]; x [label=y")
    builder.contains("legend", "svc")
    builder.flow("node", "graph", style="query", name="a -> b")
    dot_text = to_dot(builder.model, overlay=True)
    graph = parse(dot_text)
    assert graph.members["cluster_legend"] == {"legend", "svc"}  # a context named like the legend keeps its own box
    text = svg_text(accepted(dot_text))
    for name in [*names.values(), "]; x [label=y"]:
        assert " ".join(name.split()) in text


def test_quote_escapes_what_dot_reads_specially() -> None:
    assert quote('say "hi"') == '"say \\"hi\\""'
    assert quote("ends with \\") == '"ends with \\\\"'
    assert quote("a\nb\x00") == '"a\\nb"'


# --------------------------------------------------------------------- rendering and engines


def test_png_and_pdf_are_real_files(retail: Model, tmp_path: Path) -> None:
    text = to_dot(retail, CONTEXT_MAP, overlay=True)
    png = render(text, "png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    pdf = render(text, "pdf")
    assert pdf.startswith(b"%PDF-")
    if shutil.which("pdfinfo"):
        (tmp_path / "map.pdf").write_bytes(pdf)
        info = subprocess.run(["pdfinfo", str(tmp_path / "map.pdf")], capture_output=True, text=True, check=True)
        assert re.search(r"^Pages:\s+1$", info.stdout, re.MULTILINE)
    with pytest.raises(ModelError, match="svg, png, pdf"):
        render(text, "gif")


def test_large_views_are_laid_out_flat_by_sfdp() -> None:
    model = generate(200, seed=3)
    view = add_view(model, 200)
    text = to_dot(model, view)
    assert 'layout="sfdp"' in text and "subgraph" not in text
    graph = parse(text)
    context = next(iter(model.elements(K.CONTEXT)))
    assert graph.nodes[context.id]["style"] == "rounded,filled,bold"  # a node of its own, not a cluster
    drawn = lay_out(text, "svg")
    assert drawn.engine == "sfdp" and drawn.seconds < 30
    assert 'layout="dot"' in to_dot(model, "view-domain-0")


def test_dot_past_its_budget_hands_over_to_sfdp(retail: Model) -> None:
    drawn = lay_out(to_dot(retail), "svg", budget=0.001, fallback=lambda: to_dot(retail, layout="sfdp"))
    assert drawn.engine == "sfdp" and drawn.data.startswith(b"<?xml")
    classes = {g.get("id"): g.get("class") for g in ET.fromstring(drawn.data).iter("{http://www.w3.org/2000/svg}g")}
    assert classes["ctx-ordering"] == "node context"  # the flat text: a context is a node sfdp draws


def test_a_layout_that_never_ends_is_a_clear_error(retail: Model) -> None:
    with pytest.raises(ModelError, match="took more than"):
        lay_out(to_dot(retail, layout="sfdp"), "svg", timeout=0.001)


def test_missing_graphviz_is_a_clear_error(retail: Model, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ModelError, match=r"Graphviz 'dot' is not installed: apt-get install graphviz"):
        render(to_dot(retail), "svg")


# -------------------------------------------------------------------------- command line


@pytest.fixture
def model_file(tmp_path: Path, retail: Model) -> Path:
    path = tmp_path / "retail.steelframe.json"
    save_model(retail, path)
    return path


def test_cli_exports_an_svg_of_a_view_with_the_overlay(
    model_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "out.svg"
    code = main(["export", str(model_file), "--to", "svg", "--view", CONTEXT_MAP, "--overlay", "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    text = svg_text(out.read_bytes())
    assert "Catalog" in text and "SF001" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.svg", "retail.steelframe.json"]  # no temporary left


def test_the_steelframe_script_exports_a_view(model_file: Path, tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("steelframe")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "app"]
    argv = ["export", str(model_file), "--to", "svg", "--view", CONTEXT_MAP, "--overlay", "-o", "out.svg"]
    done = subprocess.run([*command, *argv], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr
    assert "Check credit status" in svg_text((tmp_path / "out.svg").read_bytes())


@pytest.mark.parametrize(("fmt", "magic"), [("dot", b"digraph"), ("png", b"\x89PNG"), ("pdf", b"%PDF-")])
def test_cli_writes_each_format(model_file: Path, tmp_path: Path, fmt: str, magic: bytes) -> None:
    out = tmp_path / f"out.{fmt}"
    assert main(["export", str(model_file), "--to", fmt, "--direction", "TB", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(magic)


def test_an_export_keeps_the_mode_of_the_file_it_replaces(model_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.svg"
    out.write_text("old")
    out.chmod(0o640)
    assert main(["export", str(model_file), "--to", "svg", "-o", str(out)]) == 0
    assert out.stat().st_mode & 0o777 == 0o640 and out.read_bytes().startswith(b"<?xml")


def test_cli_unknown_view_is_one_line(model_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.svg"
    assert main(["export", str(model_file), "--to", "svg", "--view", "Nope", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no view named 'Nope'" in err and "'Context map'" in err
    assert not out.exists()


def test_cli_without_graphviz_names_the_fix(
    model_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    out = tmp_path / "out.png"
    assert main(["export", str(model_file), "--to", "png", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == "steelframe: Graphviz 'dot' is not installed: apt-get install graphviz\n"
    assert not out.exists()
    assert main(["export", str(model_file), "--to", "dot", "-o", str(tmp_path / "out.dot")]) == 0  # needs no dot


def test_the_benchmark_reports_engine_and_times() -> None:
    from bench.graphviz import report

    table = report(sizes=(12,), seed=1)
    assert re.search(r"^\s+12\s+\d+\s+[\d.]+ ms\s+dot\s+[\d.]+ s\s+-$", table, re.MULTILINE), table


def test_a_bracket_in_a_name_is_accepted_by_dot() -> None:
    """Found by Hypothesis: Graphviz 2.43 rejects a bare "]" inside an HTML-like label."""
    builder = Builder()
    builder.context("ctx", name="]")
    result = subprocess.run(["dot", "-Tsvg"], input=to_dot(builder.model).encode(), capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
