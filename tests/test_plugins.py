"""Python rules from an installed distribution's ``steelframe.rules`` entry points."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from model.engine import Engine, check_model, default_rules
from tests.builders import Builder

PLUGIN = '''
from model.engine import Finding, Rule
from model.vocabulary import Severity


def contexts_are_named(reader, subject, params):
    element = reader.element(subject)
    if element is not None and len(element.name) < params["min_length"]:
        yield Finding(f"{element.name!r} is too short a name", (subject,), "Give the context a real name.")


RULE = Rule("ACME001", "Context names are meaningful", Severity.INFO, ("context",), contexts_are_named,
            params={"min_length": 3})
'''


@pytest.fixture
def installed_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Install a distribution the way pip lays it out: a module plus its dist-info with entry points."""
    (tmp_path / "acme_rules.py").write_text(PLUGIN)
    dist_info = tmp_path / "acme_rules-1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-rules\nVersion: 1.0\n")
    (dist_info / "entry_points.txt").write_text(textwrap.dedent("""
        [steelframe.rules]
        acme = acme_rules:RULE
    """))
    monkeypatch.syspath_prepend(str(tmp_path))


@pytest.mark.usefixtures("installed_plugin")
def test_an_installed_plugin_rule_joins_the_catalogue(builder: Builder) -> None:
    rules = {rule.id: rule for rule in default_rules()}
    assert "ACME001" in rules
    assert rules["ACME001"].origin == "plugin acme_rules:RULE"
    builder.context("ab")
    builder.context("Ordering")
    assert [v.elements for v in check_model(builder.model) if v.rule == "ACME001"] == [("ab",)]


@pytest.mark.usefixtures("installed_plugin")
def test_plugin_rules_run_incrementally_and_take_parameters(builder: Builder) -> None:
    engine = Engine(builder.model)
    builder.context("ab")
    assert [v.rule for v in engine.violations() if v.rule == "ACME001"] == ["ACME001"]
    with builder.model.transaction("Rename"):
        builder.model.update_element("ab", name="Accounts")
    assert [v for v in engine.violations() if v.rule == "ACME001"] == []
    from model.settings import RuleSettings

    with builder.model.transaction("Stricter"):
        builder.model.update_settings(rules={"ACME001": RuleSettings(params={"min_length": 10})})
    assert [v.elements for v in engine.violations() if v.rule == "ACME001"] == [("ab",)]
    assert engine.violations() == check_model(builder.model)


def test_a_broken_plugin_is_skipped_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    dist_info = tmp_path / "broken_rules-1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-rules\nVersion: 1.0\n")
    (dist_info / "entry_points.txt").write_text("[steelframe.rules]\nbroken = no_such_module:RULE\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    ids = {rule.id for rule in default_rules()}
    assert "SF001" in ids
    assert "could not be loaded" in caplog.text
