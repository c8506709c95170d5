"""After the item-by-item merge: keep what the other side still uses, and one context per element.

An element one side deleted comes back, with the relations and boxes the deletion took along,
when the other side changed it or still uses it (a new flow to it, a box for it in a view); each
comes back once, as a recorded "deleted" conflict, so resolving it "deleted" gives exactly the
deleting side's model and "kept" the other side's. Two contexts holding one service keep ours.
"""

from __future__ import annotations

from collections.abc import Iterator

from model.elements import ELEMENT_CLASSES
from model.merge.flat import Attributes, Flat, split
from model.merge.three_way import ThreeWay
from model.relations import RELATION_CLASSES
from model.vocabulary import ElementKind, RelationKind

#: (section of the missing item, its id, section of the referrer, referrer id, attribute, how it uses it)
Need = tuple[str, str, str, str, str, str]
OTHER = {"ours": "theirs", "theirs": "ours"}


def repair(merge: ThreeWay) -> None:
    """Restore deleted items the other side changed or uses, then settle double containment."""
    Repair(merge).run()


class Repair:
    def __init__(self, merge: ThreeWay) -> None:
        self.merge = merge
        self.merged: Flat = merge.merged
        self.sides: dict[str, Flat] = {"ours": merge.ours, "theirs": merge.theirs}
        self.recorded: set[tuple[str, str]] = set()

    def run(self) -> None:
        for section, item, deleted_by in self.merge.kept:
            self._recorded(section, item, deleted_by, "changed it")
            if section == "elements":
                self._bring_along(item, OTHER[deleted_by])
        while True:
            needs = list(dangling(self.merged))
            if not needs:
                break
            for need in needs:
                self._restore(need)
        self._one_container()

    def _recorded(self, section: str, item: str, deleted_by: str, reason: str) -> None:
        if (section, item) not in self.recorded:
            self.recorded.add((section, item))
            self.merge.conflict("deleted", section, item, deleted_by=deleted_by, reason=reason)

    def _restore(self, need: Need) -> None:
        section, item, referrer_section, referrer, attribute, how = need
        if item in self.merged[section]:
            return  # restored by an earlier need of this round
        side = next((name for name, flat in self.sides.items() if item in flat[section]), None)
        if side is None:  # neither side has it: the reference cannot stand (never seen; kept safe)
            self._drop(referrer_section, referrer, attribute, item)
            return
        self.merged[section][item] = self.sides[side][section][item]
        self._recorded(section, item, OTHER[side], how)
        if section == "elements":
            self._bring_along(item, side)

    def _bring_along(self, element: str, side: str) -> None:
        """Relations and boxes of a kept element that only the deletion removed."""
        keeper, deleter = self.sides[side], self.sides[OTHER[side]]
        merged = self.merged["relations"]
        back = [
            rid for rid, relation in keeper["relations"].items()
            if element in (relation["source"], relation["target"])
            and rid not in merged and rid not in deleter["relations"]
        ]
        for rid in back:
            merged[rid] = keeper["relations"][rid]
        keys = [f"nodes.{element}", *(f"edges.{rid}" for rid in back)]
        for view_id, view in keeper["views"].items():
            current = self.merged["views"].get(view_id)
            if current is not None:
                missing = {key: view[key] for key in keys if key in view and key not in current}
                if missing:
                    self.merged["views"][view_id] = {**current, **missing}

    def _drop(self, section: str, item: str, attribute: str, target: str) -> None:
        attributes = dict(self.merged[section][item])
        if section == "views" or (section == "relations" and attribute in ("source", "target")):
            if section == "views":
                del attributes[attribute]
                self.merged[section][item] = attributes
            else:
                del self.merged[section][item]
            return
        value = attributes[attribute]
        attributes[attribute] = [v for v in value if v != target] if isinstance(value, list) else None
        self.merged[section][item] = attributes

    def _one_container(self) -> None:
        holders: dict[str, list[str]] = {}
        for rid, relation in self.merged["relations"].items():
            if relation["kind"] == RelationKind.CONTAINS:
                holders.setdefault(relation["target"], []).append(rid)
        ours = self.sides["ours"]["relations"]
        for target, rids in holders.items():
            if len(rids) < 2:
                continue
            keep = next((rid for rid in rids if rid in ours), rids[0])
            for rid in rids:
                if rid != keep:
                    relation = self.merged["relations"].pop(rid)
                    self._unroute(rid)
                    self.merge.conflict("contained", "elements", target, ours=keep, theirs={"id": rid, **relation})

    def _unroute(self, relation_id: str) -> None:
        key = f"edges.{relation_id}"
        for view_id, view in list(self.merged["views"].items()):
            if key in view:
                self.merged["views"][view_id] = {k: v for k, v in view.items() if k != key}


def dangling(flat: Flat) -> Iterator[Need]:
    """Every reference of the flat model to an element, relation or view it does not hold."""
    elements, relations = flat["elements"], flat["relations"]
    for rid, relation in relations.items():
        fields = ("source", "target", *RELATION_CLASSES[RelationKind(relation["kind"])].REFERENCE_FIELDS)
        for field, target in _targets(relation, fields):
            if target not in elements:
                yield "elements", target, "relations", rid, field, f"uses it in the {relation['kind']} {rid}"
    for eid, element in elements.items():
        for field, target in _targets(element, ELEMENT_CLASSES[ElementKind(element["kind"])].REFERENCE_FIELDS):
            if target not in elements:
                yield "elements", target, "elements", eid, field, f"refers to it from {element['kind']} {eid}"
    for view_id, view in flat["views"].items():
        for attribute in view:
            head, item = split(attribute)
            if head == "nodes" and item not in elements:
                yield "elements", item, "views", view_id, attribute, f"shows it in the view {view['name']}"
            elif head == "edges" and item not in relations:
                yield "relations", item, "views", view_id, attribute, f"shows it in the view {view['name']}"


def _targets(attributes: Attributes, fields: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    for field in fields:
        value = attributes.get(field)
        for target in value if isinstance(value, list) else [value] if value else []:
            yield field, target
