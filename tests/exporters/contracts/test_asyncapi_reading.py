"""The official AsyncAPI examples read into the estate their readme describes."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporters.contracts import ContractError, read_contracts
from exporters.contracts.bootstrap import build_model
from model.relations import Flow
from model.vocabulary import ElementKind, FlowStyle, RelationKind
from tests.exporters.contracts.reference import ASYNCAPI, require_contracts, social, write

#: The readme's figure: who sends what on which channel to whom.
SOCIAL_FLOWS = {
    ("Website WebSocket Client", "Website Backend", "like/comment", "likeComment"),
    ("Website Backend", "Website WebSocket Client", "update/comment/likes", "updateCommentLikes"),
    ("Website Backend", "Comments Service", "comment/liked", "commentLiked"),
    ("Website Backend", "Notifications Service", "comment/liked", "commentLiked"),
    ("Website Backend", "Public API", "comment/liked", "commentLiked"),
    ("Comments Service", "Website Backend", "comment/{commentId}/changed", "commentChanged"),
}


@pytest.mark.parametrize("version", [3, 2])
def test_social_media_is_five_applications_and_their_flows(version: int) -> None:
    estate = read_contracts(social(version))
    names = {a.name for a in estate.applications.values()}
    assert names == {"Website WebSocket Client", "Website Backend", "Comments Service", "Notifications Service",
                     "Public API"}
    assert set(estate.channels) == {"like/comment", "update/comment/likes", "comment/liked",
                                    "comment/{commentId}/changed"}
    by_key = {key: a.name for key, a in estate.applications.items()}
    flows = {(by_key[f.source], by_key[f.target], f.channel, f.message) for f in estate.flows()}
    assert flows == SOCIAL_FLOWS
    assert all(f.style == "event" for f in estate.flows())
    assert estate.open_endpoints() == []


def test_social_media_imports_as_a_model_of_the_estate() -> None:
    model = build_model(read_contracts(social()), "social")
    assert len(model.elements(ElementKind.CONTEXT)) == 5
    assert {t.name for t in model.elements(ElementKind.TOPIC)} == {
        "like/comment", "update/comment/likes", "comment/liked", "comment/{commentId}/changed"}
    names = {e.id: e.name for e in model.elements()}
    flows = {
        (names[f.source], names[f.target], names[f.topic or ""], names[f.event or ""])
        for f in model.relations(RelationKind.FLOW) if isinstance(f, Flow) and f.style is FlowStyle.EVENT
    }
    assert flows == SOCIAL_FLOWS
    publishers = {(names[r.source], names[r.target]) for r in model.relations(RelationKind.PUBLISHES)}
    assert ("Comments Service", "commentChanged") in publishers
    view = model.views()[0]
    placed = model.layouts(view.id)
    assert all(e.id in placed for e in model.elements() if e.kind is not ElementKind.EVENT)
    assert all(r.id in placed for r in model.relations(RelationKind.FLOW))


def test_every_single_file_example_reads_or_is_refused_with_its_line() -> None:
    """Each official 3.x example is one application; one refers to a schema over https and is refused."""
    require_contracts()
    refused = []
    for path in sorted((ASYNCAPI / "examples").glob("*.yml")):
        try:
            estate = read_contracts([str(path)])
        except ContractError as error:
            refused.append((path.name, str(error)))
            continue
        assert len(estate.applications) == 1
        assert estate.endpoints, path.name
    assert [name for name, _ in refused] == ["adeo-kafka-request-reply-asyncapi.yml"]
    assert "never fetches" in refused[0][1] and ".yml:204:" in refused[0][1]


REQUESTER = """asyncapi: 3.0.0
info: {title: Checkout, version: 1.0.0}
channels:
  prices: {address: price/requests, messages: {getPrice: {name: GetPrice}}}
  answers: {address: price/answers, messages: {price: {name: Price}}}
operations:
  askPrice:
    action: send
    x-steelframe-style: query
    channel: {$ref: '#/channels/prices'}
    reply: {channel: {$ref: '#/channels/answers'}}
"""
RESPONDER = """asyncapi: 3.0.0
info: {title: Pricing, version: 1.0.0}
channels:
  prices: {address: price/requests, messages: {getPrice: {name: GetPrice}}}
operations:
  answerPrice:
    action: receive
    channel: {$ref: '#/channels/prices'}
    reply: {}
"""


def test_request_reply_is_a_query_or_command_from_requester_to_responder(tmp_path: Path) -> None:
    write(tmp_path, "checkout.yaml", REQUESTER)
    write(tmp_path, "pricing.yaml", RESPONDER)
    estate = read_contracts([str(tmp_path)])
    assert [(f.source, f.target, f.style, f.message) for f in estate.flows()] == [
        ("checkout", "pricing", "query", "GetPrice")]
    model = build_model(estate, "prices")
    flow = next(f for f in model.relations(RelationKind.FLOW) if isinstance(f, Flow))
    assert flow.style is FlowStyle.QUERY and flow.event is None
    assert model.elements(ElementKind.EVENT) == [], "a request is not an event"


def test_kraken_reply_operations_are_read_as_request_reply() -> None:
    require_contracts()
    kraken = ASYNCAPI / "examples" / "kraken-websocket-request-reply-multiple-channels-asyncapi.yml"
    estate = read_contracts([str(kraken)])
    assert any(e.reply and e.style == "command" for e in estate.endpoints)


def test_streetlights_2x_reads_subscribe_as_send() -> None:
    require_contracts()
    estate = read_contracts([str(ASYNCAPI / "examples-2.x" / "streetlights-kafka.yml")])
    actions = {(e.action, e.message) for e in estate.endpoints}
    assert ("receive", "lightMeasured") in actions  # publish: others publish to the application
    assert ("send", "turnOnOff") in actions  # subscribe: others subscribe to what it sends
