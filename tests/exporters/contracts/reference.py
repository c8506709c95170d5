"""Where the contract reference files are, and a skip when they are absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.paths import REFERENCE

CONTRACTS = REFERENCE / "contracts"
ASYNCAPI = CONTRACTS / "asyncapi"
SOCIAL = ASYNCAPI / "examples" / "social-media"
SOCIAL_2 = ASYNCAPI / "examples-2.x" / "social-media"
BACKSTAGE = CONTRACTS / "backstage" / "examples"
ASYNCAPI_SCHEMAS = ASYNCAPI / "schema"
BACKSTAGE_SCHEMAS = CONTRACTS / "backstage" / "schema"


def require_contracts() -> None:
    if not CONTRACTS.is_dir():
        pytest.skip(f"the contract reference files are absent ({CONTRACTS})")


def acme_catalog() -> list[str]:
    """The acme catalog: every entity file but the deliberately invalid one and the OpenAPI documents."""
    require_contracts()
    folders = [str(BACKSTAGE / name) for name in ("acme", "domains", "resources", "systems")]
    files = sorted(
        str(path) for path in [*(BACKSTAGE / "components").glob("*.yaml"), *(BACKSTAGE / "apis").glob("*.yaml")]
        if path.name != "invalid-component.yaml" and not path.name.endswith(".oas.yaml")
    )
    return folders + files


def social(version: int = 3) -> list[str]:
    require_contracts()
    return [str(SOCIAL if version == 3 else SOCIAL_2)]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
