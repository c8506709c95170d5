"""Python rules from an installed distribution's ``steelframe.rules`` entry points."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from model.engine import Engine, check_model, default_rules
from model.engine.plugins import PATH_VARIABLE, plugin_folders
from tests.builders import Builder
from tests.paths import REPO

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


def install_plugin(folder: Path) -> Path:
    """Install a distribution the way ``pip install --target folder`` lays it out: a module and its dist-info."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "acme_rules.py").write_text(PLUGIN)
    dist_info = folder / "acme_rules-1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-rules\nVersion: 1.0\n")
    (dist_info / "entry_points.txt").write_text(textwrap.dedent("""
        [steelframe.rules]
        acme = acme_rules:RULE
    """))
    return folder


@pytest.fixture
def installed_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(install_plugin(tmp_path)))


@pytest.fixture
def plugin_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No plugin folder of the user's own; ``sys.path`` restored after the test."""
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delenv(PATH_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delitem(sys.modules, "acme_rules", raising=False)


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


@pytest.mark.usefixtures("plugin_environment")
def test_a_plugin_installed_into_a_plugin_folder_joins_the_catalogue(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The desktop bundle has no pip: ``pip install --target FOLDER`` and the variable name the folder."""
    folder = install_plugin(tmp_path / "team rules")
    assert "ACME001" not in {rule.id for rule in default_rules()}
    monkeypatch.setenv(PATH_VARIABLE, os.pathsep.join([str(tmp_path / "elsewhere"), str(folder)]))
    assert plugin_folders() == [folder]
    assert "ACME001" in {rule.id for rule in default_rules()}
    assert sys.path[-1] == str(folder)  # after Steelframe's own packages, never before them


@pytest.mark.usefixtures("plugin_environment")
def test_the_users_own_plugin_folder_is_searched_without_a_variable(tmp_path: Path) -> None:
    install_plugin(tmp_path / "data" / "steelframe" / "plugins")
    assert "ACME001" in {rule.id for rule in default_rules()}


def test_a_plugin_folder_that_does_not_exist_is_named_in_a_warning(tmp_path: Path,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    missing = tmp_path / "no such folder"
    assert plugin_folders({PATH_VARIABLE: str(missing), "XDG_DATA_HOME": str(tmp_path)}) == []
    assert f"{PATH_VARIABLE} names {missing}, which is not a folder" in caplog.text


def test_the_rules_command_lists_a_plugin_from_the_plugin_path(tmp_path: Path) -> None:
    folder = install_plugin(tmp_path / "plugins")
    environment = {**os.environ, PATH_VARIABLE: str(folder), "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-m", "app", "rules"], check=False, capture_output=True, text=True,
                            env=environment, cwd=REPO, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "ACME001" in result.stdout and "plugin acme_rules:RULE" in result.stdout
