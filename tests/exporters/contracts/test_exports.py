"""``export --to asyncapi`` and ``--to backstage``: valid against the official schemas, and read back
by the contract readers to the same flows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporters.contracts import read_contracts
from exporters.contracts.asyncapi.writing import asyncapi_documents
from exporters.contracts.backstage.writing import catalog_entities
from exporters.contracts.drift import check_drift
from exporters.contracts.mapping import plan_estate
from exporters.registry import ExportOptions, export
from model.elements import Context, Event, Service, Team, Topic
from model.errors import ModelError
from model.relations import Contains, Flow, TeamOwns
from model.store import Model
from model.templates import build_template
from model.vocabulary import ElementKind, FlowStyle, RelationKind
from tests.exporters.contracts.reference import require_contracts
from tests.exporters.contracts.schemas import asyncapi_errors, backstage_errors

TEMPLATES = ("retail", "insurer")


@pytest.mark.parametrize("template", TEMPLATES)
def test_asyncapi_documents_are_valid_asyncapi_3(template: str) -> None:
    require_contracts()
    documents = asyncapi_documents(build_template(template))
    assert documents
    for name, document in documents.items():
        assert asyncapi_errors(document) == [], name


@pytest.mark.parametrize("template", TEMPLATES)
def test_catalog_entities_are_valid_for_their_kind(template: str) -> None:
    require_contracts()
    entities = catalog_entities(build_template(template))
    assert {"Group", "Component", "API", "Resource"} <= {e["kind"] for e in entities}
    for entity in entities:
        assert backstage_errors(entity) == [], entity["metadata"]["name"]


def _flows(model: Model) -> set[tuple[str, str, str, str, str]]:
    """Flows between boundaries, at their level, with the names of their event and topic."""
    def name(item_id: str | None) -> str:
        return model.element(item_id).name if item_id else ""

    def boundary(element_id: str) -> str:
        return model.container_of(element_id) or element_id

    return {
        (boundary(f.source), boundary(f.target), str(f.style), name(f.event), name(f.topic))
        for f in model.relations(RelationKind.FLOW)
        if isinstance(f, Flow) and (f.style is FlowStyle.EVENT or f.is_synchronous)
        and boundary(f.source) != boundary(f.target)
    }


def _read_back(model: Model, folder: Path) -> Model:
    export(model, "asyncapi", folder / "events", ExportOptions())
    export(model, "backstage", folder / "catalog", ExportOptions())
    plan = plan_estate(read_contracts([str(folder / "events"), str(folder / "catalog")]))
    read = Model()
    with read.transaction("read"):
        for element in plan.elements.values():
            read.add_element(element)
        for relation in plan.relations.values():
            read.add_relation(relation)
    return read


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_template_reads_back_to_its_flows_and_has_no_drift_but_undeclared_flows(template: str,
                                                                                  tmp_path: Path) -> None:
    model = build_template(template)
    again = _read_back(model, tmp_path)
    assert {(s, t, st_) for s, t, st_, _, _ in _flows(again)} == {(s, t, st_) for s, t, st_, _, _ in _flows(model)}
    events = {f for f in _flows(model) if f[2] == "event"}
    assert events <= _flows(again)
    estate = read_contracts([str(tmp_path / "events"), str(tmp_path / "catalog")])
    drift = [d.violation for d in check_drift(model, estate)]
    undeclared = {f.id for f in model.relations(RelationKind.FLOW) if isinstance(f, Flow)
                  and f.style is FlowStyle.UNDECLARED}
    assert all(v.rule == "SF102" and v.elements[0] in undeclared for v in drift), drift


NAMES = st.sampled_from(["Orders", "Billing", "Stock", "Pricing", "Claims", "Party", "Quotes", "Ledger"])


@st.composite
def models(draw: st.DrawFn) -> Model:
    """Contexts (some with a service and a team), topics, events, event flows and synchronous flows."""
    count = draw(st.integers(2, 6))
    model = Model()
    with model.transaction("generate"):
        contexts = [f"ctx-{i}" for i in range(count)]
        for i, context in enumerate(contexts):
            model.add_element(Context(id=context, name=f"{draw(NAMES)} {i}"))
            if draw(st.booleans()):
                model.add_element(Service(id=f"svc-{i}", name=f"{draw(NAMES)} api {i}"))
                model.add_relation(Contains(id=f"contains-{i}", source=context, target=f"svc-{i}"))
            if draw(st.booleans()):
                model.add_element(Team(id=f"team-{i}", name=f"Team {i}"))
                model.add_relation(TeamOwns(id=f"owns-{i}", source=f"team-{i}", target=context))
        ends = [e.id for e in model.elements() if e.id.startswith(("ctx-", "svc-"))]
        pairs = st.tuples(st.sampled_from(ends), st.sampled_from(ends))
        for n, (source, target) in enumerate(draw(st.lists(pairs, max_size=8))):
            if (model.container_of(source) or source) == (model.container_of(target) or target):
                continue
            style = draw(st.sampled_from([FlowStyle.EVENT, FlowStyle.QUERY, FlowStyle.COMMAND]))
            attributes = {}
            if style is FlowStyle.EVENT:
                topic, event = f"topic-{n}", f"event-{n}"
                model.add_element(Topic(id=topic, name=f"{draw(NAMES).lower()}.{n}"))
                model.add_element(Event(id=event, name=f"{draw(NAMES)}Changed{n}", schema_version=draw(
                    st.sampled_from([None, "1", "2.1"]))))
                attributes = {"topic": topic, "event": event}
            model.add_relation(Flow(id=f"flow-{n}", source=source, target=target, style=style, **attributes))
    return model


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(model=models())
def test_reading_our_own_exports_gives_back_the_same_flows(model: Model,
                                                           tmp_path_factory: pytest.TempPathFactory) -> None:
    again = _read_back(model, tmp_path_factory.mktemp("contracts"))

    def styled(flows: set[tuple[str, str, str, str, str]]) -> set[tuple[str, str, str, str, str]]:
        return {(s, t, st_, e, tp) if st_ == "event" else (s, t, st_, "", "") for s, t, st_, e, tp in flows}
    assert styled(_flows(again)) == styled(_flows(model))


def test_an_export_refuses_a_view_and_a_file_for_a_folder(tmp_path: Path) -> None:
    model = build_template("retail")
    with pytest.raises(ModelError, match="--view applies to diagram formats"):
        export(model, "asyncapi", tmp_path / "x", ExportOptions(view="anything"))
    (tmp_path / "file").write_text("")
    with pytest.raises(ModelError, match="is a file"):
        export(model, "asyncapi", tmp_path / "file", ExportOptions())


def test_backstage_writes_one_file_when_asked_for_a_yaml_file(tmp_path: Path) -> None:
    export(build_template("retail"), "backstage", tmp_path / "all.yaml", ExportOptions())
    kinds = [d["kind"] for d in yaml.safe_load_all((tmp_path / "all.yaml").read_text())]
    assert kinds.count("Group") == len(build_template("retail").elements(ElementKind.TEAM))
