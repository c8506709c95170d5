"""ArchiMate exchange export of Steelframe-born models: schema-valid, allowed relationships, the
mapping of DESIGN.md, views with nesting, bend points and styles, deterministic bytes."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from exporters.archimate.mapping import NAMESPACE, XML_NS, XSI
from exporters.archimate.writing.export import export_archimate, write_archimate
from exporters.archimate.writing.text import Tag, as_element, kept_text, render
from model.elements import Context, Decision, Note, Service
from model.errors import ModelError
from model.fileformat import from_json, to_json
from model.palette import KIND_COLOURS, rgb
from model.relations import Contains
from model.settings import Settings
from model.store import Model
from model.templates import build_template
from model.views import Bounds, Point, Route, ViewInfo
from model.vocabulary import ElementKind
from tests.archimate_reference import relationship_allowed, require_reference, schema_errors
from tests.builders import rich_model

NS = {"a": NAMESPACE}
TYPE = f"{{{XSI}}}type"
LANG = f"{{{XML_NS}}}lang"


def parse(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def disallowed(root: etree._Element) -> list[str]:
    """Relationships the ArchiMate 3.2 table forbids between the types of their ends."""
    types = {e.get("identifier"): e.get(TYPE) for e in root.iterfind("a:elements/a:element", NS)}
    types.update({r.get("identifier"): "Relationship" for r in root.iterfind("a:relationships/a:relationship", NS)})
    return [
        f"{r.get('identifier')}: {types[r.get('source')]} -{r.get(TYPE)}-> {types[r.get('target')]}"
        for r in root.iterfind("a:relationships/a:relationship", NS)
        if not relationship_allowed(types[r.get("source")], types[r.get("target")], r.get(TYPE))
    ]


def assert_valid(data: bytes) -> etree._Element:
    require_reference()
    root = parse(data)
    assert schema_errors(root) == []
    assert disallowed(root) == []
    return root


MODELS = {
    "retail": lambda: build_template("retail"),
    "insurer": lambda: build_template("insurer"),
    "blank": lambda: build_template("blank"),
    "rich": rich_model,
}


@pytest.mark.parametrize("name", sorted(MODELS))
def test_exports_are_schema_valid_with_allowed_relationships(name: str) -> None:
    data = export_archimate(MODELS[name]())
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<model ')
    assert_valid(data)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_the_same_model_gives_the_same_bytes(name: str) -> None:
    model = MODELS[name]()
    assert export_archimate(model) == export_archimate(model)
    assert export_archimate(from_json(to_json(model))) == export_archimate(model)


def test_the_order_items_were_added_in_does_not_matter() -> None:
    assert export_archimate(rich_model(reverse=True)) == export_archimate(rich_model())


def test_root_and_sections_follow_the_schema_sequence() -> None:
    root = parse(export_archimate(rich_model()))
    assert root.tag == f"{{{NAMESPACE}}}model"
    assert root.get(f"{{{XSI}}}schemaLocation") == (
        f"{NAMESPACE} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd")
    assert [etree.QName(c).localname for c in root] == [
        "name", "documentation", "elements", "relationships", "organizations", "propertyDefinitions", "views"]
    assert root.findtext("a:name", namespaces=NS) == "Rich estate"


# ------------------------------------------------------------------ golden structure of the retail estate


def test_retail_elements_and_relationships_by_type() -> None:
    root = parse(export_archimate(build_template("retail")))
    elements = Counter(e.get(TYPE) for e in root.iterfind("a:elements/a:element", NS))
    assert elements == {
        "ApplicationComponent": 13, "BusinessActor": 6, "DataObject": 7, "SystemSoftware": 6,
        "ApplicationEvent": 6, "TechnologyService": 6, "ApplicationProcess": 4, "Constraint": 2,
    }
    relationships = Counter(r.get(TYPE) for r in root.iterfind("a:relationships/a:relationship", NS))
    assert relationships == {
        "Flow": 16, "Serving": 10, "Access": 19, "Composition": 7, "Association": 20, "Triggering": 6,
        "Realization": 1,
    }
    access = Counter(r.get("accessType") for r in root.iterfind("a:relationships/a:relationship", NS)
                     if r.get(TYPE) == "Access")
    assert access == {"Write": 15, "Read": 4}


def test_uses_is_written_as_serving_from_the_datastore() -> None:
    model = build_template("retail")
    root = parse(export_archimate(model))
    uses = next(r for r in model.relations() if r.kind == "uses")
    written = root.find(f"a:relationships/a:relationship[@identifier='{uses.id}']", NS)
    assert (written.get("source"), written.get("target"), written.get(TYPE)) == (uses.target, uses.source, "Serving")


def test_decisions_and_notes_are_not_elements() -> None:
    model = build_template("retail")
    root = parse(export_archimate(model))
    written = {e.get("identifier") for e in root.iterfind("a:elements/a:element", NS)}
    skipped = {e.id for e in model.elements() if e.kind in (ElementKind.DECISION, ElementKind.NOTE)}
    assert skipped and not skipped & written
    assert written == {e.id for e in model.elements()} - skipped


def properties_of(root: etree._Element, item_id: str) -> dict[str, str]:
    names = {d.get("identifier"): d.findtext("a:name", namespaces=NS)
             for d in root.iterfind("a:propertyDefinitions/a:propertyDefinition", NS)}
    item = root.xpath("./a:elements/a:element[@identifier=$i] | ./a:relationships/a:relationship[@identifier=$i]",
                      namespaces=NS, i=item_id)[0]
    return {names[p.get("propertyDefinitionRef")]: p.findtext("a:value", namespaces=NS)
            for p in item.iterfind("a:properties/a:property", NS)}


def test_attributes_travel_as_steelframe_properties_and_free_ones_as_they_are() -> None:
    root = parse(export_archimate(rich_model()))
    ordering = properties_of(root, "ordering")
    assert ordering == {
        "cost": "B-12", "owner": "ops", "steelframe.kind": "context", "steelframe.domain": "core",
        "steelframe.lifecycle": "target", "steelframe.tags": '["retail", "core"]'}
    assert list(ordering)[:3] == ["cost", "owner", "steelframe.kind"]
    flow = properties_of(root, "r_flow_event")
    assert flow == {"steelframe.style": "event", "steelframe.event": "order_placed", "steelframe.topic": "orders_topic",
                    "steelframe.carries": "order_total", "steelframe.idempotent": "true",
                    "steelframe.deadLetter": "replay"}
    assert "steelframe.style" not in properties_of(root, "r_flow_undeclared")
    assert properties_of(root, "r_team")["steelframe.relation"] == "team-owns"


def test_property_definitions_are_declared_once_and_every_reference_resolves() -> None:
    root = parse(export_archimate(rich_model()))
    definitions = root.findall("a:propertyDefinitions/a:propertyDefinition", NS)
    names = [d.findtext("a:name", namespaces=NS) for d in definitions]
    assert len(names) == len(set(names))
    assert {d.get("type") for d in definitions} == {"string"}
    identifiers = {d.get("identifier") for d in definitions}
    used = {p.get("propertyDefinitionRef") for p in root.iter(f"{{{NAMESPACE}}}property")}
    assert used == identifiers
    assert root.find("a:propertyDefinitions/a:propertyDefinition[@identifier='propid-steelframe-kind']/a:name",
                     NS).text == "steelframe.kind"


def test_organizations_hold_a_folder_per_kind_then_relations_and_views() -> None:
    model = rich_model()
    root = parse(export_archimate(model))
    folders = root.findall("a:organizations/a:item", NS)
    labels = [f.findtext("a:label", namespaces=NS) for f in folders]
    assert labels == ["Contexts", "Services", "Systems", "ACLs", "Teams", "Facts", "Datastores", "Events", "Topics",
                      "Sagas", "Invariants", "Reconciliations", "Relations", "Views"]
    listed = {i.get("identifierRef") for i in root.iter(f"{{{NAMESPACE}}}item")} - {None}
    concepts = {e.get("identifier") for e in root.iterfind("a:elements/a:element", NS)}
    concepts |= {r.get("identifier") for r in root.iterfind("a:relationships/a:relationship", NS)}
    assert listed == concepts | {"v_main", "v_billing"}
    assert [i.get("identifierRef") for i in folders[0]][1:] == ["billing", "old_books", "ordering"]


# ------------------------------------------------------------------ languages


def names_and_labels(root: etree._Element) -> list[etree._Element]:
    return [e for e in root.iter(f"{{{NAMESPACE}}}name", f"{{{NAMESPACE}}}documentation", f"{{{NAMESPACE}}}label")
            if e.getparent().tag != f"{{{NAMESPACE}}}propertyDefinition"]


def test_names_carry_the_model_language() -> None:
    root = parse(export_archimate(rich_model()))
    assert {e.get(LANG) for e in names_and_labels(root)} == {"en"}


def test_no_language_means_no_xml_lang() -> None:
    model = rich_model()
    with model.transaction("no language"):
        model.update_settings(language=None)
    data = export_archimate(model)
    assert b"xml:lang" not in data
    assert_valid(data)


# ------------------------------------------------------------------ views


def view(root: etree._Element, view_id: str) -> etree._Element:
    return root.find(f"a:views/a:diagrams/a:view[@identifier='{view_id}']", NS)


def node_of(diagram: etree._Element, element_id: str) -> etree._Element:
    return diagram.find(f".//a:node[@elementRef='{element_id}']", NS)


def test_services_and_acls_drawn_in_their_context_are_nested_in_its_node() -> None:
    model = build_template("retail")
    root = parse(export_archimate(model))
    diagram = view(root, "view-context-map")
    nested = 0
    for service in model.elements(ElementKind.SERVICE):
        node = node_of(diagram, service.id)
        if node is not None:
            parent = node.getparent()
            assert parent.get("elementRef") == model.container_of(service.id)
            nested += 1
    assert nested > 0
    assert all(n.getparent().tag == f"{{{NAMESPACE}}}view"
               for n in diagram.iterfind(".//a:node", NS) if n.get("elementRef", "").startswith("ctx-"))


def test_nodes_have_whole_absolute_coordinates_shifted_to_the_origin() -> None:
    root = parse(export_archimate(rich_model()))
    diagram = view(root, "v_main")
    # erp sits at x=-120.25: everything moves right by 120 (whole units), nothing moves down
    assert {k: node_of(diagram, "erp").get(k) for k in "xywh"} == {"x": "0", "y": "600", "w": "90", "h": "45"}
    assert {k: node_of(diagram, "checkout").get(k) for k in "xywh"} == {"x": "140", "y": "40", "w": "160", "h": "80"}
    assert node_of(diagram, "checkout").getparent().get("elementRef") == "ordering"
    assert {k: node_of(diagram, "ordering").get(k) for k in "xy"} == {"x": "120", "y": "0"}


def test_routed_relations_become_connections_with_bend_points() -> None:
    root = parse(export_archimate(rich_model()))
    diagram = view(root, "v_main")
    connection = diagram.find("a:connection[@relationshipRef='r_flow_event']", NS)
    assert connection.get(TYPE) == "Relationship"
    assert connection.get("source") == node_of(diagram, "checkout").get("identifier")
    assert connection.get("target") == node_of(diagram, "billing").get("identifier")
    assert [(b.get("x"), b.get("y")) for b in connection.iterfind("a:bendpoint", NS)] == [("420", "50"), ("570", "60")]
    assert diagram.find("a:connection[@relationshipRef='r_owns']/a:bendpoint", NS) is None
    billing = view(root, "v_billing")
    assert [(b.get("x"), b.get("y")) for b in billing.iterfind("a:connection/a:bendpoint", NS)] == [("70", "150")]


def test_a_route_whose_end_is_not_drawn_is_left_out() -> None:
    model = Model(Settings(name="m"))
    with model.transaction("build"):
        model.add_element(Context(id="a"))
        model.add_element(Service(id="s"))
        model.add_relation(Contains(id="r", source="a", target="s"))
        model.add_view(ViewInfo(id="v", name="V"))
        model.place("v", "a", Bounds(x=0, y=0))
        model.route("v", "r", Route())  # s is not drawn in v
    assert isinstance(model.layout("v", "r"), Route)
    root = assert_valid(export_archimate(model))
    assert view(root, "v").find("a:connection", NS) is None


def test_nodes_and_connections_are_styled_with_the_kind_colours() -> None:
    root = parse(export_archimate(rich_model()))
    diagram = view(root, "v_main")
    style = node_of(diagram, "ordering").find("a:style", NS)
    fill, line = (KIND_COLOURS[ElementKind.CONTEXT].fill, KIND_COLOURS[ElementKind.CONTEXT].line)
    for tag, colour in (("fillColor", fill), ("lineColor", line)):
        element = style.find(f"a:{tag}", NS)
        assert tuple(int(element.get(c)) for c in "rgb") == rgb(colour)
        assert element.get("a") == "100"
    font = style.find("a:font", NS)
    assert (font.get("name"), font.get("size")) == ("Sans", "9")
    connection_style = diagram.find("a:connection[@relationshipRef='r_owns']/a:style", NS)
    assert tuple(int(connection_style.find("a:lineColor", NS).get(c)) for c in "rgb") == rgb(line)


def test_notes_become_label_nodes_and_decisions_are_not_drawn() -> None:
    model = Model(Settings(name="m", language="fr"))
    with model.transaction("build"):
        model.add_element(Note(id="sticky", name="n", text="À revoir\navec l'équipe"))
        model.add_element(Decision(id="adr", name="ADR"))
        model.add_element(Context(id="ctx", name="Ctx"))
        model.add_view(ViewInfo(id="v", name="V"))
        for element_id in ("sticky", "adr", "ctx"):
            model.place("v", element_id, Bounds(x=10, y=10, w=0.2, h=30.6))
    root = assert_valid(export_archimate(model))
    diagram = view(root, "v")
    label = diagram.find("a:node[@xsi:type='Label']", {**NS, "xsi": XSI})
    assert label.findtext("a:label", namespaces=NS) == "À revoir\navec l'équipe"
    assert label.find("a:label", NS).get(LANG) == "fr"
    assert (label.get("w"), label.get("h")) == ("1", "31")
    assert [n.get("elementRef") for n in diagram.iterfind("a:node", NS)] == ["ctx", None]


def test_node_and_connection_ids_stay_unique_when_model_ids_look_like_them() -> None:
    model = Model(Settings(name="m"))
    with model.transaction("build"):
        model.add_element(Context(id="n-v-a"))
        model.add_element(Context(id="a"))
        model.add_element(Context(id="v-a"))
        model.add_view(ViewInfo(id="v", name="V"))
        model.add_view(ViewInfo(id="n-v", name="W"))
        for view_id in ("v", "n-v"):
            for element_id in ("a", "v-a", "n-v-a"):
                model.place(view_id, element_id, Bounds(x=0, y=0))
    root = assert_valid(export_archimate(model))
    identifiers = [e.get("identifier") for e in root.iter() if e.get("identifier")]
    assert len(identifiers) == len(set(identifiers))


def test_text_xml_cannot_hold_is_left_out() -> None:
    model = Model(Settings(name="bell\x07 and \ud800 surrogate", language="en"))
    with model.transaction("build"):
        model.add_element(Context(id="c", name="a\x00b\x1fc\ufffe", properties={"k\x01": "v\x02"}))
    root = assert_valid(export_archimate(model))
    assert root.findtext("a:name", namespaces=NS) == "bell and  surrogate"
    assert root.findtext("a:elements/a:element/a:name", namespaces=NS) == "abc"


# ------------------------------------------------------------------ writing a file


def test_write_archimate_writes_the_export(tmp_path: Path) -> None:
    target = tmp_path / "estate.xml"
    model = rich_model()
    write_archimate(model, target)
    assert target.read_bytes() == export_archimate(model)
    assert [p.name for p in tmp_path.iterdir()] == ["estate.xml"]


def test_write_archimate_keeps_the_previous_file_when_it_cannot_write(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "estate.xml"
    target.write_bytes(b"previous")

    def refuse(source: str, destination: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ModelError, match=r"estate\.xml: cannot write it: permission denied"):
        write_archimate(rich_model(), target)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["estate.xml"]


def test_write_archimate_into_a_missing_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="does not exist"):
        write_archimate(rich_model(), tmp_path / "missing" / "estate.xml")


def test_a_view_with_negative_bend_points_shifts_nodes_too() -> None:
    model = rich_model()
    with model.transaction("bend"):
        model.route("v_billing", "r_owns_invoice", Route(bends=[Point(x=-40.6, y=-10)]))
    root = assert_valid(export_archimate(model))
    diagram = view(root, "v_billing")
    assert [(b.get("x"), b.get("y")) for b in diagram.iterfind("a:connection/a:bendpoint", NS)] == [("0", "0")]
    assert (node_of(diagram, "billing").get("x"), node_of(diagram, "billing").get("y")) == ("51", "20")


# ------------------------------------------------------------------ text as lxml writes it

XML_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufffe\uffff").filter(
    lambda c: c in "\t\n\r" or ord(c) >= 0x20), max_size=30)


@given(XML_TEXT, XML_TEXT, st.booleans())
def test_generated_text_is_what_lxml_writes(text: str, value: str, children: bool) -> None:
    tag = Tag("name", (("a", value), ("xml:lang", "en")), [Tag("x"), Tag("y", (), text)] if children else text)
    element = as_element(tag)
    parent = etree.Element(f"{{{NAMESPACE}}}model", nsmap={None: NAMESPACE})
    parent.append(element)
    etree.indent(parent, space="  ")
    expected = etree.tostring(element, encoding="unicode", with_tail=False)
    assert render(tag, 1) == kept_text(expected)


def test_a_language_xml_cannot_hold_is_refused_as_lxml_refuses_it() -> None:
    model = Model(Settings(name="m", language="e\x01n"))
    with pytest.raises(ValueError, match="XML compatible"):
        export_archimate(model)
