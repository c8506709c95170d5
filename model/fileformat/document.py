"""The shape of a ``*.steelframe.json`` file, as pydantic models; what the JSON Schema is generated from."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.json_schema import SkipJsonSchema

from model.conflicts import Conflict
from model.elements import Element
from model.exchange import ExchangeArchive
from model.ids import Identifier
from model.relations import Relation
from model.settings import Settings, Waiver
from model.views import Bounds, Route

FORMAT_VERSION = 3


def _no_default(schema: dict[str, Any]) -> None:
    """A null default would contradict the string type a strict validator checks it against."""
    schema.pop("default", None)


class ViewDocument(BaseModel):
    """A view as stored: its attributes and what it shows, element boxes and relation routes by id."""

    model_config = ConfigDict(extra="forbid")

    id: Identifier
    name: str
    documentation: str = ""
    nodes: dict[Identifier, Bounds] = Field(default_factory=dict)
    edges: dict[Identifier, Route] = Field(default_factory=dict)


class ModelDocument(BaseModel):
    """The whole file; its JSON Schema is what resources/steelframe.schema.json ships."""

    model_config = ConfigDict(extra="forbid", title="Steelframe model")

    #: Where an editor finds this schema for completion; kept as written and written back.
    schema_uri: str | SkipJsonSchema[None] = Field(
        default=None, alias="$schema", min_length=1, title="$schema", json_schema_extra=_no_default,
        description="The JSON Schema of the file, for editors (a URI or a path relative to the file).",
    )
    format: int = Field(json_schema_extra={"const": FORMAT_VERSION})
    settings: Settings = Field(default_factory=Settings)
    elements: list[Element] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    views: list[ViewDocument] = Field(default_factory=list)
    waivers: list[Waiver] = Field(default_factory=list)
    exchange: ExchangeArchive | None = None
    conflicts: list[Conflict] = Field(default_factory=list)

    @field_validator("schema_uri", mode="before")
    @classmethod
    def _schema_is_named(cls, value: object) -> object:
        """Left out means none; written, it must be a URI (JSON Schema's ``$schema`` is never null)."""
        if value is None:
            raise ValueError("expected the URI of a JSON Schema, got null")
        return value
