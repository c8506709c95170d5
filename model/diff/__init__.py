"""The semantic diff of two models: what changed, item by item and attribute by attribute.

Items are matched by their stable ids and described by kind and name; view boxes that only moved
are summarised; the rule engine runs on both sides to say which violations the change introduces
and which it resolves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from model.diff.violations import compare_violations
from model.engine import Violation, check_model
from model.gcpause import collector_paused
from model.merge.flat import Attributes, Flat, flatten, split
from model.store import Model

Change = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class AttributeChange:
    attribute: str
    old: Any
    new: Any


@dataclass(frozen=True)
class ItemChange:
    """An element, relation or waiver added, removed or changed (then ``attributes`` says how)."""

    change: Change
    id: str
    kind: str
    label: str
    attributes: tuple[AttributeChange, ...] = ()


@dataclass(frozen=True)
class ViewDiff:
    """A view added, removed or changed: its own attributes, boxes shown or hidden, boxes moved."""

    change: Change
    id: str
    name: str
    attributes: tuple[AttributeChange, ...] = ()
    boxes_added: tuple[str, ...] = ()
    boxes_removed: tuple[str, ...] = ()
    boxes_moved: tuple[str, ...] = ()
    routes_changed: int = 0


@dataclass(frozen=True)
class ModelDiff:
    elements: tuple[ItemChange, ...] = ()
    relations: tuple[ItemChange, ...] = ()
    views: tuple[ViewDiff, ...] = ()
    waivers: tuple[ItemChange, ...] = ()
    settings: tuple[AttributeChange, ...] = ()
    exchange_changed: bool = False
    new_violations: tuple[Violation, ...] = field(default=())
    resolved_violations: tuple[Violation, ...] = field(default=())

    @property
    def same(self) -> bool:
        """True when the two models mean the same (violations follow from the model, so they agree too)."""
        changes = (self.elements, self.relations, self.views, self.waivers, self.settings, self.exchange_changed)
        return not any(changes)


def diff_models(old: Model, new: Model, violations: bool = True) -> ModelDiff:
    """What changed from ``old`` to ``new``; ``violations=False`` skips running the engine."""
    with collector_paused():
        before, after = flatten(old), flatten(new)
    compared = compare_violations(check_model(old), check_model(new)) if violations else None
    return ModelDiff(
        elements=_items(before, after, "elements", old, new),
        relations=_items(before, after, "relations", old, new),
        views=_views(before["views"], after["views"], old, new),
        waivers=_items(before, after, "waivers", old, new),
        settings=_attributes(before["settings"]["settings"], after["settings"]["settings"]),
        exchange_changed=before["exchange"] != after["exchange"],
        new_violations=compared.new if compared else (),
        resolved_violations=compared.absent if compared else (),
    )


def label(model: Model, section: str, item: str) -> str:
    """An item in words: ``context Orders``, ``flow Orders → Billing``, ``waiver w-1``."""
    element = model.find_element(item)
    if element is not None:
        return f"{element.kind} {element.name or item}"
    relation = model.find_relation(item)
    if relation is not None:
        ends = [model.find_element(end) for end in (relation.source, relation.target)]
        names = [e.name or e.id if e is not None else "?" for e in ends]
        return f"{relation.kind} {names[0]} → {names[1]}"
    return f"{section.rstrip('s')} {item}"


def _attributes(old: Attributes, new: Attributes) -> tuple[AttributeChange, ...]:
    keys = dict.fromkeys([*old, *new])
    return tuple(AttributeChange(k, old.get(k), new.get(k)) for k in keys if old.get(k) != new.get(k))


def _items(before: Flat, after: Flat, section: str, old: Model, new: Model) -> tuple[ItemChange, ...]:
    was, now = before[section], after[section]
    found: list[ItemChange] = []
    for item in dict.fromkeys([*was, *now]):
        a, b = was.get(item), now.get(item)
        if a == b:
            continue
        kind = str((b or a or {}).get("kind", section.rstrip("s")))
        if a is None:
            found.append(ItemChange("added", item, kind, label(new, section, item)))
        elif b is None:
            found.append(ItemChange("removed", item, kind, label(old, section, item)))
        else:
            found.append(ItemChange("changed", item, kind, label(new, section, item), _attributes(a, b)))
    return tuple(sorted(found, key=lambda c: (c.change, c.kind, c.label, c.id)))


def _views(was: dict[str, Attributes], now: dict[str, Attributes], old: Model, new: Model) -> tuple[ViewDiff, ...]:
    found: list[ViewDiff] = []
    for view in dict.fromkeys([*was, *now]):
        a, b = was.get(view), now.get(view)
        if a == b:
            continue
        if a is None or b is None:
            change: Change = "added" if a is None else "removed"
            found.append(ViewDiff(change, view, str((b or a or {}).get("name", view))))
            continue
        found.append(_view_changes(view, a, b))
    return tuple(sorted(found, key=lambda v: (v.change, v.name, v.id)))


def _view_changes(view: str, a: Attributes, b: Attributes) -> ViewDiff:
    own: list[AttributeChange] = []
    added: list[str] = []
    removed: list[str] = []
    moved: list[str] = []
    routes = 0
    for key in dict.fromkeys([*a, *b]):
        before, after = a.get(key), b.get(key)
        if before == after:
            continue
        head, item = split(key)
        if not item:
            own.append(AttributeChange(key, before, after))
        elif head == "nodes":
            (added if before is None else removed if after is None else moved).append(item)
        else:
            routes += 1
    return ViewDiff(
        "changed", view, str(b["name"]), tuple(own), tuple(sorted(added)), tuple(sorted(removed)),
        tuple(sorted(moved)), routes,
    )
