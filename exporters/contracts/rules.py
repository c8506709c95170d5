"""The drift rules (SF1xx): where the model and the running estate's contracts disagree.

They are not evaluated by the engine (a model alone cannot break them); ``drift.check_drift``
finds them against the contracts. The entries here carry their ids, titles and default severities
to ``steelframe rules`` and to the SARIF report's rule list.
"""

from __future__ import annotations

from collections.abc import Iterable

from model.engine import Rule
from model.engine.reader import Reader
from model.engine.rule import Finding, Params
from model.vocabulary import Severity


def _against_contracts(reader: Reader, subject: str, params: Params) -> Iterable[Finding]:
    """Never called: a drift rule has no subjects in the model (see ``drift.check_drift``)."""
    return ()


def _rule(rule_id: str, title: str, severity: Severity, rationale: str) -> Rule:
    return Rule(rule_id, title, severity, (), _against_contracts, rationale=rationale, origin="contracts")


DRIFT_RULES = (
    _rule("SF100", "Every application of the contracts is an element of the model", Severity.WARNING,
          "An application that matches nothing is running but not designed; mark it or model it."),
    _rule("SF101", "Every flow the contracts show is declared in the model", Severity.ERROR,
          "An undeclared producer or consumer is a dependency the architecture does not know about."),
    _rule("SF102", "Every flow across contexts that the model declares is backed by a contract", Severity.WARNING,
          "A declared flow no contract shows is either not built yet or constraint theater."),
    _rule("SF103", "The catalog's owner of a component is the model's team", Severity.WARNING,
          "Ownership decided in a workshop but not in the catalog is not ownership."),
    _rule("SF104", "Every topic is on both sides: in the contracts and in the model", Severity.WARNING,
          "A channel only one side knows is a flow path the other side cannot reason about."),
    _rule("SF105", "Every event is on both sides: in the contracts and in the model", Severity.WARNING,
          "A message only one side knows is a contract the other side cannot keep."),
    _rule("SF106", "An event's contract version is the model's schema version", Severity.WARNING,
          "Consumers built against one version break when the other is what runs."),
    _rule("SF107", "A datastore the catalog shows used by two contexts is shared in the model too", Severity.ERROR,
          "SF003 from reality: a database shared in production couples the contexts whatever the model says."),
)
