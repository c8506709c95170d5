"""The shape of a ``*.steelframe.json`` file, as pydantic models; what the JSON Schema is generated from."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from model.conflicts import Conflict
from model.elements import Element
from model.exchange import ExchangeArchive
from model.ids import Identifier
from model.relations import Relation
from model.settings import Settings, Waiver
from model.views import Bounds, Route

FORMAT_VERSION = 3


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

    format: int = Field(json_schema_extra={"const": FORMAT_VERSION})
    settings: Settings = Field(default_factory=Settings)
    elements: list[Element] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    views: list[ViewDocument] = Field(default_factory=list)
    waivers: list[Waiver] = Field(default_factory=list)
    exchange: ExchangeArchive | None = None
    conflicts: list[Conflict] = Field(default_factory=list)
