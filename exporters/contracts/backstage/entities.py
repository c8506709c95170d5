"""The parts of Backstage's entity schemas the mapping relies on, checked by hand with the line.

An entity has ``apiVersion`` ``backstage.io/v1alpha1`` (or ``v1beta1``), a ``kind``, and
``metadata.name`` of at most 63 letters, digits and single ``-_.`` separators (the catalog's own
rule); references are ``[kind:][namespace/]name``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exporters.contracts.errors import refuse
from exporters.contracts.yamlfile import line_of

API_VERSIONS = ("backstage.io/v1alpha1", "backstage.io/v1beta1")
_NAME = re.compile(r"^([A-Za-z0-9]+[-_.])*[A-Za-z0-9]+$")
MARKER = "steelframe.dev/element"


@dataclass(frozen=True)
class Ref:
    kind: str
    namespace: str
    name: str


def is_entity(document: Any) -> bool:
    return isinstance(document, dict) and document.get("apiVersion") in API_VERSIONS


def check_entity(entity: Any, path: Path) -> None:
    line = line_of(entity)
    if not isinstance(entity, dict):
        refuse(path, line, "a catalog entity must be a mapping")
    if not isinstance(entity.get("kind"), str) or not entity["kind"]:
        refuse(path, line, "the entity has no kind")
    metadata = entity.get("metadata")
    if not isinstance(metadata, dict):
        refuse(path, line, f"the {entity['kind']} has no metadata")
    name = metadata.get("name")
    if not isinstance(name, str) or len(name) > 63 or not _NAME.match(name):
        refuse(path, line_of(metadata, line),
               f"metadata.name {name!r} is not a valid entity name (at most 63 letters, digits and -_.)")
    spec = entity.get("spec", {})
    if not isinstance(spec, dict):
        refuse(path, line, f"the spec of {name} must be a mapping")
    for field in ("providesApis", "consumesApis", "dependsOn", "dependencyOf"):
        value = spec.get(field, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            refuse(path, line_of(spec, line), f"spec.{field} of {name} must be a list of entity references")


def parse_ref(text: str, default_kind: str, namespace: str = "default") -> Ref:
    kind, _, rest = text.rpartition(":") if ":" in text else (default_kind, "", text)
    space, _, name = rest.rpartition("/") if "/" in rest else (namespace, "", rest)
    return Ref(kind.casefold() or default_kind, space.casefold(), name)


def annotation(entity: dict[str, Any], name: str) -> str | None:
    annotations = entity["metadata"].get("annotations")
    value = annotations.get(name) if isinstance(annotations, dict) else None
    return value if isinstance(value, str) and value else None
