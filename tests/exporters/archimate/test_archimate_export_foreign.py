"""Export of a model imported from an exchange file: what Steelframe does not model is written back
as it was (compared canonicalised), what it does model follows the model."""

from __future__ import annotations

import pytest
from lxml import etree

from exporters.archimate.mapping import NAMESPACE, XML_NS, XSI
from exporters.archimate.writing.export import export_archimate
from model.elements import Context, Note, Service
from model.errors import ModelError
from model.exchange import ExchangeArchive
from model.relations import Contains, Flow
from model.settings import Settings
from model.store import Model
from model.views import Bounds, Point, Route, ViewInfo
from tests.exporters.archimate.test_archimate_export import NS, TYPE, assert_valid, properties_of

LANG = f"{{{XML_NS}}}lang"
NSX = {**NS, "xsi": XSI}

SOURCE = f"""<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="{NAMESPACE}" xmlns:xsi="{XSI}" xmlns:dc="http://purl.org/dc/elements/1.1/" identifier="id-orig-model">
  <name xml:lang="en">Estate</name>
  <name xml:lang="de">Landschaft</name>
  <documentation xml:lang="en">As drawn in Archi</documentation>
  <properties>
    <property propertyDefinitionRef="pd-owner"><value xml:lang="en">EA team</value></property>
  </properties>
  <metadata>
    <schema>Dublin Core</schema>
    <schemaversion>1.1</schemaversion>
    <dc:title>Estate</dc:title>
  </metadata>
  <elements>
    <element identifier="ctx-a" xsi:type="ApplicationComponent">
      <name xml:lang="en">Ordering</name>
      <name xml:lang="de">Bestellung</name>
      <documentation xml:lang="de">Bestellwesen</documentation>
      <properties>
        <property propertyDefinitionRef="pd-owner"><value xml:lang="en">Team A</value></property>
        <property propertyDefinitionRef="pd-kind"><value>context</value></property>
      </properties>
    </element>
    <element identifier="ctx-b" xsi:type="ApplicationComponent">
      <name xml:lang="en">Billing</name>
    </element>
    <element identifier="ctx-gone" xsi:type="ApplicationComponent">
      <name xml:lang="en">Deleted since</name>
    </element>
    <element identifier="cap-1" xsi:type="Capability">
      <name xml:lang="en">Sell</name>
      <name xml:lang="de">Verkaufen</name>
      <properties>
        <property propertyDefinitionRef="pd-owner"><value xml:lang="en">Strategy</value></property>
      </properties>
    </element>
    <element identifier="node-1" xsi:type="Node">
      <name xml:lang="en">Mainframe</name>
    </element>
  </elements>
  <relationships>
    <relationship identifier="rel-serving" source="ctx-a" target="ctx-b" xsi:type="Serving">
      <name xml:lang="en">asks</name>
    </relationship>
    <relationship identifier="rel-trig" source="ctx-b" target="ctx-a" xsi:type="Triggering"/>
    <relationship identifier="rel-real" source="ctx-a" target="cap-1" xsi:type="Realization">
      <documentation xml:lang="en">Ordering realises selling</documentation>
    </relationship>
    <relationship identifier="rel-dangling" source="ctx-gone" target="cap-1" xsi:type="Realization"/>
    <relationship identifier="rel-on-dangling" source="rel-dangling" target="cap-1" xsi:type="Association"/>
  </relationships>
  <organizations>
    <item>
      <label xml:lang="en">Application</label>
      <item identifierRef="ctx-a"/>
      <item identifierRef="ctx-gone"/>
      <item identifierRef="ctx-b"/>
    </item>
    <item>
      <label xml:lang="en">Strategy</label>
      <item identifierRef="cap-1"/>
    </item>
    <item>
      <label xml:lang="en">Views</label>
      <item identifierRef="view-1"/>
      <item identifierRef="view-deleted"/>
    </item>
  </organizations>
  <propertyDefinitions>
    <propertyDefinition identifier="pd-owner" type="string"><name>Owner</name></propertyDefinition>
    <propertyDefinition identifier="pd-kind" type="string"><name>steelframe.kind</name></propertyDefinition>
    <propertyDefinition identifier="propid-steelframe-domain" type="string">
      <name>Domain (theirs)</name>
    </propertyDefinition>
  </propertyDefinitions>
  <views>
    <viewpoints>
      <viewpoint identifier="vp-1"><name xml:lang="en">Our viewpoint</name></viewpoint>
    </viewpoints>
    <diagrams>
      <view identifier="view-1" xsi:type="Diagram" viewpoint="Application Cooperation">
        <name xml:lang="en">Landscape</name>
        <name xml:lang="de">Landschaft</name>
        <node identifier="n-label" xsi:type="Label" x="600" y="20" w="120" h="40">
          <label xml:lang="en">Read me first</label>
          <viewRef ref="view-deleted"/>
        </node>
        <node identifier="n-a" elementRef="ctx-a" xsi:type="Element" x="10" y="10" w="300" h="200">
          <style><fillColor r="181" g="255" b="255" a="100"/></style>
          <node identifier="n-gone" elementRef="ctx-gone" xsi:type="Element" x="20" y="40" w="200" h="150">
            <node identifier="n-node1" elementRef="node-1" xsi:type="Element" x="30" y="50" w="100" h="40">
              <style><fillColor r="201" g="231" b="183" a="100"/></style>
            </node>
          </node>
        </node>
        <node identifier="n-b" elementRef="ctx-b" xsi:type="Element" x="400" y="10" w="120" h="55"/>
        <node identifier="n-cap" elementRef="cap-1" xsi:type="Element" x="400" y="300" w="120" h="55"/>
        <connection identifier="c-serving" relationshipRef="rel-serving" xsi:type="Relationship"
                    source="n-a" target="n-b">
          <bendpoint x="350" y="30"/>
        </connection>
        <connection identifier="c-real" relationshipRef="rel-real" xsi:type="Relationship" source="n-a" target="n-cap"/>
        <connection identifier="c-dangling" relationshipRef="rel-dangling" xsi:type="Relationship"
                    source="n-gone" target="n-cap"/>
        <connection identifier="c-line" xsi:type="Line" source="n-label" target="n-cap"/>
      </view>
      <view identifier="view-deleted" xsi:type="Diagram">
        <name xml:lang="en">Deleted since</name>
      </view>
    </diagrams>
  </views>
</model>
"""


