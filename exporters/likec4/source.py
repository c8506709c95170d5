"""``to_likec4``: the specification, the model (services and ACLs nested in their contexts) and views.

Every Steelframe view becomes a LikeC4 view that includes exactly the elements it shows (LikeC4
draws the relationships between them and lays them out itself); ``index``, the view LikeC4 opens
first, shows the whole model.
"""

from __future__ import annotations

from exporters.diagram.labels import detail, is_legacy, name_of, relation_label
from exporters.diagram.scope import Scope, find_view, scope_of
from exporters.likec4.specification import LEGACY_TAG, specification
from exporters.likec4.text import RESERVED, names, string
from model.elements import ElementBase
from model.relations import Flow, RelationBase
from model.store import Model
from model.views import ViewInfo
from model.vocabulary import FlowStyle

INDEX = "index"


class Names:
    """The LikeC4 name of each element (nested ones as ``context.service``) and of each view."""

    def __init__(self, model: Model, scope: Scope) -> None:
        self.short = names(scope.elements)
        self.views = names([INDEX, *(info.id for info in model.views())], RESERVED - {INDEX})
        self.scope = scope

    def fqn(self, element_id: str) -> str:
        holder = self.scope.container.get(element_id)
        return f"{self.short[holder]}.{self.short[element_id]}" if holder else self.short[element_id]


def to_likec4(model: Model, view: str | None = None, direction: str = "LR") -> str:
    """LikeC4 source of the whole model with every view, or only ``view`` (by name or id) besides ``index``."""
    scope = scope_of(model, None)
    known = Names(model, scope)
    views = [find_view(model, view)] if view is not None else model.views()
    layout = "LeftRight" if direction == "LR" else "TopBottom"
    lines = [f"// {' '.join(scope.title.split())}: exported by Steelframe", *specification(), "", "model {"]
    for context_id, members in scope.members.items():
        lines += _element(scope.elements[context_id], known, [scope.elements[m] for m in members])
    lines += [line for i in scope.elements if i not in scope.members and i not in scope.container
              for line in _element(scope.elements[i], known, [])]
    lines += [line for r in scope.relations for line in _relation(model, r, known, scope.nested(r))]
    lines += ["}", "", "views {", *_index(model, layout)]
    lines += [line for info in views for line in _view(model, info, known, layout)]
    return "\n".join([*lines, "}"]) + "\n"


def _element(element: ElementBase, known: Names, members: list[ElementBase], depth: int = 1) -> list[str]:
    pad = "  " * depth
    body = [f"#{LEGACY_TAG}"] if is_legacy(element) else []
    if detail(element):
        body.append(f"technology {string(detail(element))}")
    if element.description.strip():
        body.append(f"description {string(element.description.strip(), one_line=False)}")
    if is_legacy(element):
        body += ["style {", "  border dashed", "}"]
    head = f"{pad}{known.short[element.id]} = {element.kind} {string(name_of(element))}"
    if not body and not members:
        return [head]
    lines = [head + " {", *(f"{pad}  {line}" for line in body)]
    for member in members:
        lines += _element(member, known, [], depth + 1)
    return [*lines, pad + "}"]


def _relation(model: Model, relation: RelationBase, known: Names, nested: bool) -> list[str]:
    """A relationship; one between an element and its own context, which LikeC4 refuses, as a comment."""
    kind = str(relation.style if isinstance(relation, Flow) else relation.kind)
    ends = f"{known.fqn(relation.source)} -[{kind}]-> {known.fqn(relation.target)}"
    line = f"  {ends} {string(relation_label(model, relation))}"
    if nested:
        return [f"  // {relation.id}: {ends} joins an element and its own context, which LikeC4 does not draw"]
    if isinstance(relation, Flow) and relation.style is not FlowStyle.UNDECLARED:
        synchrony = "synchronous" if relation.is_synchronous else "asynchronous"
        return [line + " {", f"    technology '{relation.style}, {synchrony}'", "  }"]
    return [line]


def _index(model: Model, layout: str) -> list[str]:
    title = string(f"{model.name or 'Steelframe model'}: everything")
    return [f"  view {INDEX} {{", f"    title {title}", "    include *", f"    autoLayout {layout}", "  }"]


def _view(model: Model, info: ViewInfo, known: Names, layout: str) -> list[str]:
    shown = scope_of(model, info.id).elements
    lines = [f"  view {known.views[info.id]} {{", f"    title {string(info.name)}"]
    if info.documentation.strip():
        lines.append(f"    description {string(info.documentation.strip(), one_line=False)}")
    if shown:
        lines.append("    include " + ", ".join(known.fqn(i) for i in shown))
    return [*lines, f"    autoLayout {layout}", "  }"]
