"""A model of awkward names and ids, for every diagram format: quotes, markup, brackets, unicode,
keywords of the target languages as ids, ids that clash once made legal, and flows the formats
find hard (two alike between one pair, one from a service to its own context).

The consumer checks (scripts/consumers/check_mermaid.sh, check_likec4.sh) feed it to the real tools.
"""

from __future__ import annotations

from model.store import Model
from model.views import Bounds, Route, ViewInfo
from tests.builders import Builder

ODD_NAMES = {
    "end": 'Quote "double" and \'single\'',
    "style": "<script>alert(1)</script> & <b>bold</b>",
    "class-x": "Brackets [x] (y) {z} |pipe| -->",
    "class_x": "Zürich \u2013 東京 🚀 ünïcode",
    "model": "#hash; semi; colon: #35; &amp; entities",
    "views": "back\\slash\\",
    "workspace": "${HOME} and `ticks`",
    "_1": "end",
}


def odd_model() -> Model:
    b = Builder()
    with b.model.transaction("name"):
        b.model.update_settings(name='Odd "names" <estate> & co', description="Every awkward character\nthere is")
    for context_id, name in ODD_NAMES.items():
        b.context(context_id, name=name, domain="core")
    b.context("a.b", name="", lifecycle="legacy")  # no name: the id stands in for it
    b.team("team", name='Team "A" <ops>')
    b.team_owns("team", "end")
    b.service("subgraph", name="Line\nbreak\r\nand\ttab")
    b.contains("end", "subgraph")
    b.acl("default", name="ACL {{hex}}")
    b.contains("style", "default")
    b.system("flowchart", name="Legacy ]] system", legacy=True)
    b.event("linkStyle", name='Order "placed" <v2>', event_class="integration", schema_version="2.0")
    b.publishes("end", "linkStyle")
    b.flow("subgraph", "style", name='Ask "why" [now]', style="query")
    b.flow("subgraph", "style", name='Ask "why" [now]', style="query")
    b.flow("end", "class-x", style="event", event="linkStyle")
    b.flow("class-x", "class_x", name="", style="command", synchronous=False)
    b.flow("default", "flowchart", name="→ legacy ←")
    b.flow("subgraph", "end", name="to its own context", style="command")
    b.flow("model", "views", name="#quot; not a quote", style="query")
    b.flow("workspace", "_1", name="end", style="event")
    b.flow("a.b", "model", name="${PATH}", style="command")
    _view(b.model, ViewInfo(id="index", name='View "one" <all>'), ["end", "subgraph", "style", "default", "class-x"])
    _view(b.model, ViewInfo(id="empty", name="Nothing here"), [])
    return b.model


def _view(model: Model, info: ViewInfo, shown: list[str]) -> None:
    with model.transaction(f"view {info.id}"):
        model.add_view(info)
        for number, element_id in enumerate(shown):
            model.place(info.id, element_id, Bounds(x=200.0 * number, y=0.0))
        for relation in model.relations():
            if relation.source in shown and relation.target in shown:
                model.route(info.id, relation.id, Route())
