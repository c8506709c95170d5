"""ArchiMate exchange import: the reference samples, and the mapping of DESIGN.md read backwards."""

from __future__ import annotations

from collections import Counter
from html import escape
from pathlib import Path

import pytest
from lxml import etree

from exporters.archimate.errors import ExchangeImportError
from exporters.archimate.reading.archive import fragment
from exporters.archimate.reading.fragments import Serialized, child_fragments
from exporters.archimate.reading.importer import import_archimate, import_archimate_bytes
from model.changes import Committed
from model.elements import Context, Fact, System
from model.engine import check_model
from model.history import History
from model.relations import Flow
from model.store import Model
from model.views import Bounds, Point, Route
from model.vocabulary import ElementKind, FlowStyle, RelationKind
from tests.archimate_reference import samples

NAMESPACE = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
NS = "{" + NAMESPACE + "}"
XSI_TYPE = "{" + XSI + "}type"


class Exchange:
    """A small exchange file written by hand; property definitions are declared by name as they are used."""

    def __init__(self, name: str = "Test", lang: str | None = "en") -> None:
        self.name = name
        self.lang = lang
        self.elements: list[str] = []
        self.relationships: list[str] = []
        self.definitions: dict[str, str] = {}
        self.views: list[str] = []
        self.extra = ""

    def _name(self, text: str, tag: str = "name") -> str:
        lang = f' xml:lang="{self.lang}"' if self.lang else ""
        return f"<{tag}{lang}>{escape(text)}</{tag}>"

    def _properties(self, properties: dict[str, str] | None) -> str:
        if not properties:
            return ""
        rows = "".join(
            f'<property propertyDefinitionRef="{self.definitions.setdefault(key, f"pd-{len(self.definitions) + 1}")}">'
            f"<value>{escape(value)}</value></property>"
            for key, value in properties.items()
        )
        return f"<properties>{rows}</properties>"

    def element(self, identifier: str, kind: str, name: str | None = None, properties: dict[str, str] | None = None,
                *, inner: str | None = None) -> Exchange:
        body = inner if inner is not None else self._name(name if name is not None else identifier)
        self.elements.append(f'<element identifier="{identifier}" xsi:type="{kind}">{body}'
                             f"{self._properties(properties)}</element>")
        return self

    def relationship(self, identifier: str, kind: str, source: str, target: str, *,
                     properties: dict[str, str] | None = None, **attributes: str) -> Exchange:
        extra = "".join(f' {key}="{value}"' for key, value in attributes.items())
        self.relationships.append(
            f'<relationship identifier="{identifier}" xsi:type="{kind}" source="{source}" target="{target}"{extra}>'
            f"{self._properties(properties)}</relationship>"
        )
        return self

    def view(self, identifier: str, name: str, body: str) -> Exchange:
        self.views.append(f'<view identifier="{identifier}" xsi:type="Diagram">{self._name(name)}{body}</view>')
        return self

    def xml(self) -> str:
        parts = [f'<?xml version="1.0" encoding="UTF-8"?>\n<model xmlns="{NAMESPACE}" xmlns:xsi="{XSI}" '
                 f'identifier="m-1">{self._name(self.name)}{self.extra}']
        if self.elements:
            parts.append(f"<elements>{''.join(self.elements)}</elements>")
        if self.relationships:
            parts.append(f"<relationships>{''.join(self.relationships)}</relationships>")
        if self.definitions:
            rows = "".join(f'<propertyDefinition identifier="{i}" type="string"><name>{escape(n)}</name>'
                           f"</propertyDefinition>" for n, i in self.definitions.items())
            parts.append(f"<propertyDefinitions>{rows}</propertyDefinitions>")
        if self.views:
            parts.append(f"<views><diagrams>{''.join(self.views)}</diagrams></views>")
        return "".join(parts) + "</model>\n"

    def load(self) -> Model:
        return import_archimate_bytes(self.xml().encode(), "test.xml")