def fragment(element: etree._Element) -> str:
    return etree.tostring(element, encoding="unicode", with_tail=False)


def c14n(element: etree._Element) -> bytes:
    return etree.tostring(element, method="c14n")


def archive_of(source: str) -> ExchangeArchive:
    """What an import keeps of ``source``, cut as the importer cuts it."""
    root = etree.fromstring(source.encode(), etree.XMLParser(resolve_entities=False, no_network=True))
    by_id = {e.get("identifier"): e for e in root.iter() if e.get("identifier")}
    return ExchangeArchive(
        model_identifier=root.get("identifier"),
        header=[fragment(c) for c in root if etree.QName(c).localname in ("name", "documentation", "properties")],
        metadata=fragment(root.find("a:metadata", NS)),
        property_definitions={d.get("identifier"): fragment(d)
                              for d in root.iterfind("a:propertyDefinitions/a:propertyDefinition", NS)},
        elements={i: fragment(by_id[i]) for i in ("cap-1", "node-1")},
        relationships={i: fragment(by_id[i]) for i in ("rel-real", "rel-dangling", "rel-on-dangling")},
        originals={i: fragment(by_id[i]) for i in ("ctx-a", "ctx-b", "ctx-gone", "rel-serving", "rel-trig")},
        organizations=fragment(root.find("a:organizations", NS)),
        diagrams={"view-1": fragment(by_id["view-1"]), "view-deleted": fragment(by_id["view-deleted"])},
        viewpoints=fragment(root.find("a:views/a:viewpoints", NS)),
    )


def imported_then_edited() -> Model:
    """The model the import gave, then edited: ctx-gone deleted, ctx-a renamed and moved, things added."""
    model = Model(Settings(name="Estate", description="As drawn in Archi", language="en"))
    with model.transaction("import"):
        model.add_element(Context(id="ctx-a", name="Ordering", domain="core", properties={"Owner": "Team A"}))
        model.add_element(Context(id="ctx-b", name="Billing"))
        model.add_relation(Flow(id="rel-serving", source="ctx-a", target="ctx-b", name="asks"))
        model.add_relation(Flow(id="rel-trig", source="ctx-b", target="ctx-a"))
        model.add_view(ViewInfo(id="view-1", name="Landscape"))
        model.place("view-1", "ctx-a", Bounds(x=10, y=10, w=300, h=200))
        model.place("view-1", "ctx-b", Bounds(x=400, y=10, w=120, h=55))
        model.route("view-1", "rel-serving", Route(bends=[Point(x=350, y=30)]))
        model.set_exchange(archive_of(SOURCE))
    with model.transaction("edit"):
        model.update_settings(name="Retail estate")
        model.update_element("ctx-a", name="Ordering and checkout")
        model.update_relation("rel-trig", style="event")
        model.place("view-1", "ctx-a", Bounds(x=20.4, y=30, w=320, h=210))
        model.route("view-1", "rel-serving", Route(bends=[Point(x=380, y=60), Point(x=390, y=70)]))
        model.add_element(Service(id="svc-new", name="Checkout"))
        model.add_relation(Contains(id="rel-new", source="ctx-a", target="svc-new"))
        model.place("view-1", "svc-new", Bounds(x=60, y=150, w=100, h=50))
        model.route("view-1", "rel-new", Route())
        model.add_view(ViewInfo(id="view-new", name="New"))
    return model


