"""Raw model-file contents for tests: small helpers that write the JSON, and files that must be refused."""

from __future__ import annotations

import json
from typing import Any

from model.fileformat import FORMAT_VERSION


def document(**parts: Any) -> str:
    return json.dumps({"format": 1, **parts})


def ctx(element_id: str, **attributes: Any) -> dict[str, Any]:
    return {"id": element_id, "kind": "context", **attributes}


def rel(kind: str, source: str, target: str, relation_id: str = "r", **attributes: Any) -> dict[str, Any]:
    return {"id": relation_id, "kind": kind, "source": source, "target": target, **attributes}


FACT = {"id": "f", "kind": "fact"}
SERVICE = {"id": "s", "kind": "service"}

#: (case, file content, the reason the one-line message must contain)
BAD_CONTENT: list[tuple[str, bytes, str]] = [
    ("empty", b"", "is empty"),
    ("not-utf8", b'{"format": 1, "settings": {"name": "\xff\xfe"}}', "not UTF-8 text (byte 0xff at offset 36)"),
    ("not-json", b'{\n  "format": 1,\n  oops\n}\n', "not valid JSON: Expecting property name enclosed in double "
                                                       "quotes at line 3 column 3"),
    ("nan", b'{"format": 1, "x": NaN}', "NaN is not a JSON number"),
    ("not-an-object", b"[1, 2]", "$: expected a JSON object with a format version, got an array"),
    ("no-format", b'{"elements": []}', "$.format: missing"),
    ("format-not-a-number", b'{"format": "1"}', '$.format: expected a whole number, got "1"'),
    ("format-unknown", b'{"format": 0}',
     f"$.format: unknown format version 0 (this version reads up to {FORMAT_VERSION})"),
    ("format-newer", b'{"format": 7}',
     f"written by a newer Steelframe (format 7; this version reads up to {FORMAT_VERSION})"),
    ("unknown-kind", document(elements=[ctx("a"), {"id": "b", "kind": "widget"}]).encode(),
     '$.elements[1].kind: Input should be one of acl, context,'),
    ("missing-kind", document(elements=[{"id": "a"}]).encode(), "$.elements[0].kind: Field required"),
    ("unknown-attribute", document(elements=[ctx("a", colour="red")]).encode(),
     "$.elements[0].colour: Extra inputs are not permitted"),
    ("bad-id", document(elements=[ctx("1st")]).encode(), "$.elements[0].id: String should match pattern"),
    ("bad-duration", document(elements=[{"id": "e", "kind": "event", "retention": "a week"}]).encode(),
     "$.elements[0].retention: 'a week' is not an ISO 8601 duration"),
    ("bad-flow", document(relations=[rel("flow", "a", "b", style="event", synchronous=True)]).encode(),
     "$.relations[0]: an event flow is never synchronous"),
    ("bad-settings", document(settings={"rules": {"SF005": {"enabled": "sometimes"}}}).encode(),
     "$.settings.rules.SF005.enabled: Input should be a valid boolean"),
    ("bad-custom-rule", document(settings={"custom_rules": [{"type": "forbid-all", "id": "x", "title": "t"}]}).encode(),
     "$.settings.custom_rules[0].type: Input should be one of forbid-flow, require-attribute"),
    ("bad-bounds", document(elements=[ctx("a")], views=[{"id": "v", "name": "V", "nodes": {"a": {"x": 0}}}]).encode(),
     "$.views[0].nodes.a.y: Field required"),
    ("bad-node-key", document(views=[{"id": "v", "name": "V", "nodes": {"1bad": {"x": 0, "y": 0}}}]).encode(),
     "$.views[0].nodes.1bad: '1bad' is not a valid key: String should match pattern"),
    ("duplicate-id", document(elements=[ctx("a"), FACT], waivers=[
        {"id": "f", "decision": "d", "rule": "SF001", "elements": []}]).encode(),
     "$.waivers[0].id: the id 'f' is already used by $.elements[1]"),
    ("dangling-endpoint", document(elements=[ctx("a")], relations=[rel("owns", "a", "ghost")]).encode(),
     "$.relations[0].target: 'ghost' is not an element of the model"),
    ("endpoint-kind", document(elements=[ctx("a"), FACT], relations=[rel("owns", "f", "a")]).encode(),
     "$.relations[0].source: an owns relation starts at a context, not at a fact"),
    ("self-relation", document(elements=[ctx("a")], relations=[rel("flow", "a", "a")]).encode(),
     "$.relations[0].target: a flow relation joins two different elements"),
    ("dangling-reference", document(elements=[ctx("a"), ctx("b")],
                                    relations=[rel("flow", "a", "b", event="ghost")]).encode(),
     "$.relations[0].event: flow 'r': event names 'ghost', which is not in the model"),
    ("ill-typed-reference", document(elements=[ctx("a"), ctx("b")],
                                     relations=[rel("flow", "a", "b", carries=["b"])]).encode(),
     "$.relations[0].carries[0]: flow 'r': carries must name a fact, not a context"),
    ("ill-typed-supersedes",
     document(elements=[{"id": "d", "kind": "decision", "supersedes": ["a"]}, ctx("a")]).encode(),
     "$.elements[0].supersedes[0]: decision 'd': supersedes must name a decision, not a context"),
    ("contained-twice", document(elements=[ctx("a"), ctx("b"), SERVICE], relations=[
        rel("contains", "a", "s", "r1"), rel("contains", "b", "s", "r2")]).encode(),
     "$.relations[1].target: service 's' is already contained by another context ($.relations[0])"),
    ("unknown-view-node", document(views=[{"id": "v", "name": "V", "nodes": {"ghost": {"x": 0, "y": 0}}}]).encode(),
     "$.views[0].nodes.ghost: 'ghost' is not an element of the model"),
    ("unknown-view-edge", document(elements=[ctx("a")], views=[{"id": "v", "name": "V", "edges": {"a": {}}}]).encode(),
     "$.views[0].edges.a: 'a' is not a relation of the model"),
]
