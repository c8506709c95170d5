"""Generated models export schema-valid, with allowed relationships, a node per drawn element, a
connection per drawn relation, and the same bytes whatever order the model was built in."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from exporters.archimate.mapping import ELEMENT_TYPES, NAMESPACE, XSI
from exporters.archimate.writing.export import export_archimate
from model.elements import ELEMENT_CLASSES
from model.fileformat import from_json, to_json
from model.relations import RELATION_CLASSES, relations_between
from model.settings import Settings
from model.store import Model
from model.views import Bounds, Point, Route, ViewInfo
from model.vocabulary import (
    Compatibility,
    Consistency,
    Coordination,
    DatastoreUsage,
    DeadLetterPolicy,
    DomainClass,
    ElementKind,
    EventClass,
    FlowStyle,
    Lifecycle,
    RelationKind,
)
from tests.archimate_reference import require_reference
from tests.exporters.archimate.test_archimate_export import NS, assert_valid
from tests.exporters.archimate.test_archimate_export_foreign import imported_then_edited

K = ElementKind
IDS = st.from_regex(r"[A-Za-z_][A-Za-z0-9_.\-]{0,8}", fullmatch=True)
TEXT = st.text(max_size=12)
COORDINATE = st.floats(min_value=-2000, max_value=4000, allow_nan=False, allow_infinity=False)
SIZE = st.floats(min_value=0.01, max_value=600, allow_nan=False, allow_infinity=False)
FRACTION = st.floats(min_value=0, max_value=0.9, allow_nan=False)
EXTRA: dict[ElementKind, dict[str, st.SearchStrategy[Any]]] = {
    K.CONTEXT: {"domain": st.none() | st.sampled_from(DomainClass), "lifecycle": st.sampled_from(Lifecycle),
                "tags": st.lists(TEXT, max_size=2)},
    K.SYSTEM: {"legacy": st.booleans()},
    K.FACT: {"personal_data": st.booleans()},
    K.DATASTORE: {"usage": st.sampled_from(DatastoreUsage)},
    K.EVENT: {"event_class": st.sampled_from(EventClass), "schema_version": st.none() | TEXT,
              "compatibility": st.none() | st.sampled_from(Compatibility),
              "retention": st.sampled_from([None, "P1D", "PT5M"])},
    K.TOPIC: {"partitions": st.none() | st.integers(1, 64), "retention": st.sampled_from([None, "P7D"])},
    K.SAGA: {"coordination": st.sampled_from(Coordination), "compensation": st.booleans()},
    K.INVARIANT: {"statement": TEXT, "consistency": st.sampled_from(Consistency)},
    K.RECONCILIATION: {"schedule": TEXT},
    K.NOTE: {"text": TEXT},
}
FLOW_SYNCHRONY = {FlowStyle.QUERY: [None, True], FlowStyle.COMMAND: [None, True, False],
                  FlowStyle.EVENT: [None, False], FlowStyle.UNDECLARED: [None]}


@st.composite
def models(draw: st.DrawFn) -> Model:
    model = Model(Settings(name=draw(TEXT), description=draw(TEXT), language=draw(st.sampled_from([None, "en", "de"]))))
    with model.transaction("generate"):
        _elements(draw, model)
        _relations(draw, model)
        _views(draw, model)
    return model


#: Every kind, participants of flows more often (most relation kinds start or end at one).
KINDS = [*ElementKind, K.CONTEXT, K.CONTEXT, K.CONTEXT, K.SERVICE, K.SERVICE, K.ACL, K.SYSTEM, K.FACT]


def _elements(draw: st.DrawFn, model: Model) -> None:
    for element_id in draw(st.lists(IDS, min_size=2, max_size=18, unique=True)):
        kind = draw(st.sampled_from(KINDS))
        attributes = draw(st.fixed_dictionaries(EXTRA.get(kind, {})))
        properties = draw(st.dictionaries(TEXT, TEXT, max_size=2))
        model.add_element(ELEMENT_CLASSES[kind](id=element_id, name=draw(TEXT), description=draw(TEXT),
                                                properties=properties, **attributes))


def _relations(draw: st.DrawFn, model: Model) -> None:
    """Relations of random kinds between elements their kind may join (relations_between)."""
    elements = sorted(model.elements(), key=lambda e: e.id)
    facts = [e.id for e in elements if e.kind is K.FACT]
    pairs = [(s, t, kinds) for s in elements for t in elements
             if s.id != t.id and (kinds := relations_between(s.kind, t.kind))]
    if not pairs:
        return
    base = draw(IDS)
    for n, ((source, target, kinds), choice) in enumerate(
            draw(st.lists(st.tuples(st.sampled_from(pairs), st.integers(0, 11)), min_size=1, max_size=25))):
        kind, relation_id = kinds[choice % len(kinds)], f"{base}{n}"
        if model.is_known_id(relation_id) or (kind is RelationKind.CONTAINS and model.container_of(target.id)):
            continue
        attributes: dict[str, Any] = {"name": draw(TEXT), "properties": draw(st.dictionaries(TEXT, TEXT, max_size=1))}
        if kind is RelationKind.FLOW:
            style = draw(st.sampled_from(FlowStyle))
            attributes.update(style=style, synchronous=draw(st.sampled_from(FLOW_SYNCHRONY[style])),
                              carries=draw(st.lists(st.sampled_from(facts), max_size=2, unique=True)) if facts else [],
                              dead_letter=draw(st.sampled_from(DeadLetterPolicy)), idempotent=draw(st.booleans()))
        model.add_relation(RELATION_CLASSES[kind](id=relation_id, source=source.id, target=target.id, **attributes))


def _views(draw: st.DrawFn, model: Model) -> None:
    elements = sorted(e.id for e in model.elements())
    relations = sorted(r.id for r in model.relations())
    for view_id in draw(st.lists(IDS, min_size=1, max_size=3, unique=True)):
        if model.is_known_id(view_id):
            continue
        model.add_view(ViewInfo(id=view_id, name=draw(TEXT), documentation=draw(TEXT)))
        for element_id in draw(st.lists(st.sampled_from(elements), unique=True)):
            model.place(view_id, element_id, Bounds(x=draw(COORDINATE), y=draw(COORDINATE), w=draw(SIZE), h=draw(SIZE)))
        for element_id in elements:  # services and ACLs drawn inside their context's box, now and then
            holder = model.container_of(element_id)
            if holder is None or not draw(st.booleans()):
                continue
            if model.layout(view_id, holder) is None:
                model.place(view_id, holder, Bounds(x=draw(COORDINATE), y=draw(COORDINATE), w=draw(SIZE), h=draw(SIZE)))
            outer = model.layout(view_id, holder)
            if isinstance(outer, Bounds):
                fx, fy = draw(FRACTION), draw(FRACTION)
                model.place(view_id, element_id, Bounds(x=outer.x + fx * outer.w, y=outer.y + fy * outer.h,
                                                        w=(1 - fx) * outer.w, h=(1 - fy) * outer.h))
        if relations:
            for relation_id in draw(st.lists(st.sampled_from(relations), unique=True)):
                bends = draw(st.lists(st.builds(Point, x=COORDINATE, y=COORDINATE), max_size=3))
                model.route(view_id, relation_id, Route(bends=bends))


def expected_drawing(model: Model, view_id: str) -> tuple[int, int, int]:
    """(element nodes, label nodes, connections) a view's diagram must hold."""
    layouts = model.layouts(view_id)
    placed = {i for i, layout in layouts.items() if isinstance(layout, Bounds)}
    kinds = {i: model.element(i).kind for i in placed}
    drawn = {i for i, kind in kinds.items() if kind in ELEMENT_TYPES}
    routed = [model.relation(i) for i, layout in layouts.items() if isinstance(layout, Route)]
    connections = [r for r in routed if r.source in drawn and r.target in drawn]
    return len(drawn), sum(kind is K.NOTE for kind in kinds.values()), len(connections)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_generated_models_export_valid_and_deterministic(model: Model) -> None:
    require_reference()
    data = export_archimate(model)
    root = assert_valid(data)
    assert export_archimate(model) == data
    assert export_archimate(from_json(to_json(model))) == data
    for view in model.views():
        diagram = root.find(f"a:views/a:diagrams/a:view[@identifier='{view.id}']", NS)
        nodes = diagram.findall(".//a:node", NS)
        drawn = (sum(n.get(f"{{{XSI}}}type") == "Element" for n in nodes),
                 sum(n.get(f"{{{XSI}}}type") == "Label" for n in nodes), len(diagram.findall("a:connection", NS)))
        assert drawn == expected_drawing(model, view.id)
        for node in diagram.iterfind(".//a:node/a:node", NS):  # nested: a service or ACL in its own context
            assert model.container_of(node.get("elementRef")) == node.getparent().get("elementRef")
    has_lang = model.settings.language is not None
    names = root.iter(f"{{{NAMESPACE}}}name")
    assert all((n.get("{http://www.w3.org/XML/1998/namespace}lang") is not None) == has_lang for n in names
               if n.getparent().tag != f"{{{NAMESPACE}}}propertyDefinition")


