"""Backstage's example catalog (ACME Corp) reads into teams, contexts, services, flows and a datastore."""

from __future__ import annotations

import pytest

from exporters.contracts import ContractError, read_contracts
from exporters.contracts.bootstrap import build_model
from model.relations import Flow
from model.vocabulary import ElementKind, FlowStyle, RelationKind
from tests.exporters.contracts.reference import BACKSTAGE, acme_catalog, require_contracts


def test_acme_groups_components_apis_and_resources() -> None:
    estate = read_contracts(acme_catalog())
    assert {"acme-corp", "infrastructure", "backstage", "boxoffice", "team-a", "team-b", "team-c", "team-d",
            "team-e"} <= set(estate.teams.values())
    assert estate.systems == {"artist-engagement-portal": "artists", "audio-playback": "playback",
                              "podcast": "playback"}
    applications = {a.name: a for a in estate.applications.values()}
    assert applications["artist-lookup"].system == "artist-engagement-portal"
    assert applications["wayback-search"].owner == "team-a"
    assert applications["shuffle-api"].domain == "playback"
    assert applications["wayback-archive-storage"].parent == "waybackarchive"
    calls = {(c.consumer, c.provider, c.api, c.style) for c in estate.calls}
    assert ("waybacksearch", "waybackarchive", "wayback-archive", "query") in calls
    assert estate.stores["artists-db"].users == ["artistlookup"]


def test_acme_imports_as_a_model() -> None:
    model = build_model(read_contracts(acme_catalog()), "acme")
    names = {e.id: e.name for e in model.elements()}
    contexts = {names[c.id] for c in model.elements(ElementKind.CONTEXT)}
    assert {"artist-lookup", "www-artist", "podcast-api", "wayback-search", "wayback-archive"} <= contexts
    contains = {(names[r.source], names[r.target]) for r in model.relations(RelationKind.CONTAINS)}
    assert contains == {
        ("wayback-archive", "wayback-archive-ingestion"), ("wayback-archive", "wayback-archive-storage")}
    owners = {(names[r.source], names[r.target]) for r in model.relations(RelationKind.TEAM_OWNS)}
    assert ("team-c", "playback-sdk") in owners and ("team-a", "wayback-search") in owners
    flows = [f for f in model.relations(RelationKind.FLOW) if isinstance(f, Flow)]
    assert [(names[f.source], names[f.target], f.style) for f in flows] == [
        ("wayback-search", "wayback-archive", FlowStyle.QUERY)]
    uses = {(names[r.source], names[r.target]) for r in model.relations(RelationKind.USES)}
    assert uses == {("artist-lookup", "artists-db")}
    assert model.element("ctx-podcast-api").tags == ["domain:playback", "system:podcast"]


def test_the_deliberately_invalid_component_is_refused_with_its_line() -> None:
    require_contracts()
    path = BACKSTAGE / "components" / "invalid-component.yaml"
    with pytest.raises(ContractError, match=r"invalid-component\.yaml:4: metadata\.name 'invalid component'"):
        read_contracts([str(path)])


def test_a_folder_passes_over_files_that_are_no_contracts() -> None:
    """apis/ holds two OpenAPI documents beside the API entities: walked, they are skipped."""
    require_contracts()
    estate = read_contracts([str(BACKSTAGE / "apis")])
    assert estate.applications == {} and estate.calls == []
