"""The workshop capture language: one typed line becomes one planned change of the model.

``parse`` reads a line, ``plan`` checks it against the model without changing anything (so the
field can say what Enter will do while the facilitator types), and ``apply`` makes the change inside
the caller's transaction. Nothing here knows about Qt.
"""

from model.capture.apply import apply
from model.capture.language import AddElement, AddFlow, AddRelation, CaptureError, Statement, parse
from model.capture.plan import Defaults, End, NewElement, NewRelation, Plan, plan

__all__ = [
    "AddElement", "AddFlow", "AddRelation", "CaptureError", "Defaults", "End", "NewElement", "NewRelation",
    "Plan", "Statement", "apply", "parse", "plan",
]
