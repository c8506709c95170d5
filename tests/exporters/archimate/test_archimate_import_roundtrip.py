"""Round trips through the ArchiMate exchange format: export then import, and import then export then import."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from exporters.archimate.reading.importer import import_archimate, import_archimate_bytes
from exporters.archimate.writing.export import export_archimate
from model.fileformat import to_json
from model.store import Model
from model.templates import TEMPLATES, build_template
from model.views import Bounds, Point, Route
from model.vocabulary import ElementKind
from tests.archimate_reference import schema_errors
from tests.builders import Builder, rich_model
from tests.exporters.archimate.test_archimate_import import NS, XSI_TYPE, valid_samples

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def semantic(model: Model) -> dict[str, Any]:
    """The model file's data without what an import kept of the file it came from."""
    data: dict[str, Any] = json.loads(to_json(model))
    data.pop("exchange", None)
    return data


def through_exchange(model: Model) -> Model:
    exported = export_archimate(model)
    assert schema_errors(etree.fromstring(exported)) == []
    return import_archimate_bytes(exported, "exported.xml")


def travelling(model: Model) -> Model:
    """What of a Steelframe model ArchiMate can carry: no decisions, notes, waivers or rule settings; and a layout
    in whole, non-negative units (the format's coordinates are xs:nonNegativeInteger, so an export rounds and
    shifts a view whose drawing reaches left of or above the origin)."""
    with model.transaction("keep what travels"):
        for waiver in model.waivers():
            model.remove_waiver(waiver.id)
        for kind in (ElementKind.DECISION, ElementKind.NOTE):
            for element in model.elements(kind):
                model.remove_element(element.id)
        model.update_settings(rules={}, custom_rules=[])
        for view in model.views():
            _to_whole_units(model, view.id)
    return model


def _to_whole_units(model: Model, view_id: str) -> None:
    layouts = model.layouts(view_id)
    points = [(b.x, b.y) for b in layouts.values() if isinstance(b, Bounds)]
    points += [(p.x, p.y) for r in layouts.values() if isinstance(r, Route) for p in r.bends]
    dx = -min(0, min((round(x) for x, _ in points), default=0))
    dy = -min(0, min((round(y) for _, y in points), default=0))
    for item_id, layout in layouts.items():
        if isinstance(layout, Bounds):
            model.place(view_id, item_id, Bounds(x=round(layout.x) + dx, y=round(layout.y) + dy,
                                                 w=max(1, round(layout.w)), h=max(1, round(layout.h))))
        else:
            bends = [Point(x=round(p.x) + dx, y=round(p.y) + dy) for p in layout.bends]
            model.route(view_id, item_id, Route(bends=bends))


# ------------------------------------------------------------------------------------------ export, import


@pytest.mark.parametrize("name", TEMPLATES)
def test_a_template_comes_back_from_the_exchange_format(name: str) -> None:
    model = travelling(build_template(name))
    assert semantic(through_exchange(model)) == semantic(model)


@pytest.mark.parametrize("reverse", [False, True])
def test_the_rich_model_comes_back_from_the_exchange_format(reverse: bool) -> None:
    model = travelling(rich_model(reverse=reverse))
    back = through_exchange(model)
    assert semantic(back) == semantic(model)
    assert back.layouts("v_main") == model.layouts("v_main")


def test_a_route_written_against_its_relation_comes_back_in_its_order() -> None:
    builder = Builder()
    builder.context("ordering")
    builder.datastore("orders_db")
    builder.uses("ordering", "orders_db", "r_uses")
    model = builder.model
    with model.transaction("view"):
        from model.views import ViewInfo

        model.add_view(ViewInfo(id="v", name="V"))
        model.place("v", "ordering", Bounds(x=0, y=0))
        model.place("v", "orders_db", Bounds(x=400, y=300))
        model.route("v", "r_uses", Route(bends=[Point(x=200, y=40), Point(x=200, y=340)]))
    assert through_exchange(model).layout("v", "r_uses") == model.layout("v", "r_uses")


# ------------------------------------------------------------------------------------------ import, export, import