def node(identifier: str, element: str, box: tuple[int, ...], inner: str = "") -> str:
    """An Element node at ``box`` = (x, y) or (x, y, w, h)."""
    x, y, w, h = (*box, 120, 55) if len(box) == 2 else box
    return (f'<node identifier="{identifier}" xsi:type="Element" elementRef="{element}" '
            f'x="{x}" y="{y}" w="{w}" h="{h}">{inner}</node>')


def connection(identifier: str, relationship: str, source: str, target: str, bends: list[tuple[int, int]]) -> str:
    points = "".join(f'<bendpoint x="{x}" y="{y}"/>' for x, y in bends)
    return (f'<connection identifier="{identifier}" xsi:type="Relationship" relationshipRef="{relationship}" '
            f'source="{source}" target="{target}">{points}</connection>')


def valid_samples() -> list[Path]:
    """The samples the schema accepts; none (their tests skip) where the reference folder is absent."""
    try:
        return [path for path in samples() if "INVALID" not in path.name]
    except pytest.skip.Exception:
        return []


def sample(prefix: str) -> Path:
    return next(path for path in samples() if path.name.startswith(prefix))


def kinds(model: Model) -> dict[str, int]:
    return dict(Counter(str(e.kind) for e in model.elements()) + Counter(str(r.kind) for r in model.relations()))


# ------------------------------------------------------------------------------------------ samples

EXPECTED = {
    "01": ({}, 0, "en"),
    "02": ({}, 1, "en"),
    "03": ({"context": 8, "service": 2, "fact": 4, "datastore": 4, "writes": 3, "contains": 2, "flow": 7}, 18, "en"),
    "04": ({"context": 3, "service": 1, "fact": 2, "event": 1, "datastore": 2, "replicates": 1, "writes": 1,
            "contains": 1}, 4, "pt"),
    "05": ({"context": 5, "service": 1, "fact": 2, "event": 1, "datastore": 1, "invariant": 1, "replicates": 2,
            "contains": 1}, 4, None),
    "06": ({"context": 5, "service": 1, "fact": 2, "event": 1, "datastore": 1, "invariant": 1, "replicates": 1,
            "writes": 1, "contains": 1}, 4, None),
    "08": ({"context": 12, "service": 5, "fact": 4, "datastore": 1, "flow": 36, "contains": 5}, 69, "en"),
    "09": ({"context": 1}, 1, "fr"),
    "10": ({"fact": 50}, 195, None),
}


@pytest.mark.parametrize("path", valid_samples(), ids=lambda p: p.name[:2])
def test_every_valid_sample_imports_with_its_meaning(path: Path) -> None:
    model = import_archimate(path)
    counts, views, language = EXPECTED[path.name[:2]]
    assert kinds(model) == counts
    assert len(model.views()) == views
    assert model.settings.language == language
    check_model(model)  # the engine runs on every imported model


@pytest.mark.parametrize("path", valid_samples(), ids=lambda p: p.name[:2])
def test_every_concept_of_a_sample_is_kept_under_its_own_identifier(path: Path) -> None:
    root = etree.parse(str(path)).getroot()
    model = import_archimate(path)
    archive = model.exchange
    assert archive is not None
    element_ids = [e.get("identifier") for e in root.iter(NS + "element")]
    relationship_ids = [r.get("identifier") for r in root.iter(NS + "relationship")]
    assert sorted(element_ids) == sorted([*(e.id for e in model.elements()), *archive.elements])
    assert sorted(relationship_ids) == sorted([*(r.id for r in model.relations()), *archive.relationships])
    assert set(archive.originals) == {*(e.id for e in model.elements()), *(r.id for r in model.relations())}
    view_ids = [v.get("identifier") for v in root.iter(NS + "view")]
    assert [v.id for v in model.views()] == view_ids
    assert list(archive.diagrams) == view_ids
    assert archive.model_identifier == root.get("identifier")


