"""Which automation produced a SARIF run: the pipeline identity Azure DevOps needs, or a stable category.

GitHub code scanning keeps one analysis per ``automationDetails.id`` category, so the default
names the model file. Advanced Security for Azure DevOps accepts a run only with its pipeline's
identity (``azuredevops/pipeline/build/...`` and four properties); inside Azure Pipelines the
predefined variables give it, the same way the SARIF SDK's own tools read them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

_ADO = "azuredevops/pipeline/build/"
_REQUIRED = (
    "SYSTEM_COLLECTIONURI", "SYSTEM_TEAMPROJECTID", "BUILD_DEFINITIONID", "BUILD_DEFINITIONNAME", "BUILD_BUILDID",
    "SYSTEM_PHASEID", "SYSTEM_PHASENAME", "BUILD_SOURCEBRANCH",
)


def automation_details(model_file: str, environment: Mapping[str, str]) -> dict[str, Any]:
    """The run's ``automationDetails``: the Azure pipeline's identity when run in one, else a category."""
    if environment.get("TF_BUILD", "").strip().lower() in ("true", "1"):
        pipeline = _azure_pipeline(environment)
        if pipeline is not None:
            return pipeline
    return {"id": f"steelframe/{model_file}/"}


def _organization(collection_uri: str) -> str:
    """``https://dev.azure.com/ORG/`` or ``https://ORG.visualstudio.com/`` -> ORG."""
    parts = urlsplit(collection_uri.strip())
    host = parts.hostname or ""
    if host.endswith(".visualstudio.com"):
        return host.removesuffix(".visualstudio.com").removesuffix(".vsrm")
    return parts.path.strip("/").split("/")[0]


def _azure_pipeline(environment: Mapping[str, str]) -> dict[str, Any] | None:
    values = {name: environment.get(name, "").strip() for name in _REQUIRED}
    organization = _organization(values["SYSTEM_COLLECTIONURI"])
    if not organization or not all(values.values()):
        return None
    identity = "/".join((
        organization, values["SYSTEM_TEAMPROJECTID"], values["BUILD_DEFINITIONID"], values["SYSTEM_PHASEID"],
        values["BUILD_SOURCEBRANCH"], values["BUILD_BUILDID"],
    ))
    return {
        "id": _ADO + identity,
        "properties": {
            _ADO + "buildDefinitionId": values["BUILD_DEFINITIONID"],
            _ADO + "buildDefinitionName": values["BUILD_DEFINITIONNAME"],
            _ADO + "phaseId": values["SYSTEM_PHASEID"],
            _ADO + "phaseName": values["SYSTEM_PHASENAME"],
        },
    }
