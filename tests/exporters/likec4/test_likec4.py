"""The LikeC4 exporter: the specification of our kinds, the model with services nested in their
contexts, one view per view (and index), awkward names and ids, determinism, an empty model and the
command line. `likec4 validate` reads the same exports in scripts/consumers/check_likec4.sh."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cli.main import main
from exporters.diagram.scope import scope_of
from exporters.likec4 import to_likec4
from exporters.likec4.specification import KINDS
from exporters.likec4.text import RESERVED, names, string
from model.fileformat import save_model
from model.palette import KIND_COLOURS
from model.store import Model
from model.templates import build_template
from model.vocabulary import FlowStyle, RelationKind
from tests.exporters.diagram.odd import ODD_NAMES, odd_model

NAME = r"[A-Za-z_][A-Za-z0-9_-]*"
STRING = r"'(?:[^'\\]|\\.)*'"
ELEMENT = re.compile(rf"^(?P<pad> +)(?P<name>{NAME}) = (?P<kind>[a-z]+) (?P<title>{STRING})")
RELATION = re.compile(rf"^  (?P<source>{NAME}(?:\.{NAME})?) -\[(?P<kind>[a-z-]+)\]-> (?P<target>{NAME}(?:\.{NAME})?) ")


def unquote(token: str) -> str:
    """A LikeC4 single-quoted string read back (backslash escapes the next character)."""
    return re.sub(r"\\(.)", r"\1", token[1:-1])


def elements(source: str) -> dict[str, tuple[str, str]]:
    """FQN -> (kind, title) of every element, nesting followed by indentation."""
    found: dict[str, tuple[str, str]] = {}
    parents: list[str] = []
    for line in source[source.index("\nmodel {"):source.index("\nviews {")].splitlines():
        if match := ELEMENT.match(line):
            depth = len(match["pad"]) // 2 - 1
            parents[depth:] = [match["name"]]
            found[".".join(parents)] = (match["kind"], unquote(match["title"]))
    return found


def views(source: str) -> dict[str, tuple[str, list[str]]]:
    """View name -> (title, the names it includes)."""
    found = {}
    for block in source[source.index("\nviews {"):].split("\n  view ")[1:]:
        name = block.split()[0]
        title = unquote(re.search(rf"title ({STRING})", block)[1])  # type: ignore[index]
        include = re.search(r"\n    include (.*)", block)
        found[name] = (title, include[1].split(", ") if include else [])
    return found


@pytest.fixture(scope="module")
def retail() -> str:
    return to_likec4(build_template("retail"))


def test_the_specification_declares_our_kinds_in_the_palette_colours(retail: str) -> None:
    specification = retail[:retail.index("\nmodel {")]
    for kind in KINDS:
        assert f"  element {kind} {{" in specification
        assert f"  color sf-{kind} {KIND_COLOURS[kind].line}" in specification
    for style in FlowStyle:
        assert f"  relationship {style} {{" in specification
    for relation in (RelationKind.OWNS, RelationKind.TEAM_OWNS, RelationKind.COVERS):
        assert f"  relationship {relation} {{" in specification
    assert "element decision" not in specification and "element note" not in specification


def test_services_sit_in_their_contexts_and_relations_name_them_in_full(retail: str) -> None:
    found = elements(retail)
    assert found["ctx-ordering"] == ("context", "Ordering")
    assert found["ctx-ordering.svc-checkout"] == ("service", "Checkout")
    relations = [m.groupdict() for line in retail.splitlines() if (m := RELATION.match(line))]
    assert {"source": "ctx-ordering.svc-checkout", "kind": "query", "target": "ctx-pricing"} in relations
    assert {"source": "ctx-ordering", "kind": "event", "target": "ctx-billing"} in relations
    assert all(r["source"] in found and r["target"] in found for r in relations)
    assert "  ctx-ordering -[event]-> ctx-billing 'OrderPlaced' {" in retail.splitlines()


def test_each_view_includes_what_it_shows_beside_the_index_of_everything(retail: str) -> None:
    model = build_template("retail")
    found = views(retail)
    assert list(found) == ["index", "view-context-map", "view-order-to-cash"]
    assert found["index"] == ("Retail estate: everything", ["*"])
    title, included = found["view-order-to-cash"]
    assert title == "Order to cash"
    shown = scope_of(model, "view-order-to-cash").elements
    assert {name.rsplit(".", 1)[-1] for name in included} == set(names(shown).values())


def test_one_view_only_when_asked(retail: str) -> None:
    assert list(views(to_likec4(build_template("retail"), "Order to cash"))) == ["index", "view-order-to-cash"]


def test_awkward_names_read_back_and_names_are_legal() -> None:
    source = to_likec4(odd_model())
    found = elements(source)
    leaf_names = [fqn.rsplit(".", 1)[-1] for fqn in found]
    assert len(set(leaf_names)) == len(leaf_names)
    assert all(re.fullmatch(r"_*[A-Za-z][A-Za-z0-9_-]*", n) and n not in RESERVED for n in leaf_names)
    titles = {title for _, title in found.values()}
    assert {" ".join(name.split()) for name in ODD_NAMES.values()} <= titles
    assert "a.b" in titles  # no name: the id stands in
    assert "// flow10: end.subgraph -[command]-> end joins an element and its own context" in source
    assert list(views(source)) == ["index", "index_2", "empty"]  # our view named index does not take LikeC4's


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_any_title_is_one_string_that_reads_back(text: str) -> None:
    token = string(text)
    assert re.fullmatch(STRING, token) and "\n" not in token
    assert unquote(token) == " ".join(re.sub("[\x00-\x08\x0b-\x1f\x7f]", " ", text).split())


def test_the_source_is_deterministic_and_an_empty_model_is_still_a_workspace() -> None:
    assert to_likec4(build_template("insurer")) == to_likec4(build_template("insurer"))
    empty = to_likec4(Model())
    assert "\nmodel {\n}\n" in empty and list(views(empty)) == ["index"]


def test_the_command_line_writes_the_source(tmp_path: Path) -> None:
    source = tmp_path / "insurer.steelframe.json"
    save_model(build_template("insurer"), source)
    assert main(["export", str(source), "--to", "likec4", "-o", str(tmp_path / "model.c4"), "--direction", "TB"]) == 0
    text = (tmp_path / "model.c4").read_text(encoding="utf-8")
    assert text == to_likec4(build_template("insurer"), direction="TB") and "autoLayout TopBottom" in text