@pytest.mark.parametrize("path", valid_samples(), ids=lambda p: p.name[:2])
def test_foreign_types_map_by_the_table_read_backwards(path: Path) -> None:
    root = etree.parse(str(path)).getroot()
    types = Counter(e.get(XSI_TYPE) for e in root.iter(NS + "element"))
    found = kinds(import_archimate(path))
    assert found.get("context", 0) + found.get("service", 0) == types["ApplicationComponent"]
    assert found.get("fact", 0) == types["DataObject"]
    assert found.get("datastore", 0) == types["SystemSoftware"]
    assert found.get("event", 0) == types["ApplicationEvent"]
    assert found.get("invariant", 0) == types["Constraint"]


def test_archisurance_components_become_contexts_and_services() -> None:
    model = import_archimate(sample("03"))
    services = {e.name for e in model.elements(ElementKind.SERVICE)}
    assert services == {"Customer Data  Access", "Policy Data Management"}
    holder = model.container_of(next(iter(e.id for e in model.elements(ElementKind.SERVICE))))
    assert holder is not None and model.element(holder).name == "Home & Away Policy Administration"


def test_sparx_ids_and_encoding_are_kept() -> None:
    model = import_archimate(sample("05"))
    assert model.exchange is not None
    assert model.exchange.model_identifier == "EAPK_1F275A5A_1926_4a2b_94DF_509A31481045"
    assert all(e.id.startswith("EAID_") for e in model.elements())
    assert model.settings.language is None
    assert "EAID_DN000000_" in next(iter(model.exchange.diagrams.values()))


def test_the_language_of_the_first_model_name_picks_every_name() -> None:
    model = import_archimate(sample("04"))
    assert model.settings.language == "pt"
    assert model.name == "(new model)"
    doc = Exchange(lang="fr")
    doc.element("a", "ApplicationComponent", inner='<name xml:lang="en">Billing</name><name xml:lang="fr">Facturation'
                                                   '</name><documentation xml:lang="en">Bills</documentation>')
    doc.element("b", "ApplicationComponent",
                inner='<name xml:lang="de">Versand</name><name xml:lang="en">Shipping</name>')
    loaded = doc.load()
    assert loaded.element("a").name == "Facturation"
    assert loaded.element("a").description == "Bills"  # no French documentation: the first one
    assert loaded.element("b").name == "Versand"


@pytest.mark.parametrize("prefix, undeclared", [("03", 7), ("08", 26)])
def test_the_engine_names_every_undeclared_flow_between_contexts(prefix: str, undeclared: int) -> None:
    model = import_archimate(sample(prefix))
    flows = [r for r in model.relations(RelationKind.FLOW) if isinstance(r, Flow)]
    assert all(flow.style is FlowStyle.UNDECLARED for flow in flows)
    sf004 = [v for v in check_model(model) if v.rule == "SF004"]
    assert len(sf004) == undeclared
    flagged = {element for v in sf004 for element in v.elements if element in model.relations_by_id}
    crossing = {f.id for f in flows if _context_of(model, f.source) != _context_of(model, f.target)}
    assert flagged == crossing


def _context_of(model: Model, element_id: str) -> str:
    return model.container_of(element_id) or element_id


def test_the_large_sample_imports_with_everything_kept() -> None:
    """How fast this goes is the benchmark's business (python -m bench --archimate); what it gives is a test's."""
    path = sample("10")
    model = import_archimate(path)
    archive = model.exchange
    assert archive is not None
    assert (len(model.elements()), len(archive.elements), len(archive.relationships)) == (50, 1200, 6318)
    assert len(archive.diagrams) == len(model.views()) == 195
    assert set(archive.diagram_layouts) == set(archive.diagrams)  # each may be written back as it is


def test_the_invalid_sample_is_refused_at_its_first_undefined_property_definition() -> None:
    path = sample("07")
    with pytest.raises(ExchangeImportError) as caught:
        import_archimate(path)
    assert str(caught.value) == (
        f"{path}:14: <property> propertyDefinitionRef='Description' names no <propertyDefinition> "
        "(the file declares none)"
    )
    assert caught.value.line == 14