@pytest.fixture(scope="module")
def exported() -> tuple[etree._Element, etree._Element]:
    source = etree.fromstring(SOURCE.encode())
    return source, assert_valid(export_archimate(imported_then_edited()))


def find(root: etree._Element, identifier: str) -> etree._Element | None:
    found = root.xpath(".//*[@identifier=$i]", i=identifier)
    return found[0] if found else None


@pytest.mark.parametrize("identifier", ["cap-1", "node-1", "rel-real", "pd-owner", "pd-kind",
                                        "propid-steelframe-domain", "vp-1", "n-label-text"])
def test_foreign_parts_are_written_back_unchanged(exported, identifier: str) -> None:
    source, written = exported
    if identifier == "n-label-text":  # the label node itself lost its view reference (the view is gone)
        assert c14n(find(written, "n-label").find("a:label", NS)) == c14n(find(source, "n-label").find("a:label", NS))
        return
    assert c14n(find(written, identifier)) == c14n(find(source, identifier))


def test_model_identifier_metadata_and_header_are_kept(exported) -> None:
    source, written = exported
    assert written.get("identifier") == "id-orig-model"
    assert c14n(written.find("a:metadata", NS)) == c14n(source.find("a:metadata", NS))
    assert c14n(written.find("a:properties", NS)) == c14n(source.find("a:properties", NS))
    names = {n.get(LANG): n.text for n in written.iterfind("a:name", NS)}
    assert names == {"en": "Retail estate", "de": "Landschaft"}
    assert written.findtext("a:documentation", namespaces=NS) == "As drawn in Archi"


def test_a_relationship_whose_end_was_deleted_is_dropped(exported) -> None:
    _, written = exported
    for gone in ("ctx-gone", "rel-dangling", "rel-on-dangling", "c-dangling", "view-deleted", "n-gone"):
        assert find(written, gone) is None, gone
    assert not written.xpath(".//*[@identifierRef='ctx-gone' or @identifierRef='view-deleted']")


def test_an_original_keeps_its_other_languages_and_foreign_properties(exported) -> None:
    _, written = exported
    element = find(written, "ctx-a")
    assert [(n.get(LANG), n.text) for n in element.iterfind("a:name", NS)] == [
        ("en", "Ordering and checkout"), ("de", "Bestellung")]
    assert [(d.get(LANG), d.text) for d in element.iterfind("a:documentation", NS)] == [("de", "Bestellwesen")]
    owner = element.find("a:properties/a:property[@propertyDefinitionRef='pd-owner']", NS)
    assert c14n(owner) == c14n(find(etree.fromstring(SOURCE.encode()), "ctx-a").find("a:properties/a:property", NS))
    assert properties_of(written, "ctx-a") == {
        "Owner": "Team A", "steelframe.kind": "context", "steelframe.domain": "core", "steelframe.lifecycle": "target"}
    references = [p.get("propertyDefinitionRef") for p in element.iterfind("a:properties/a:property", NS)]
    assert "pd-kind" in references  # the kept definition of steelframe.kind is reused
    assert "propid-steelframe-domain" not in references  # that kept id names another property


def test_foreign_properties_follow_the_items_own() -> None:
    model = imported_then_edited()
    with model.transaction("properties"):
        model.update_element("ctx-a", properties={"Owner": "Team B", "Cost centre": "CC-1"})
        model.update_element("ctx-b", name="")
    written = assert_valid(export_archimate(model))
    assert properties_of(written, "ctx-a") == {
        "Owner": "Team B", "Cost centre": "CC-1", "steelframe.kind": "context", "steelframe.domain": "core",
        "steelframe.lifecycle": "target"}
    owner = find(written, "ctx-a").find("a:properties/a:property[@propertyDefinitionRef='pd-owner']/a:value", NS)
    assert (owner.get(LANG), owner.text) == ("en", "Team B")
    assert [(n.get(LANG), n.text) for n in find(written, "ctx-b").iterfind("a:name", NS)] == [("en", None)]
    with model.transaction("drop"):
        model.update_element("ctx-a", properties={})
    written = assert_valid(export_archimate(model))
    assert "Owner" not in properties_of(written, "ctx-a")
    assert find(written, "pd-owner") is not None  # the definition stays: the model and cap-1 still use it


