"""Which model element each thing of the contracts is.

An application is matched by its explicit marker first (``x-steelframe-element`` in AsyncAPI
``info``, the ``steelframe.dev/element`` annotation in Backstage), then by name with case, spaces,
dashes and underscores ignored. A marker naming no element, a name no element has, and a name
several elements share all leave the application unmatched, with the reason: nothing is guessed.
Teams, topics, events and datastores are matched by name the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from exporters.contracts.estate import Application, Estate, normalise
from model.elements import PARTICIPANT_KINDS, ElementBase
from model.store import Model
from model.vocabulary import ElementKind


@dataclass
class Match:
    applications: dict[str, str] = field(default_factory=dict)  # application key -> element id
    unmatched: dict[str, str] = field(default_factory=dict)  # application key -> why
    teams: dict[str, str] = field(default_factory=dict)  # normalised team name -> team id
    topics: dict[str, str] = field(default_factory=dict)  # channel address -> topic id
    events: dict[str, str] = field(default_factory=dict)  # message name -> event id
    stores: dict[str, str] = field(default_factory=dict)  # store name -> datastore id


def _by_name(elements: Iterable[ElementBase]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = defaultdict(list)
    for element in elements:
        index[normalise(element.name or element.id)].append(element.id)
    return index


def _unique(index: dict[str, list[str]], names: Iterable[str]) -> dict[str, str]:
    return {name: index[normalise(name)][0] for name in names if len(index.get(normalise(name), [])) == 1}


def match_estate(model: Model, estate: Estate) -> Match:
    match = Match()
    by_kind: dict[ElementKind, list[ElementBase]] = defaultdict(list)
    for element in model.elements():
        by_kind[element.kind].append(element)
    participants = _by_name(e for kind in PARTICIPANT_KINDS for e in by_kind[kind])
    for key, application in estate.applications.items():
        found, why = _application(model, participants, application)
        if found:
            match.applications[key] = found
        else:
            match.unmatched[key] = why
    teams = _unique(_by_name(by_kind[ElementKind.TEAM]), estate.teams.values())
    match.teams = {normalise(name): team for name, team in teams.items()}
    match.topics = _unique(_by_name(by_kind[ElementKind.TOPIC]), estate.channels)
    match.events = _unique(_by_name(by_kind[ElementKind.EVENT]), estate.messages)
    match.stores = _unique(_by_name(by_kind[ElementKind.DATASTORE]), estate.stores)
    return match


def _application(model: Model, index: dict[str, list[str]], application: Application) -> tuple[str | None, str]:
    if application.marker:
        element = model.find_element(application.marker)
        if element is not None and element.kind in PARTICIPANT_KINDS:
            return element.id, ""
        return None, f"its marker names {application.marker}, which is not a context, service, system or acl here"
    candidates = index.get(normalise(application.name), [])
    if len(candidates) == 1:
        return candidates[0], ""
    if candidates:
        named = ", ".join(sorted(candidates))
        return None, f"{len(candidates)} elements of the model are named {application.name} ({named})"
    return None, f"no context, service, system or acl of the model is named {application.name}"