# ------------------------------------------------------------------------------------------ meaning


def foreign_estate() -> Exchange:
    doc = Exchange()
    for identifier in ("a", "b", "c", "d"):
        doc.element(identifier, "ApplicationComponent", identifier.upper())
    doc.element("fact", "DataObject", "Order").element("db", "SystemSoftware", "Orders DB")
    doc.element("ev", "ApplicationEvent", "Order placed").element("rule", "Constraint", "Paid first")
    doc.element("actor", "BusinessActor", "Team").element("topic", "TechnologyService", "Kafka")
    doc.element("role", "BusinessRole", "Clerk").element("proc", "ApplicationProcess", "Nightly")
    doc.relationship("f1", "Flow", "a", "b").relationship("f2", "Serving", "a", "b")
    doc.relationship("f3", "Triggering", "b", "a").relationship("pub", "Triggering", "a", "ev")
    doc.relationship("w1", "Access", "a", "fact", accessType="Write")
    doc.relationship("w2", "Access", "b", "fact", accessType="ReadWrite")
    doc.relationship("r1", "Access", "c", "fact", accessType="Read")
    doc.relationship("r2", "Access", "b", "fact")
    doc.relationship("u1", "Serving", "db", "a").relationship("own", "Composition", "a", "d")
    doc.relationship("x1", "Association", "a", "b").relationship("x2", "Flow", "a", "role")
    doc.relationship("x3", "Assignment", "actor", "a").relationship("x4", "Flow", "a", "a")
    doc.relationship("x5", "Access", "d", "fact", accessType="Read")
    return doc


def test_foreign_elements_take_the_kinds_of_the_table() -> None:
    model = foreign_estate().load()
    assert {e.id: str(e.kind) for e in model.elements()} == {
        "a": "context", "b": "context", "c": "context", "d": "service", "fact": "fact", "db": "datastore",
        "ev": "event", "rule": "invariant",
    }
    assert model.exchange is not None
    assert set(model.exchange.elements) == {"actor", "topic", "role", "proc"}


def test_foreign_relationships_take_the_kinds_of_the_table() -> None:
    model = foreign_estate().load()
    found = {r.id: (str(r.kind), r.source, r.target) for r in model.relations()}
    assert found == {
        "f1": ("flow", "a", "b"), "f2": ("flow", "a", "b"), "f3": ("flow", "b", "a"),
        "pub": ("publishes", "a", "ev"),
        "w1": ("writes", "a", "fact"), "w2": ("writes", "b", "fact"),
        "r1": ("replicates", "c", "fact"), "r2": ("replicates", "b", "fact"),
        "u1": ("uses", "a", "db"), "own": ("contains", "a", "d"),
    }
    assert model.exchange is not None
    # an association, a flow to a role, an assignment, a self-flow, a service that replicates: no meaning
    assert set(model.exchange.relationships) == {"x1", "x2", "x3", "x4", "x5"}
    assert all(r.style is FlowStyle.UNDECLARED for r in model.relations(RelationKind.FLOW))  # type: ignore[attr-defined]


def test_a_foreign_write_access_is_never_ownership() -> None:
    model = foreign_estate().load()
    assert model.relations(RelationKind.OWNS) == []
    assert {v.rule for v in check_model(model) if "fact" in v.elements} >= {"SF001"}


def test_a_component_is_a_service_only_as_a_leaf_of_one_composition() -> None:
    doc = Exchange()
    for identifier in ("suite", "app", "module", "shared", "p1", "p2"):
        doc.element(identifier, "ApplicationComponent")
    doc.relationship("c1", "Composition", "suite", "app").relationship("c2", "Composition", "app", "module")
    doc.relationship("c3", "Composition", "p1", "shared").relationship("c4", "Composition", "p2", "shared")
    model = doc.load()
    assert [e.id for e in model.elements(ElementKind.SERVICE)] == ["module"]
    assert [(r.source, r.target) for r in model.relations(RelationKind.CONTAINS)] == [("app", "module")]
    assert model.exchange is not None
    assert set(model.exchange.relationships) == {"c1", "c3", "c4"}