EDITS = st.lists(st.one_of(
    st.tuples(st.just("remove"), st.sampled_from(["ctx-a", "ctx-b", "svc-new"])),
    st.tuples(st.just("unplace"), st.sampled_from(["ctx-a", "ctx-b", "svc-new"])),
    st.tuples(st.just("move"), st.sampled_from(["ctx-a", "ctx-b", "svc-new"]), COORDINATE, COORDINATE, SIZE, SIZE),
    st.tuples(st.just("unroute"), st.sampled_from(["rel-serving", "rel-new"])),
    st.tuples(st.just("route"), st.sampled_from(["rel-serving", "rel-new", "rel-trig"]),
              st.lists(st.builds(Point, x=COORDINATE, y=COORDINATE), max_size=2)),
    st.tuples(st.just("drop view"), st.just("view-1")),
    st.tuples(st.just("language"), st.sampled_from([None, "en", "de", "fr"])),
), max_size=6)


def _apply(model: Model, edit: tuple[Any, ...]) -> None:
    action, target = edit[0], edit[1]
    present = model.is_known_id(target) if action not in ("language",) else True
    if not present:
        return
    if action == "remove":
        model.remove_element(target)
    elif action == "unplace" and model.layout("view-1", target) is not None:
        model.unplace("view-1", target)
    elif action == "move" and "view-1" in {v.id for v in model.views()}:
        model.place("view-1", target, Bounds(x=edit[2], y=edit[3], w=edit[4], h=edit[5]))
    elif action == "unroute" and model.layout("view-1", target) is not None:
        model.unplace("view-1", target)
    elif action == "route" and "view-1" in {v.id for v in model.views()}:
        model.route("view-1", target, Route(bends=edit[2]))
    elif action == "drop view":
        model.remove_view(target)
    elif action == "language":
        model.update_settings(language=target)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITS)
def test_edits_after_an_import_still_export_valid(edits: list[tuple[Any, ...]]) -> None:
    require_reference()
    model = imported_then_edited()
    with model.transaction("edits"):
        for edit in edits:
            _apply(model, edit)
    data = export_archimate(model)
    root = assert_valid(data)
    assert export_archimate(model) == data
    identifiers = [e.get("identifier") for e in root.iter() if isinstance(e.tag, str) and e.get("identifier")]
    assert len(identifiers) == len(set(identifiers))
    etree.tostring(root, method="c14n")
