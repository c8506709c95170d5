"""The Structurizr DSL exporter, held to the language reference's rules by tests/exporters/structurizr/
dsl_grammar.py (no Structurizr parser runs here): software systems, containers, groups per team,
relationships styled by interaction style, a view per view, the palette's styles, awkward names."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cli.main import main
from exporters.structurizr import to_structurizr
from exporters.structurizr.text import quoted
from model.fileformat import save_model
from model.palette import KIND_COLOURS
from model.store import Model
from model.templates import build_template
from model.vocabulary import ElementKind, RelationKind
from tests.builders import Builder
from tests.exporters.diagram.odd import ODD_NAMES, odd_model
from tests.exporters.structurizr.dsl_grammar import DslError, check, tokenize

EXAMPLE = """workspace "Name" "Description" {
    model {
        u = person "User"
    }
}"""


@pytest.fixture(scope="module")
def insurer() -> str:
    return to_structurizr(build_template("insurer"))


def test_the_checker_refuses_what_the_reference_forbids() -> None:
    good = """workspace "W" "" {
    model {
        a = softwareSystem "A" "" "Context" {
            x = container "X" "" "" "Service"
        }
        b = softwareSystem "B"
        x -> b "Reads" "query" "Flow"
    }
    views {
        systemLandscape "all" "" {
            include a b
            autoLayout lr
        }
    }
}"""
    assert check(good).relationships == [("x", "b", "Reads", "query", "Flow")]
    broken = {
        "a parent and its child": good.replace('x -> b "Reads"', 'x -> a "Reads"'),
        "already exists": good.replace('        b = softwareSystem "B"\n',
                                       '        b = softwareSystem "B"\n        x -> b "Reads"\n'),
        "not defined": good.replace("x -> b", "x -> c"),
        "not a software system": good.replace("include a b", "include a x"),
        "unterminated": good.replace('"Reads" "query" "Flow"', '"Reads\\"'),
        "defined twice": good.replace('b = softwareSystem "B"', 'A = softwareSystem "B"'),
        "cannot be defined here": good.replace('b = softwareSystem "B"', 'b = container "B"'),
        "substitution": good.replace('"Reads"', '"${HOME}"'),
    }
    for reason, dsl in broken.items():
        with pytest.raises(DslError, match=reason):
            check(dsl)
    with pytest.raises(DslError, match="person"):
        check(EXAMPLE)  # people are valid DSL, but the checker knows only what the exporter writes


def test_contexts_are_software_systems_with_their_services_as_containers(insurer: str) -> None:
    found = check(insurer)
    assert found.elements["ctx-policy-admin"] == ("softwareSystem", None)
    assert found.elements["svc-policy-service"] == ("container", "ctx-policy-admin")
    assert found.elements["acl-policy-platform"] == ("container", "ctx-policy-admin")
    assert found.elements["sys-legacy-policy-platform"] == ("softwareSystem", None)
    assert found.names["ctx-policy-admin"] == "Policy Administration"
    assert not {i for i in found.elements if i.startswith(("fact", "evt", "topic", "team"))}


def test_each_context_sits_in_the_group_of_its_team(insurer: str) -> None:
    groups = check(insurer).groups
    assert groups["Policy team"] == ["ctx-policy-admin", "acl-policy-platform", "svc-policy-service"]
    assert "ctx-party" not in {i for members in groups.values() for i in members}  # no team owns it (SF014)


def test_flows_carry_their_style_as_technology_and_tag(insurer: str) -> None:
    found = {(s, t): (d, tech, tags) for s, t, d, tech, tags in check(insurer).relationships}
    assert found[("ctx-policy-admin", "ctx-billing")] == ("PolicyIssued", "event, asynchronous", "Flow,Event")
    assert found[("svc-quote-engine", "ctx-party")] == ("Look up prospect", "undeclared", "Flow,Undeclared")
    assert found[("svc-premium-collection", "ctx-party")][1:] == ("query, synchronous", "Flow,Query")
    assert len(check(insurer).relationships) == len(build_template("insurer").relations(RelationKind.FLOW))


def test_views_and_the_palette_styles(insurer: str) -> None:
    found = check(insurer)
    assert list(found.views) == ["everything", "view-context-map", "view-policy-issuance"]
    assert found.views["view-policy-issuance"] == ["ctx-billing", "ctx-policy-admin", "ctx-quotation",
                                                    "sys-legacy-policy-platform"]
    assert {"element:Context", "element:Legacy", "relationship:Event", "relationship:Undeclared"} <= found.styled
    colours = KIND_COLOURS[ElementKind.CONTEXT]
    pad = " " * 16
    assert f'element "Context" {{\n{pad}shape RoundedBox\n{pad}background {colours.fill}' in insurer
    assert '"Context,Core,Legacy"' not in insurer and '"System,Legacy"' in insurer


def test_awkward_names_read_back_and_hard_flows_stay_valid() -> None:
    dsl = to_structurizr(odd_model())
    found = check(dsl)
    names = set(found.names.values())
    for name in ODD_NAMES.values():
        assert " ".join(name.replace("${", "$ {").split()) + (" " if name.endswith("\\") else "") in names
    descriptions = sorted(d for _, _, d, _, _ in found.relationships if d.startswith("Ask"))
    assert descriptions == ['Ask "why" [now]', 'Ask "why" [now] (2)']  # the DSL refuses two alike
    assert "// flow10: subgraph -> end" in dsl  # from a service to its own context: kept as a comment


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_one_token_the_parser_gives_back(text: str) -> None:
    token = quoted(text)
    assert tokenize(f"name {token} next") == ["name", tokenize(token)[0], "next"]
    assert tokenize(token)[0].rstrip(" ") == " ".join(text.split()).replace("${", "$ {")


def test_the_workspace_is_deterministic_and_an_empty_model_is_valid() -> None:
    assert to_structurizr(build_template("retail")) == to_structurizr(build_template("retail"))
    assert check(to_structurizr(Model())).views == {"everything": ["*"]}
    b = Builder()
    b.context("a")
    b.context("b")
    b.flow("a", "b", style="query", name="Same")
    b.flow("b", "a", style="query", name="Same")
    assert len(check(to_structurizr(b.model, direction="TB")).relationships) == 2


def test_the_command_line_writes_one_view_when_asked(tmp_path: Path) -> None:
    source = tmp_path / "retail.steelframe.json"
    save_model(build_template("retail"), source)
    output = tmp_path / "workspace.dsl"
    assert main(["export", str(source), "--to", "structurizr", "-o", str(output), "--view", "Order to cash"]) == 0
    assert list(check(output.read_text(encoding="utf-8")).views) == ["everything", "view-order-to-cash"]