def test_property_definitions_are_kept_and_added_without_clashes(exported) -> None:
    _, written = exported
    definitions = written.findall("a:propertyDefinitions/a:propertyDefinition", NS)
    assert [d.get("identifier") for d in definitions][:3] == ["pd-owner", "pd-kind", "propid-steelframe-domain"]
    names = [d.findtext("a:name", namespaces=NS) for d in definitions]
    assert names.count("steelframe.kind") == 1
    assert names.count("steelframe.domain") == 1


def test_relationship_types_stay_while_true_to_the_relation(exported) -> None:
    _, written = exported
    serving = find(written, "rel-serving")
    assert (serving.get(TYPE), serving.get("source"), serving.get("target")) == ("Serving", "ctx-a", "ctx-b")
    assert serving.findtext("a:name", namespaces=NS) == "asks"
    declared = find(written, "rel-trig")  # now an event flow: a Steelframe flow is a Flow
    assert (declared.get(TYPE), declared.get("source"), declared.get("target")) == ("Flow", "ctx-b", "ctx-a")
    assert properties_of(written, "rel-trig")["steelframe.style"] == "event"


def test_organizations_are_pruned_and_get_a_steelframe_folder(exported) -> None:
    _, written = exported
    tops = written.findall("a:organizations/a:item", NS)
    assert [t.findtext("a:label", namespaces=NS) for t in tops] == ["Application", "Strategy", "Views", "Steelframe"]
    assert [i.get("identifierRef") for i in tops[0].iterfind("a:item", NS)] == ["ctx-a", "ctx-b"]
    added = {i.get("identifierRef") for i in tops[3].iter(f"{{{NAMESPACE}}}item")} - {None}
    assert added == {"svc-new", "rel-new", "rel-serving", "rel-trig", "view-new"}


def test_the_kept_diagram_follows_the_model_and_keeps_the_rest(exported) -> None:
    source, written = exported
    diagram = find(written, "view-1")
    assert diagram.get("viewpoint") == "Application Cooperation"
    moved = find(diagram, "n-a")
    assert {k: moved.get(k) for k in "xywh"} == {"x": "20", "y": "30", "w": "320", "h": "210"}
    assert c14n(moved.find("a:style", NS)) == c14n(find(source, "n-a").find("a:style", NS))
    lifted = find(diagram, "n-node1")  # its parent node was deleted: it moves up to n-a, unchanged
    assert lifted.getparent() is moved
    assert c14n(lifted) == c14n(find(source, "n-node1"))
    assert c14n(find(diagram, "n-cap")) == c14n(find(source, "n-cap"))
    assert c14n(find(diagram, "c-line")) == c14n(find(source, "c-line"))
    assert c14n(find(diagram, "c-real")) == c14n(find(source, "c-real"))
    assert find(diagram, "n-label").find("a:viewRef", NS) is None
    bends = [(b.get("x"), b.get("y")) for b in find(diagram, "c-serving").iterfind("a:bendpoint", NS)]
    assert bends == [("380", "60"), ("390", "70")]


def test_what_steelframe_added_to_a_kept_diagram_is_drawn(exported) -> None:
    _, written = exported
    diagram = find(written, "view-1")
    node = diagram.find(".//a:node[@elementRef='svc-new']", NS)
    assert node.getparent().get("identifier") == "n-a"  # drawn inside its context's box
    assert {k: node.get(k) for k in "xywh"} == {"x": "60", "y": "150", "w": "100", "h": "50"}
    assert node.find("a:style/a:fillColor", NS) is not None
    connection = diagram.find("a:connection[@relationshipRef='rel-new']", NS)
    assert (connection.get("source"), connection.get("target")) == ("n-a", node.get("identifier"))
    assert find(written, "view-new").get(TYPE) == "Diagram"


def test_foreign_nodes_keep_their_order_and_connections_follow_nodes() -> None:
    model = imported_then_edited()
    with model.transaction("unplace"):
        model.unplace("view-1", "ctx-b")
    written = assert_valid(export_archimate(model))
    diagram = find(written, "view-1")
    assert find(diagram, "n-b") is None
    assert find(diagram, "c-serving") is None
    assert find(written, "rel-serving") is not None  # leaving a view is not leaving the model
    assert [n.get("identifier") for n in diagram.iterfind("a:node", NS)][:2] == ["n-label", "n-a"]


