"""What an ArchiMate exchange import keeps that Steelframe itself does not model.

Foreign elements and relationships, organizations (folders), property definitions, metadata and
the original diagrams are kept as the XML fragments they were read from, so that an export writes
them back unchanged. For items that did get a Steelframe meaning, the original fragment keeps what
Steelframe shows only in part: names in other languages, documentation, foreign properties and the
original relationship type.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from model.ids import Identifier


class ExchangeArchive(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: The exchange file's <model identifier="...">.
    model_identifier: Identifier | None = None
    #: Raw XML of the model's own <name>, <documentation> and <properties> children, in order.
    header: list[str] = Field(default_factory=list)
    #: Raw XML of <metadata>, if the file had one.
    metadata: str | None = None
    #: propertyDefinition identifier -> raw XML of the <propertyDefinition>.
    property_definitions: dict[Identifier, str] = Field(default_factory=dict)
    #: Elements with no Steelframe meaning: identifier -> raw XML of the <element>.
    elements: dict[Identifier, str] = Field(default_factory=dict)
    #: Relationships with no Steelframe meaning: identifier -> raw XML of the <relationship>.
    relationships: dict[Identifier, str] = Field(default_factory=dict)
    #: Items that became Steelframe elements or relations: identifier -> their original raw XML.
    originals: dict[Identifier, str] = Field(default_factory=dict)
    #: Raw XML of <organizations>, if the file had one.
    organizations: str | None = None
    #: Steelframe view id -> raw XML of the original diagram <view> it was read from.
    diagrams: dict[Identifier, str] = Field(default_factory=dict)
    #: Raw XML of <viewpoints> (a views/viewpoints block some tools write), if any.
    viewpoints: str | None = None
    #: Steelframe view id -> a short hash of the layout (and name) the import gave the view, for each diagram the
    #: export may write back as it is while the view still has that layout; the export computes the same hash.
    diagram_layouts: dict[Identifier, str] = Field(default_factory=dict)
