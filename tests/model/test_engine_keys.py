"""Every read a rule can make is followed by the change that alters it: no violation is left stale.

Each probe rule reads one thing through the Reader for the context "a", which no edit touches, so
only the dependency key of that read can bring "a" back for re-evaluation. A key that the reader and
the indexes spell differently leaves the probe's violation stale, and the comparison with a full
check fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

from model.engine import Engine, Finding, Params, Reader, Rule, check_model
from model.settings import Waiver
from model.vocabulary import DecisionStatus, RelationKind, Severity
from tests.builders import Builder

Read = Callable[[Reader], object]
Edit = Callable[[Builder], None]


def _rename_x(b: Builder) -> None:
    with b.model.transaction("Rename"):
        b.model.update_element("x", name="Renamed")


def _restyle_r1(b: Builder) -> None:
    with b.model.transaction("Restyle"):
        b.model.update_relation("r1", style="command")


def _justify_w1(b: Builder) -> None:
    with b.model.transaction("Justify"):
        b.model.update_waiver("w1", justification="agreed in the workshop")


def _waive_b(b: Builder) -> None:
    with b.model.transaction("Waive"):
        b.model.add_waiver(Waiver(id="w2", decision="d", rule="X-PROBE", elements=["b"]))


PROBES: dict[str, tuple[Read, Edit]] = {
    "element": (lambda r: r.element("x"), _rename_x),
    "relation": (lambda r: r.relation("r1"), _restyle_r1),
    "outgoing": (lambda r: r.outgoing("x", RelationKind.FLOW), lambda b: b.flow("x", "c", "r2")),
    "incoming": (lambda r: r.incoming("x", RelationKind.FLOW), lambda b: b.flow("c", "x", "r2")),
    "flows referencing": (
        lambda r: r.flows_referencing("ev"), lambda b: b.flow("b", "c", "r2", style="event", event="ev")
    ),
    "waiver": (lambda r: r.waiver("w1"), _justify_w1),
    "waiving decision": (lambda r: r.waiving_decision("X-PROBE", ("b",)), _waive_b),
    "sync out": (lambda r: r.sync_out("b"), lambda b: b.flow("b", "c", "r2", style="query")),
    "sync in": (lambda r: r.sync_in("c"), lambda b: b.flow("b", "c", "r2", style="query")),
    "sync cycle": (lambda r: r.sync_cycle("b"), lambda b: b.flow("b", "x", "r2", style="query")),
    "sync in, by containment": (lambda r: r.sync_in("c"), lambda b: b.contains("c", "s", "k2")),
}


def _estate() -> Builder:
    builder = Builder()
    for context in ("a", "b", "c", "x"):
        builder.context(context)
    builder.service("s")
    builder.event("ev")
    builder.decision("d", status=DecisionStatus.ACCEPTED)
    builder.flow("x", "b", "r1", style="query")
    builder.flow("b", "x", "r3", style="event")
    builder.flow("b", "s", "r4", style="query")
    builder.waiver("w1", "d", "X-PROBE", ["c"])
    return builder


def _probe(read: Read) -> Rule:
    def check(reader: Reader, subject: str, params: Params) -> Iterable[Finding]:
        return [Finding(repr(read(reader)), ("a",))] if subject == "a" else []

    return Rule("X-PROBE", "probe", Severity.INFO, ("context",), check)


@pytest.mark.parametrize("name", list(PROBES))
def test_a_change_to_what_a_rule_read_reevaluates_it(name: str) -> None:
    read, edit = PROBES[name]
    builder = _estate()
    rules = [_probe(read)]
    engine = Engine(builder.model, rules)
    before = engine.violations()
    edit(builder)
    after = check_model(builder.model, rules)
    assert [v.message for v in after] != [v.message for v in before], "the edit must change what the probe reads"
    assert engine.violations() == after
