"""One AsyncAPI document is one application; its operations are the ends of message flows.

Mapping: ``info.title`` names the application (``info.x-steelframe-element`` marks its element);
a channel's address is a topic; a message is an event, named by its ``name`` or else by the key it is
defined under, versioned by ``x-steelframe-schema-version``. In 3.x ``send`` and ``receive`` are
the application's own ends; in 2.x ``subscribe`` means the application sends and ``publish`` that
it receives (the 2.x operations describe what *others* may do). An operation with a ``reply`` is a
request/reply exchange: a command, or a query when ``x-steelframe-style: query`` says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from exporters.contracts.asyncapi import shape
from exporters.contracts.estate import Application, Endpoint, Estate, Message, Source
from exporters.contracts.pointer import Files, check_references, deref
from exporters.contracts.yamlfile import line_of

_INVERTED = {"subscribe": "send", "publish": "receive"}


def read_asyncapi(estate: Estate, files: Files, document: dict[str, Any], path: Path) -> None:
    """Add one application document to ``estate``; a bad document is refused with FILE:LINE."""
    major = shape.check_document(document, path)
    files.remember(path, document)
    check_references(files, document, path)
    info = document["info"]
    marker = info.get("x-steelframe-element")
    application = Application(
        name=info["title"].strip(), source=Source(str(path), line_of(info)),
        marker=marker if isinstance(marker, str) and marker else None, described={"asyncapi"},
    )
    key = estate.add_application(application)
    reader = _Reader(estate, files, path, key)
    if major == 3:
        reader.operations_3(document)
    else:
        reader.channels_2(document)


class _Reader:
    def __init__(self, estate: Estate, files: Files, path: Path, application: str) -> None:
        self.estate = estate
        self.files = files
        self.path = path
        self.application = application

    def operations_3(self, document: dict[str, Any]) -> None:
        for name, raw in document.get("operations", {}).items():
            shape.check_operation(str(name), raw, self.path, line_of(document["operations"]))
            operation, here, _ = deref(self.files, raw, self.path)
            line = line_of(operation)
            channel, _, channel_key = deref(self.files, operation["channel"], here)
            shape.mapping(channel, self.path, line, f"the channel of operation {name!r}")
            address = channel.get("address") or (channel_key or "").rsplit("/", 1)[-1] or str(name)
            refs = operation.get("messages")
            if refs is None:
                refs = list(channel.get("messages", {}).values())
            style = _style(operation)
            for ref in refs:
                message = self.message(ref, here, line, str(name))
                self.endpoint(operation["action"], address, message, line, reply="reply" in operation, style=style)

    def channels_2(self, document: dict[str, Any]) -> None:
        for address, raw in document.get("channels", {}).items():
            channel, here, _ = deref(self.files, raw, self.path)
            shape.mapping(channel, self.path, line_of(document["channels"]), f"channel {address!r}")
            for verb, action in _INVERTED.items():
                if verb not in channel:
                    continue
                operation, op_here, _ = deref(self.files, channel[verb], here)
                line = line_of(operation, line_of(channel))
                shape.mapping(operation, self.path, line, f"{address} {verb}")
                raw_message = operation.get("message")
                if raw_message is None:
                    continue
                resolved, message_here, _ = deref(self.files, raw_message, op_here)
                options = resolved.get("oneOf") if isinstance(resolved, dict) else None
                for option in options if isinstance(options, list) else [raw_message]:
                    fallback = str(operation.get("operationId") or address)
                    message = self.message(option, op_here if option is raw_message else message_here, line, fallback)
                    self.endpoint(action, str(address), message, line, reply=False, style=_style(operation))

    def message(self, raw: Any, here: Path, line: int, fallback: str) -> Message:
        """The message's event: named by ``name``, else its key, else ``fallback`` (the operation)."""
        value, _, pointer = deref(self.files, raw, here)
        shape.mapping(value, self.path, line, "a message")
        name = value.get("name")
        if not isinstance(name, str) or not name:
            name = (pointer.rsplit("/", 1)[-1] if pointer else "") or fallback
        message = Message(
            name=name, version=_text(value.get("x-steelframe-schema-version")),
            event_class=_text(value.get("x-steelframe-event-class")),
            compatibility=_text(value.get("x-steelframe-compatibility")),
        )
        self.estate.add_message(message)
        return message

    def endpoint(self, action: str, address: str, message: Message, line: int, *, reply: bool, style: str) -> None:
        source = Source(str(self.path), line)
        self.estate.channels.setdefault(address, source)
        self.estate.endpoints.append(
            Endpoint(self.application, action, address, message.name, source, reply, style if reply else "event")
        )


def _style(operation: dict[str, Any]) -> str:
    style = operation.get("x-steelframe-style")
    return style if style in ("query", "command") else "command"


def _text(value: Any) -> str | None:
    return None if value is None else str(value)