def test_steelframe_markers_give_back_exact_items() -> None:
    doc = Exchange()
    doc.element("erp", "ApplicationComponent", "ERP", {"steelframe.kind": "system", "steelframe.legacy": "true",
                                                       "steelframe.tags": '["legacy", "sap"]', "owner": "ops"})
    doc.element("ord", "ApplicationComponent", "Ordering", {"steelframe.kind": "context", "steelframe.domain": "core"})
    doc.element("tp", "TechnologyService", "orders", {"steelframe.kind": "topic", "steelframe.partitions": "12"})
    doc.element("tm", "BusinessActor", "Team A", {"steelframe.kind": "team"})
    doc.element("evt", "ApplicationEvent", "Placed",
                {"steelframe.kind": "event", "steelframe.eventClass": "integration"})
    command = {"steelframe.style": "command", "steelframe.synchronous": "false", "steelframe.topic": "tp",
               "steelframe.deadLetter": "replay"}
    doc.relationship("fl", "Flow", "ord", "erp", properties=command)
    doc.relationship("to", "Association", "tm", "ord", properties={"steelframe.relation": "team-owns"})
    model = doc.load()
    erp = model.element("erp")
    assert isinstance(erp, System) and erp.legacy and erp.tags == ["legacy", "sap"]
    assert erp.properties == {"owner": "ops"}
    ordering = model.element("ord")
    assert isinstance(ordering, Context) and str(ordering.domain) == "core"
    assert str(model.element("tp").kind) == "topic" and str(model.element("tm").kind) == "team"
    flow = model.relation("fl")
    assert isinstance(flow, Flow)
    assert (flow.style, flow.synchronous, flow.topic) == (FlowStyle.COMMAND, False, "tp")
    assert str(flow.dead_letter) == "replay"
    assert str(model.relation("to").kind) == "team-owns"


def test_what_steelframe_cannot_validate_stays_foreign() -> None:
    doc = Exchange()
    doc.element("a", "ApplicationComponent", "A").element("b", "ApplicationComponent", "B")
    doc.element("bad", "ApplicationComponent", "Bad", {"steelframe.kind": "context", "steelframe.domain": "galactic"})
    doc.element("odd", "DataObject", "Odd", {"steelframe.kind": "context"})  # a context is not a DataObject
    doc.element("ev", "ApplicationEvent", "E", {"steelframe.retention": "a week"})
    doc.relationship("f1", "Flow", "a", "b", properties={"steelframe.event": "bad"})  # names a foreign element
    doc.relationship("f2", "Flow", "a", "b", properties={"steelframe.style": "event", "steelframe.synchronous": "true"})
    doc.relationship("o1", "Access", "a", "ev", properties={"steelframe.relation": "owns"})  # owns ends at a fact
    doc.relationship("f3", "Flow", "a", "b")
    model = doc.load()
    assert {e.id for e in model.elements()} == {"a", "b"}
    assert [r.id for r in model.relations()] == ["f3"]
    assert model.exchange is not None
    assert set(model.exchange.elements) == {"bad", "odd", "ev"}
    assert set(model.exchange.relationships) == {"f1", "f2", "o1"}


def test_foreign_properties_are_kept_by_definition_name() -> None:
    doc = Exchange()
    doc.element("f", "DataObject", "Invoice", {"steelframe.personalData": "true", "Owner": "finance", "cost": "3"})
    model = doc.load()
    fact = model.element("f")
    assert isinstance(fact, Fact) and fact.personal_data
    assert fact.properties == {"Owner": "finance", "cost": "3"}


# ------------------------------------------------------------------------------------------ views


