"""Resolving a recorded merge conflict: ours, theirs or an edited value, as one transaction."""

from __future__ import annotations

from typing import Any, Literal

from model.conflicts import Conflict
from model.elements import ELEMENT_CLASSES
from model.errors import ModelError
from model.exchange import ExchangeArchive
from model.merge.flat import split
from model.relations import RELATION_CLASSES
from model.settings import RuleSettings, Waiver
from model.store import Model
from model.views import Bounds, Route
from model.vocabulary import ElementKind, RelationKind

Choice = Literal["ours", "theirs", "edit"]


def resolve_conflict(model: Model, conflict_id: str, choice: Choice, value: Any = None) -> None:
    """Apply ``choice`` (``edit``: ``value``) and drop the conflict, in one "Resolve conflict" step."""
    conflict = model.find_conflict(conflict_id)
    if conflict is None:
        raise ModelError(f"no merge conflict with id {conflict_id!r}")
    with model.transaction("Resolve conflict"):
        if conflict.kind == "attribute":
            chosen = {"ours": conflict.ours, "theirs": conflict.theirs, "edit": value}[choice]
            set_value(model, conflict.section, conflict.item, conflict.attribute, chosen)
        elif conflict.kind == "deleted" and choice == conflict.deleted_by:
            _remove(model, conflict)
        elif conflict.kind == "contained" and choice == "theirs":
            _swap_container(model, conflict)
        model.remove_conflict(conflict_id)


def set_value(model: Model, section: str, item: str, attribute: str, value: Any) -> None:
    """Set one flat attribute (see ``model.merge.flat``) of an item, or the whole item when it is empty."""
    if section == "settings":
        _settings(model, attribute, value)
    elif section == "exchange":
        model.set_exchange(None if value is None else ExchangeArchive.model_validate(value))
    elif section == "views":
        for key, part in (value.items() if not attribute and isinstance(value, dict) else [(attribute, value)]):
            _view(model, item, key, part)
    elif attribute:
        _update(model, section, item, {attribute: _or_default(model, section, item, attribute, value)})
    else:
        _whole(model, section, item, value)


def _or_default(model: Model, section: str, item: str, attribute: str, value: Any) -> Any:
    """A flat value of None means "at its default" (the file leaves defaults out)."""
    if value is not None:
        return value
    current = model.find_element(item) or model.find_relation(item) if section != "waivers" else model.waiver(item)
    field = type(current).model_fields.get(attribute) if current is not None else None
    return field.get_default(call_default_factory=True) if field is not None else None


def _update(model: Model, section: str, item: str, changes: dict[str, Any]) -> None:
    if section == "elements":
        model.update_element(item, **changes)
    elif section == "relations":
        model.update_relation(item, **changes)
    else:
        model.update_waiver(item, **changes)


def _whole(model: Model, section: str, item: str, value: Any) -> None:
    present = model.is_known_id(item)
    if value is None:
        if present:
            _remove_item(model, section, item)
        return
    if present:
        _update(model, section, item, {k: v for k, v in value.items() if k not in ("id", "kind")})
    elif section == "elements":
        model.add_element(ELEMENT_CLASSES[ElementKind(value["kind"])].model_validate({**value, "id": item}))
    elif section == "relations":
        model.add_relation(RELATION_CLASSES[RelationKind(value["kind"])].model_validate({**value, "id": item}))
    else:
        model.add_waiver(Waiver.model_validate({**value, "id": item}))


def _view(model: Model, view_id: str, attribute: str, value: Any) -> None:
    head, item = split(attribute)
    if not item:
        model.update_view(view_id, **{attribute: value})
    elif item not in model:  # a resolved deletion took the item, and its place in views, away
        return
    elif value is None:
        if model.layout(view_id, item) is not None:
            model.unplace(view_id, item)
    elif head == "nodes":
        model.place(view_id, item, Bounds.model_validate(value))
    else:
        model.route(view_id, item, Route.model_validate(value))


def _settings(model: Model, attribute: str, value: Any) -> None:
    head, key = split(attribute)
    settings = model.settings
    if head == "rules" and key:
        rules = {k: v for k, v in settings.rules.items() if k != key}
        if value is not None:
            rules[key] = RuleSettings.model_validate(value)
        model.update_settings(rules=rules)
    elif head == "custom_rules" and key:
        kept = [rule.model_dump(mode="json") for rule in settings.custom_rules]
        index = next((i for i, rule in enumerate(kept) if rule["id"] == key), len(kept))
        replaced = kept[:index] + ([value] if value is not None else []) + kept[index + 1:]
        model.update_settings(custom_rules=replaced)
    else:
        default = type(settings).model_fields[attribute].get_default(call_default_factory=True)
        model.update_settings(**{attribute: default if value is None else value})


def _remove(model: Model, conflict: Conflict) -> None:
    if conflict.section == "exchange":
        model.set_exchange(None)
    elif model.is_known_id(conflict.item):
        _remove_item(model, conflict.section, conflict.item)


def _remove_item(model: Model, section: str, item: str) -> None:
    remove = {
        "elements": model.remove_element, "relations": model.remove_relation,
        "views": model.remove_view, "waivers": model.remove_waiver,
    }[section]
    remove(item)


def _swap_container(model: Model, conflict: Conflict) -> None:
    theirs = conflict.theirs if isinstance(conflict.theirs, dict) else {}
    if isinstance(conflict.ours, str) and model.find_relation(conflict.ours) is not None:
        model.remove_relation(conflict.ours)
    if theirs and theirs.get("id") not in model:
        model.add_relation(RELATION_CLASSES[RelationKind.CONTAINS].model_validate(theirs))


__all__ = ["Choice", "resolve_conflict", "set_value"]
