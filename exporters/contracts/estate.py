"""The running estate as its contracts describe it, in neutral terms every reader fills.

An *application* is one AsyncAPI document or one Backstage Component or System; its ``key`` is
its explicit marker when it has one, else its normalised name, so the AsyncAPI document and the
catalog Component of one service become one application (a context, or a service of the one it is
part of). Endpoints say who sends or receives which
message on which channel; calls are synchronous uses of a provided API.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

_IGNORED = re.compile(r"[\s\-_]+")


def normalise(name: str) -> str:
    """The name as matching compares it: case, spaces, dashes and underscores ignored."""
    return _IGNORED.sub("", name).casefold()


@dataclass(frozen=True)
class Source:
    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class Application:
    name: str
    source: Source
    marker: str | None = None  # x-steelframe-element / steelframe.dev/element
    owner: str | None = None  # a team name (Backstage spec.owner without its kind)
    system: str | None = None  # the Backstage System that groups it
    domain: str | None = None  # the Domain of that System
    parent: str | None = None  # the key of the application it is part of (subcomponentOf): a service
    described: set[str] = field(default_factory=set)  # "asyncapi", "backstage": who describes it

    @property
    def key(self) -> str:
        return f"element:{self.marker}" if self.marker else normalise(self.name)


@dataclass(frozen=True)
class Message:
    name: str
    version: str | None = None
    event_class: str | None = None
    compatibility: str | None = None


@dataclass(frozen=True)
class Endpoint:
    """One application's end of a message exchange on a channel (AsyncAPI operation)."""

    application: str  # Application.key
    action: str  # send | receive
    channel: str  # the channel's address: the topic
    message: str  # Message.name
    source: Source
    reply: bool = False  # part of a request/reply exchange
    style: str = "event"  # event for one-way messages; command or query for request/reply


@dataclass(frozen=True)
class Call:
    """A synchronous use of an API: the consumer calls the provider (Backstage providesApis/consumesApis)."""

    consumer: str
    provider: str
    api: str
    style: str  # query | command | event (an asyncapi API: the provider publishes)
    source: Source


@dataclass
class Store:
    name: str
    source: Source
    usage: str = "operational"
    users: list[str] = field(default_factory=list)  # Application keys


@dataclass(frozen=True)
class MessageFlow:
    """A flow the contracts imply: the sender and the receiver of one message on one channel."""

    source: str
    target: str
    channel: str
    message: str
    style: str
    origin: Source


@dataclass
class Estate:
    applications: dict[str, Application] = field(default_factory=dict)
    teams: dict[str, str] = field(default_factory=dict)  # normalised name -> name
    systems: dict[str, str | None] = field(default_factory=dict)  # Backstage System -> its Domain
    messages: dict[str, Message] = field(default_factory=dict)
    channels: dict[str, Source] = field(default_factory=dict)
    endpoints: list[Endpoint] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    stores: dict[str, Store] = field(default_factory=dict)

    def add_application(self, application: Application) -> str:
        """Add or merge an application (a document and a catalog entry of one service become one)."""
        known = self.applications.get(application.key)
        if known is None:
            self.applications[application.key] = application
            return application.key
        known.owner = known.owner or application.owner
        known.system = known.system or application.system
        known.domain = known.domain or application.domain
        known.parent = known.parent or application.parent
        known.described |= application.described
        return application.key

    def add_team(self, name: str) -> None:
        self.teams.setdefault(normalise(name), name)

    def add_message(self, message: Message) -> None:
        known = self.messages.get(message.name)
        if known is None or (known.version is None and message.version is not None):
            self.messages[message.name] = message

    def flows(self) -> list[MessageFlow]:
        """Each sender to each receiver of the same message on the same channel, then the calls."""
        senders: dict[tuple[str, str, bool], list[Endpoint]] = defaultdict(list)
        for endpoint in self.endpoints:
            if endpoint.action == "send":
                senders[(endpoint.channel, endpoint.message, endpoint.reply)].append(endpoint)
        found: dict[tuple[str, str, str, str], MessageFlow] = {}
        for receiver in self.endpoints:
            if receiver.action != "receive":
                continue
            for sender in senders.get((receiver.channel, receiver.message, receiver.reply), []):
                if sender.application != receiver.application:
                    key = (sender.application, receiver.application, receiver.channel, receiver.message)
                    style = sender.style if sender.reply else "event"
                    found.setdefault(key, MessageFlow(*key, style, sender.source))
        flows = sorted(found.values(), key=lambda f: (f.source, f.target, f.channel, f.message))
        for call in sorted(self.calls, key=lambda c: (c.consumer, c.provider, c.api)):
            if call.style == "event":
                flows.append(MessageFlow(call.provider, call.consumer, call.api, "", "event", call.source))
            else:
                flows.append(MessageFlow(call.consumer, call.provider, "", call.api, call.style, call.source))
        return flows

    def open_endpoints(self) -> list[Endpoint]:
        """Endpoints no other application answers: a send nobody receives, a receive nobody sends."""
        ends = {(e.action, e.channel, e.message, e.reply) for e in self.endpoints}
        other = {"send": "receive", "receive": "send"}
        return [e for e in self.endpoints if (other[e.action], e.channel, e.message, e.reply) not in ends]