@pytest.mark.parametrize("path", valid_samples(), ids=lambda p: p.name[:2])
def test_a_sample_survives_export_and_import(path: Path) -> None:
    first = import_archimate(path)
    exported = export_archimate(first)
    assert schema_errors(etree.fromstring(exported)) == []
    second = import_archimate_bytes(exported, "exported.xml")
    assert semantic(second) == semantic(first)
    kept, again = first.exchange, second.exchange
    assert kept is not None and again is not None
    assert (again.model_identifier, set(again.elements), set(again.relationships), set(again.diagrams)) == (
        kept.model_identifier, set(kept.elements), set(kept.relationships), set(kept.diagrams))
    assert set(kept.property_definitions) <= set(again.property_definitions)
    original, written = inventory(etree.parse(str(path)).getroot()), inventory(etree.fromstring(exported))
    for part in ("elements", "relationships", "nodes", "connections", "styles"):
        lost = {key: value for key, value in original[part].items() if not _kept(value, written[part].get(key))}
        assert lost == {}, f"{part} lost or changed on export: {sorted(lost)[:5]}"
    assert original["folders"] <= written["folders"]


def _kept(original: Any, written: Any) -> bool:
    """Equal, except that an item's properties may have gained Steelframe's own."""
    if written is None:
        return False
    if isinstance(original, tuple) and original and isinstance(original[-1], frozenset):
        return bool(original[:-1] == written[:-1] and original[-1] <= written[-1])
    return bool(original == written)


def inventory(root: etree._Element) -> dict[str, Any]:
    """What a file says, keyed by identifier: concepts, folder items, nodes, connections and styles."""
    definitions = {d.get("identifier"): _texts(d, "name")[0][1] for d in root.iter(NS + "propertyDefinition")}
    found: dict[str, Any] = {"elements": {}, "relationships": {}, "nodes": {}, "connections": {}, "styles": {}}
    for element in root.iter(NS + "element"):
        found["elements"][element.get("identifier")] = (element.get(XSI_TYPE), *_described(element, definitions))
    for relationship in root.iter(NS + "relationship"):
        ends = (relationship.get("source"), relationship.get("target"))
        found["relationships"][relationship.get("identifier")] = (
            relationship.get(XSI_TYPE), *ends, *_described(relationship, definitions)
        )
    for view in root.iter(NS + "view"):
        view_id = view.get("identifier")
        for node in view.iter(NS + "node"):
            box = tuple(node.get(a) for a in ("x", "y", "w", "h"))
            found["nodes"][node.get("identifier")] = (view_id, node.get(XSI_TYPE), node.get("elementRef"), box)
        for line in view.iter(NS + "connection"):
            bends = tuple((b.get("x"), b.get("y")) for b in line.iter(NS + "bendpoint"))
            refs = tuple(line.get(a) for a in ("relationshipRef", "source", "target"))
            found["connections"][line.get("identifier")] = (view_id, line.get(XSI_TYPE), refs, bends)
        for style in view.iter(NS + "style"):
            found["styles"][style.getparent().get("identifier")] = _canonical(style)
    found["folders"] = {(_folder_path(item), item.get("identifierRef")) for item in root.iter(NS + "item")}
    return found


def _texts(owner: etree._Element, tag: str) -> list[tuple[str | None, str]]:
    return [(child.get(XML_LANG), child.text or "") for child in owner.iterchildren(NS + tag)]


def _described(concept: etree._Element, definitions: dict[str | None, str]) -> tuple[Any, ...]:
    properties = frozenset(
        (definitions[prop.get("propertyDefinitionRef")], tuple(_texts(prop, "value")))
        for prop in concept.iter(NS + "property")
    )
    return tuple(_texts(concept, "name")), tuple(_texts(concept, "documentation")), properties


def _folder_path(item: etree._Element) -> tuple[str, ...]:
    labels = [_texts(folder, "label")[0][1] for folder in item.iterancestors(NS + "item") if _texts(folder, "label")]
    return tuple(reversed(labels))


def _canonical(element: etree._Element) -> tuple[Any, ...]:
    """Tag, attributes and children, the children in any order (a style is an ``xs:all``)."""
    children = sorted(_canonical(child) for child in element.iterchildren(etree.Element))
    return etree.QName(element).localname, tuple(sorted(element.attrib.items())), tuple(children)