def test_a_deleted_element_takes_its_nodes_and_connections_along() -> None:
    model = imported_then_edited()
    with model.transaction("delete"):
        model.remove_element("ctx-a")
    written = assert_valid(export_archimate(model))
    for gone in ("ctx-a", "n-a", "c-serving", "c-real", "rel-real", "rel-serving", "rel-trig"):
        assert find(written, gone) is None, gone
    diagram = find(written, "view-1")
    assert find(diagram, "n-node1").getparent() is diagram
    assert find(diagram, "c-line") is not None


def test_a_node_its_moved_parent_no_longer_holds_moves_up() -> None:
    model = imported_then_edited()
    with model.transaction("move away"):
        model.place("view-1", "ctx-a", Bounds(x=700, y=400, w=320, h=210))
    source = etree.fromstring(SOURCE.encode())
    written = assert_valid(export_archimate(model))
    diagram = find(written, "view-1")
    stray = find(diagram, "n-node1")
    assert stray.getparent() is diagram  # kept inside n-a, it would be clipped out of sight
    assert c14n(stray) == c14n(find(source, "n-node1"))
    service = diagram.find(".//a:node[@elementRef='svc-new']", NS)
    assert service.getparent() is diagram  # drawn outside its context's box now


def test_notes_in_a_kept_diagram() -> None:
    model = imported_then_edited()
    with model.transaction("notes"):
        model.add_element(Note(id="n-label", name="note", text="Read me second"))  # the label node's own id
        model.place("view-1", "n-label", Bounds(x=610, y=25, w=120, h=40))
        model.add_element(Note(id="fresh-note", text="New note"))
        model.place("view-1", "fresh-note", Bounds(x=700, y=400, w=100, h=30))
    written = assert_valid(export_archimate(model))
    diagram = find(written, "view-1")
    label = find(diagram, "n-label")
    assert (label.get("x"), label.findtext("a:label", namespaces=NS)) == ("610", "Read me second")
    labels = [n.findtext("a:label", namespaces=NS) for n in diagram.iterfind("a:node[@xsi:type='Label']", NSX)]
    assert labels == ["Read me second", "New note"]


def test_a_kept_node_id_that_clashes_with_a_new_item_is_renamed() -> None:
    model = imported_then_edited()
    with model.transaction("clash"):
        model.add_element(Context(id="n-b", name="Clash"))
    written = assert_valid(export_archimate(model))
    diagram = find(written, "view-1")
    billing = diagram.find("a:node[@elementRef='ctx-b']", NS)
    assert billing.get("identifier") != "n-b"
    assert find(diagram, "c-serving").get("target") == billing.get("identifier")


def test_without_a_language_the_kept_slot_without_one_is_used() -> None:
    model = imported_then_edited()
    with model.transaction("no language"):
        model.update_settings(language=None)
    written = assert_valid(export_archimate(model))
    names = [(n.get(LANG), n.text) for n in find(written, "ctx-a").iterfind("a:name", NS)]
    assert names == [("en", "Ordering and checkout"), ("de", "Bestellung")]


def test_the_export_of_an_imported_model_is_deterministic() -> None:
    assert export_archimate(imported_then_edited()) == export_archimate(imported_then_edited())


@pytest.mark.parametrize("raw", [
    "<element identifier='x' xsi:type='Node'><name>unclosed</element>",
    "<element identifier='x' xsi:type='Node'><name>&undefined;</name></element>",
    "<!DOCTYPE element [<!ENTITY e 'boom'>]><element identifier='x' xsi:type='Node'><name>&e;</name></element>",
    "<element identifier='x' xsi:type='Node'/><element identifier='y' xsi:type='Node'/>",
])
def test_a_broken_kept_fragment_is_a_model_error(raw: str) -> None:
    model = Model(Settings(name="m"))
    with model.transaction("archive"):
        model.set_exchange(ExchangeArchive(elements={"x": raw}))
    with pytest.raises(ModelError, match="kept from an import"):
        export_archimate(model)


def test_a_fragment_without_namespace_declarations_takes_the_exchange_namespace() -> None:
    model = Model(Settings(name="m"))
    with model.transaction("archive"):
        model.set_exchange(ExchangeArchive(elements={"x": "<element identifier='x' xsi:type='Node'><name>N</name>"
                                                          "</element>"}))
    written = assert_valid(export_archimate(model))
    assert written.find("a:elements/a:element[@identifier='x']", NS).findtext("a:name", namespaces=NS) == "N"
