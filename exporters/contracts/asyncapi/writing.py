"""The model as AsyncAPI 3.0 documents: one per context (or system) that sends or receives events.

Each event flow makes a ``send`` operation in its producer's document and a ``receive`` operation
in its consumer's, on the channel of its topic (addressed by the topic's name; a flow without a
topic travels on a channel named after its event), with its event as the message. What AsyncAPI
has no field for travels as ``x-steelframe-*`` extensions: the element (``info``), the schema
version, event class, compatibility and personal data of each message, and the facts the context
owns. Flows inside one context are left out. The AsyncAPI reader reads these documents back to
the same flows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from exporters.contracts.writing import boundary, write_folder, yaml_text
from exporters.registry import ExportOptions
from model.elements import ElementBase, Event
from model.errors import ModelError
from model.relations import Flow
from model.store import Model
from model.vocabulary import FlowStyle, RelationKind

VERSION = "3.0.0"


def _key(text: str) -> str:
    """A component or channel key (AsyncAPI allows letters, digits, ``.``, ``-`` and ``_``)."""
    return "".join(c if c.isalnum() or c in "._-" else "_" for c in text)


def _message(event: ElementBase) -> dict[str, Any]:
    message: dict[str, Any] = {"name": event.name or event.id}
    if event.description:
        message["summary"] = event.description
    if isinstance(event, Event):
        extensions = {
            "x-steelframe-element": event.id,
            "x-steelframe-schema-version": event.schema_version,
            "x-steelframe-event-class": str(event.event_class),
            "x-steelframe-compatibility": str(event.compatibility) if event.compatibility else None,
            "x-steelframe-personal-data": event.personal_data or None,
        }
        message |= {k: v for k, v in extensions.items() if v is not None}
    message["payload"] = {"type": "object"}
    return message


class _Document:
    def __init__(self, model: Model, element: ElementBase) -> None:
        self.model = model
        self.element = element
        self.channels: dict[str, dict[str, Any]] = {}
        self.operations: dict[str, dict[str, Any]] = {}
        self.messages: dict[str, dict[str, Any]] = {}

    def add(self, action: str, flow: Flow) -> None:
        topic = self.model.find_element(flow.topic) if flow.topic else None
        event = self.model.find_element(flow.event) if flow.event else None
        if topic is None and event is None:
            return
        carrier = topic or event
        assert carrier is not None
        channel_key = _key(carrier.id)
        channel = self.channels.setdefault(channel_key, {"address": carrier.name or carrier.id, "messages": {}})
        operation: dict[str, Any] = {"action": action, "channel": {"$ref": f"#/channels/{channel_key}"}}
        name = f"{action}-{channel_key}"
        if event is not None:
            message_key = _key(event.id)
            self.messages[message_key] = _message(event)
            channel["messages"][message_key] = {"$ref": f"#/components/messages/{message_key}"}
            operation["messages"] = [{"$ref": f"#/channels/{channel_key}/messages/{message_key}"}]
            name += f"-{message_key}"
        self.operations.setdefault(name, operation)

    def document(self) -> dict[str, Any]:
        info: dict[str, Any] = {"title": self.element.name or self.element.id, "version": "1.0.0"}
        if self.element.description:
            info["description"] = self.element.description
        info["x-steelframe-element"] = self.element.id
        owned = sorted(self.model.element(r.target).name or r.target
                       for r in self.model.outgoing(self.element.id, RelationKind.OWNS))
        if owned:
            info["x-steelframe-owns"] = owned
        document: dict[str, Any] = {"asyncapi": VERSION, "info": info, "channels": self.channels,
                                    "operations": dict(sorted(self.operations.items()))}
        if self.messages:
            document["components"] = {"messages": self.messages}
        return document


def asyncapi_documents(model: Model) -> dict[str, dict[str, Any]]:
    """File name -> document, for every boundary that sends or receives events."""
    documents: dict[str, _Document] = {}
    for flow in model.relations(RelationKind.FLOW):
        if not isinstance(flow, Flow) or flow.style is not FlowStyle.EVENT:
            continue
        if boundary(model, flow.source) == boundary(model, flow.target):
            continue  # inside one context: a document describes a context from outside
        for action, end in (("send", flow.source), ("receive", flow.target)):
            owner = boundary(model, end)
            if owner not in documents:
                documents[owner] = _Document(model, model.element(owner))
            documents[owner].add(action, flow)
    return {f"{_key(owner)}.asyncapi.yaml": doc.document() for owner, doc in sorted(documents.items())
            if doc.operations}


def export(model: Model, output: Path, options: ExportOptions) -> None:
    """``steelframe export --to asyncapi -o FOLDER``."""
    if options.view is not None:
        raise ModelError("--view applies to diagram formats; the AsyncAPI export covers the whole model")
    documents = asyncapi_documents(model)
    write_folder(output, {name: yaml_text([document]) for name, document in documents.items()})
