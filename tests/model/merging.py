"""Shared helpers of the diff and merge tests: copies of a model and random edits applied to them."""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import strategies as st

from model.elements import Context
from model.fileformat import from_json, to_json
from model.relations import Flow
from model.store import Model
from model.views import Bounds
from model.vocabulary import DomainClass, ElementKind, FlowStyle, Lifecycle


def copy(model: Model) -> Model:
    return from_json(to_json(model))


@dataclass
class Applied:
    """What a run of edits did, by id: what the diff must report."""

    added: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    changed: set[str] = field(default_factory=set)
    views: set[str] = field(default_factory=set)


def edit(model: Model, data: st.DataObject, count: int, tag: str, applied: Applied | None = None) -> Applied:
    """Apply ``count`` random edits (rename, attribute, add, delete, connect, move) to ``model``."""
    applied = applied or Applied()
    for number in range(count):
        action = data.draw(st.sampled_from(["rename", "domain", "add", "delete", "flow", "move", "unflow"]))
        contexts = sorted(e.id for e in model.elements(ElementKind.CONTEXT))
        with model.transaction(action):
            if action == "add" or not contexts:
                new_id = f"{tag}_ctx_{number}"
                model.add_element(Context(id=new_id, name=new_id))
                applied.added.add(new_id)
                continue
            target = data.draw(st.sampled_from(contexts))
            if action == "rename":
                model.update_element(target, name=data.draw(st.sampled_from(["Alpha", "Beta", "Gamma", tag])))
            elif action == "domain":
                model.update_element(target, domain=data.draw(st.sampled_from(list(DomainClass))),
                                     lifecycle=data.draw(st.sampled_from(list(Lifecycle))))
            elif action == "delete":
                gone = [r.id for r in model.incident(target)]
                applied.changed.update(model.referrers(target))
                model.remove_element(target)
                applied.removed.update({target, *gone})
            elif action == "flow":
                other = data.draw(st.sampled_from(contexts))
                if other != target:
                    flow = Flow(id=f"{tag}_flow_{number}", source=target, target=other, style=FlowStyle.EVENT)
                    model.add_relation(flow)
                    applied.added.add(f"{tag}_flow_{number}")
            elif action == "unflow":
                flows = [r.id for r in model.incident(target) if isinstance(r, Flow)]
                if flows:
                    model.remove_relation(flows[0])
                    applied.removed.add(flows[0])
            else:
                view = model.views()[0].id
                model.place(view, target, Bounds(x=data.draw(st.integers(0, 900)), y=data.draw(st.integers(0, 900))))
                applied.views.add(view)
            if action in ("rename", "domain"):
                applied.changed.add(target)
    return applied