def test_diagrams_become_views_with_bounds_and_routes() -> None:
    doc = Exchange()
    doc.element("a", "ApplicationComponent").element("b", "ApplicationComponent").element("db", "SystemSoftware")
    doc.element("role", "BusinessRole")
    doc.relationship("f", "Flow", "a", "b").relationship("u", "Serving", "db", "a")
    body = (node("na", "a", (10, 20, 300, 200), inner=node("nb", "b", (40, 60))) + node("na2", "a", (500, 500))
            + node("ndb", "db", (400, 0)) + node("nr", "role", (0, 400))
            + connection("cf", "f", "na", "nb", [(50, 70)])
            + connection("cu", "u", "ndb", "na", [(1, 2), (3, 4)]))
    doc.view("v1", "Main", body)
    model = doc.load()
    assert [(v.id, v.name) for v in model.views()] == [("v1", "Main")]
    assert model.layouts("v1") == {
        "a": Bounds(x=10, y=20, w=300, h=200),  # the first of its two nodes
        "b": Bounds(x=40, y=60, w=120, h=55),  # nested: still absolute
        "db": Bounds(x=400, y=0, w=120, h=55),
        "f": Route(bends=[Point(x=50, y=70)]),
        "u": Route(bends=[Point(x=3, y=4), Point(x=1, y=2)]),  # drawn datastore -> user, routed user -> datastore
    }
    assert model.exchange is not None
    assert 'identifier="nr"' in model.exchange.diagrams["v1"]


# ------------------------------------------------------------------------------------------ archive


def test_what_steelframe_does_not_model_is_kept_as_xml() -> None:
    model = import_archimate(sample("03"))
    archive = model.exchange
    assert archive is not None
    assert [etree.fromstring(raw).tag for raw in archive.header] == [NS + "name", NS + "documentation",
                                                                    NS + "properties"]
    assert archive.metadata is not None and "<dc:creator>Phil Beauvoir</dc:creator>" in archive.metadata
    assert sorted(archive.property_definitions) == [f"propid-{n}" for n in range(1, 7)]
    assert archive.organizations is not None and archive.organizations.count("<item") == 344
    assert archive.viewpoints is None
    for raw in [*archive.elements.values(), *archive.relationships.values(), *archive.originals.values(),
                *archive.diagrams.values(), *archive.property_definitions.values()]:
        assert etree.fromstring(raw) is not None
        assert "xmlns:dc" not in raw  # only the namespaces a fragment uses are declared


def test_fragments_declare_the_namespaces_they_use() -> None:
    root = etree.fromstring(
        f'<model xmlns="{NAMESPACE}" xmlns:xsi="{XSI}" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        f'xmlns:x="urn:x"><name>n</name><x:extra x:a="1"/><elements><element xsi:type="Goal"/></elements></model>'
    )
    name, extra, elements = root
    assert fragment(name) == f'<name xmlns="{NAMESPACE}">n</name>'
    assert fragment(extra) == f'<x:extra xmlns:x="urn:x" xmlns="{NAMESPACE}" x:a="1"/>'
    assert fragment(elements[0]) == f'<element xmlns="{NAMESPACE}" xmlns:xsi="{XSI}" xsi:type="Goal"/>'


SECTIONS = [("elements", "elements", "element"), ("relationships", "relationships", "relationship"),
            ("views/diagrams", "views", "view")]


@pytest.mark.parametrize("path", valid_samples(), ids=lambda p: p.name[:2])
def test_fragments_cut_from_one_serialization_are_those_of_each_child(path: Path) -> None:
    root = etree.parse(str(path)).getroot()
    for section_path, serialized, local in SECTIONS:
        section = root.find("/".join(NS + part for part in section_path.split("/")))
        if section is None:
            continue
        cut = Serialized(root.find(NS + serialized)).cut(local, len(section))
        assert cut == [fragment(child) for child in section], (path.name, local)


CUT = f"""<model xmlns="{NAMESPACE}" xmlns:xsi="{XSI}"{{declarations}}><name>n</name><elements>
  <element identifier="a" xsi:type="Goal"><name>A &amp; B</name></element>
  <element identifier="b" xsi:type="Node">{{inside}}</element>
</elements></model>"""


