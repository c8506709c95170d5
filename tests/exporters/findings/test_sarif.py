"""SARIF for code scanning: what GitHub's and Azure DevOps' ingestion rules require of each run."""

from __future__ import annotations

import json
import tomllib
from typing import Any

import jsonschema
import pytest

from exporters.findings.rule_help import HOME, RULES_URI
from exporters.findings.sarif import sarif_report
from model.engine import Rule, check_model, default_rules
from model.engine.custom import compile_custom_rules
from model.fileformat import to_json
from model.store import Model
from model.templates import build_template
from model.vocabulary import Severity
from tests.paths import REFERENCE, REPO

SARIF_SCHEMA = REFERENCE / "sarif/sarif-schema-2.1.0.json"
AZURE = {
    "TF_BUILD": "True",
    "SYSTEM_COLLECTIONURI": "https://dev.azure.com/contoso/",
    "SYSTEM_TEAMPROJECTID": "11111111-1111-1111-1111-111111111111",
    "BUILD_DEFINITIONID": "42",
    "BUILD_DEFINITIONNAME": "Architecture",
    "BUILD_BUILDID": "7",
    "SYSTEM_PHASEID": "22222222-2222-2222-2222-222222222222",
    "SYSTEM_PHASENAME": "Check",
    "BUILD_SOURCEBRANCH": "refs/heads/main",
}


def report(model: Model, rules: list[Rule] | None = None, environment: dict[str, str] | None = None) -> Any:
    ran = rules if rules is not None else [*default_rules(), *compile_custom_rules(model.settings)]
    text = to_json(model)
    out = sarif_report(
        model, check_model(model), rules=ran, model_path="arch/shop.steelframe.json", text=text, version="1.2.3",
        environment=environment,
    )
    return json.loads(out)


@pytest.fixture(scope="module")
def retail() -> Model:
    return build_template("retail")


def test_it_is_valid_sarif(retail: Model) -> None:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"the SARIF 2.1.0 schema is not at {SARIF_SCHEMA}")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(report(retail))
    jsonschema.Draft4Validator(schema).validate(report(retail, environment=AZURE))


def test_every_rule_has_help_in_text_and_markdown(retail: Model) -> None:
    rules = report(retail)["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [rule.id for rule in default_rules()]
    for rule in rules:
        assert rule["helpUri"] == RULES_URI
        text, markdown = rule["help"]["text"], rule["help"]["markdown"]
        assert "Why:" in text and "How to fix:" in text and "**How to fix.**" in markdown
        assert "Follow the fix" not in text, f"{rule['id']} has no remedy of its own"


def test_help_names_parameters_and_where_a_rule_comes_from(retail: Model) -> None:
    rules = {rule["id"]: rule for rule in report(retail)["runs"][0]["tool"]["driver"]["rules"]}
    assert "max_depth = 3" in rules["SF005"]["help"]["text"]
    assert "`settings.rules.SF005.params`" in rules["SF005"]["help"]["markdown"]
    plugin = Rule("ACME1", "Names are long", Severity.INFO, ("context",), lambda *_: (), origin="acme")
    (entry,) = report(retail, rules=[plugin])["runs"][0]["tool"]["driver"]["rules"]
    assert "from the plugin acme" in entry["help"]["text"]
    assert "Follow the fix that each finding gives." in entry["help"]["text"]


def test_the_driver_names_the_tool_and_where_to_learn_about_it(retail: Model) -> None:
    driver = report(retail)["runs"][0]["tool"]["driver"]
    assert driver["fullName"] == "Steelframe 1.2.3"
    assert driver["informationUri"] == HOME
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["urls"]["Homepage"] == HOME


def test_a_run_outside_a_pipeline_is_categorised_by_its_model_file(retail: Model) -> None:
    automation = report(retail, environment={"TF_BUILD": "True"})["runs"][0]["automationDetails"]
    assert automation == {"id": "steelframe/arch/shop.steelframe.json/"}


def test_a_run_in_azure_pipelines_carries_the_pipeline_identity(retail: Model) -> None:
    automation = report(retail, environment=AZURE)["runs"][0]["automationDetails"]
    assert automation["id"] == (
        "azuredevops/pipeline/build/contoso/11111111-1111-1111-1111-111111111111/42/"
        "22222222-2222-2222-2222-222222222222/refs/heads/main/7"
    )
    assert automation["properties"] == {
        "azuredevops/pipeline/build/buildDefinitionId": "42",
        "azuredevops/pipeline/build/buildDefinitionName": "Architecture",
        "azuredevops/pipeline/build/phaseId": "22222222-2222-2222-2222-222222222222",
        "azuredevops/pipeline/build/phaseName": "Check",
    }
    old_host = report(retail, environment={**AZURE, "SYSTEM_COLLECTIONURI": "https://fabrikam.visualstudio.com/"})
    assert old_host["runs"][0]["automationDetails"]["id"].startswith("azuredevops/pipeline/build/fabrikam/")


def test_regions_span_the_whole_element(retail: Model) -> None:
    lines = to_json(retail).splitlines()
    for result in report(retail)["runs"][0]["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        first, last = lines[region["startLine"] - 1], lines[region["endLine"] - 1]
        assert first.strip() == "{" and last.strip() in ("}", "},")
        body = "\n".join(lines[region["startLine"] - 1 : region["endLine"]])
        named = result["locations"][0]["logicalLocations"]
        assert any(f'"id": "{item["fullyQualifiedName"]}"' in body for item in named)


def test_the_category_of_a_file_outside_the_working_directory_is_its_path(retail: Model) -> None:
    out = sarif_report(retail, [], rules=[], model_path="/srv/arch/shop.steelframe.json", text="{}", version="1")
    assert json.loads(out)["runs"][0]["automationDetails"] == {"id": "steelframe/srv/arch/shop.steelframe.json/"}