@pytest.mark.parametrize("declarations, inside, cut", [
    ("", "<name>x</name>", True),
    (' xmlns:dc="urn:dc"', "<name>x</name>", True),  # declared, unused: dropped either way
    (' xmlns:dc="urn:dc"', "<name>dc:title</name>", False),  # reads as used: fragment() decides
    ("", "<!-- note --><name>x</name>", False),
    ("", '<name xmlns:x="urn:x">x</name>', False),
    (' xmlns:http="urn:h"', "<name>x</name>", False),  # "http:" in every namespace URI
])
def test_a_section_is_cut_only_where_that_gives_the_fragments(declarations: str, inside: str, cut: bool) -> None:
    root = etree.fromstring(CUT.format(declarations=declarations, inside=inside))
    section = root.find(NS + "elements")
    found = Serialized(section).cut("element", len(section))
    assert (found is not None) == cut
    assert child_fragments(section, "element") == [fragment(child) for child in section]


def test_several_organizations_are_merged_and_extensions_kept_in_the_header() -> None:
    doc = Exchange()
    doc.element("a", "ApplicationComponent")
    doc.extra = '<documentation>About</documentation><x:note xmlns:x="urn:x">kept</x:note>'
    text = doc.xml().replace(
        "</elements>",
        '</elements><organizations><item><label>One</label><item identifierRef="a"/></item></organizations>'
        "<organizations><item><label>Two</label></item></organizations>",
    )
    model = import_archimate_bytes(text.encode(), "t.xml")
    archive = model.exchange
    assert archive is not None
    assert archive.organizations is not None
    merged = etree.fromstring(archive.organizations)
    assert [item[0].text for item in merged] == ["One", "Two"]
    assert len(archive.header) == 3 and "urn:x" in archive.header[2]
    assert model.settings.description == "About"


def test_an_imported_model_starts_with_nothing_to_undo_and_edits_like_any_other() -> None:
    model = foreign_estate().load()
    history = History(model)
    seen: list[Committed] = []
    model.subscribe(seen.append)
    assert not history.can_undo and not model.in_transaction
    assert model.exchange is not None
    element = model.elements()[0]
    with model.transaction("Rename"):
        model.update_element(element.id, name="Renamed")
    assert [c.label for c in seen] == ["Rename"]
    history.undo()
    assert model.element(element.id) == element


@pytest.mark.parametrize("encoding", ["windows-1252", "iso-8859-1", "utf-16"])
def test_the_declared_encoding_is_honoured(encoding: str) -> None:
    doc = Exchange(name="Café €" if encoding == "windows-1252" else "Café")
    doc.element("a", "ApplicationComponent", "Zürich")
    text = doc.xml().replace('encoding="UTF-8"', f'encoding="{encoding}"')
    model = import_archimate_bytes(text.encode(encoding), "t.xml")
    assert model.name == doc.name
    assert model.element("a").name == "Zürich"


def test_viewpoints_are_kept_and_may_be_referred_to() -> None:
    doc = Exchange()
    doc.element("a", "ApplicationComponent").view("v", "Main", node("na", "a", (0, 0)))
    viewpoint = ('<viewpoints><viewpoint identifier="vp"><name>Contexts</name><concern><label>Who talks to whom'
                 "</label></concern><viewpointPurpose>Designing Deciding</viewpointPurpose>"
                 '<allowedElementType type="ApplicationComponent"/></viewpoint></viewpoints>')
    text = doc.xml().replace("<views>", f"<views>{viewpoint}")
    text = text.replace('identifier="v"', 'identifier="v" viewpointRef="vp"')
    model = import_archimate_bytes(text.encode(), "t.xml")
    assert model.exchange is not None and model.exchange.viewpoints is not None
    assert etree.fromstring(model.exchange.viewpoints)[0].get("identifier") == "vp"
    assert model.layouts("v") == {"a": Bounds(x=0, y=0, w=120, h=55)}
