"""``to_mermaid``: a view or the whole model as a Mermaid flowchart.

Contexts are subgraphs holding their services and anti-corruption layers (a context with no
members is a node of its own); every other kind is a node of its shape, classed in the palette's
colours. Lines are grouped by ``linkStyle``: queries solid, commands thick and dashed, events
dotted, undeclared flows thin and grey; an event flow is labelled with its event. Only the classic
syntax is used, so the text renders on GitHub and GitLab as it is.
"""

from __future__ import annotations

from exporters.diagram.labels import detail, is_legacy, name_of, relation_label
from exporters.diagram.scope import Scope, scope_of
from exporters.mermaid.styles import LEGACY, LINES, SHAPES, class_defs, line_group
from exporters.mermaid.text import node_ids, quoted, text
from model.errors import ModelError
from model.store import Model

DIRECTIONS = ("LR", "TB")
INDENT = "  "
#: Mermaid's defaults for ``maxEdges`` and ``maxTextSize``; GitHub and GitLab keep them, and a
#: diagram cannot raise them (they are "secure" settings), so a larger chart would not render there.
MAX_LINES = 500
MAX_CHARACTERS = 50_000


def to_mermaid(model: Model, view: str | None = None, direction: str = "LR") -> str:
    """Mermaid flowchart text for one view (by name or id) or the whole model (``view`` None)."""
    if direction not in DIRECTIONS:
        raise ModelError(f"unknown direction {direction!r}: choose LR or TB")
    scope = scope_of(model, view)
    ids = node_ids(scope.elements)
    lines = [f"%% {text(scope.title)}", f"flowchart {direction}"]
    body = _nodes(scope, ids) + _lines(model, scope, ids) + _classes(scope, ids)
    chart = "\n".join([*lines, *(INDENT + line for line in body)]) + "\n"
    _fits(model, view, len(scope.relations), len(chart))
    return chart


class TooLarge(ModelError):
    """A chart beyond what Mermaid draws by default."""


def _fits(model: Model, view: str | None, lines: int, characters: int) -> None:
    """Refuse a chart Mermaid would refuse to draw, pointing at the views that would fit."""
    if lines <= MAX_LINES and characters <= MAX_CHARACTERS:
        return
    size = f"{lines} lines" if lines > MAX_LINES else f"{characters:,} characters"
    limit = f"{MAX_LINES} lines" if lines > MAX_LINES else f"{MAX_CHARACTERS:,} characters"
    subject = "this view" if view is not None else "the whole model"
    hint = "; export one of its views with --view" if view is None and model.views() else ""
    raise TooLarge(f"{subject} is too large for Mermaid: {size}, where GitHub and GitLab draw at most {limit}{hint}")


def _node(scope: Scope, element_id: str, ids: dict[str, str]) -> str:
    element = scope.elements[element_id]
    opening, closing = SHAPES[element.kind]
    return f"{ids[element_id]}{opening}{quoted(name_of(element), detail(element))}{closing}"


def _nodes(scope: Scope, ids: dict[str, str]) -> list[str]:
    lines: list[str] = []
    for context_id, members in scope.members.items():
        if not members:
            lines.append(_node(scope, context_id, ids))
            continue
        context = scope.elements[context_id]
        lines.append(f"subgraph {ids[context_id]} [{quoted(name_of(context), detail(context))}]")
        lines += [INDENT + _node(scope, member, ids) for member in members]
        lines.append("end")
    lines += [_node(scope, i, ids) for i in scope.elements if i not in scope.members and i not in scope.container]
    return lines


def _lines(model: Model, scope: Scope, ids: dict[str, str]) -> list[str]:
    """One line per relation, then one ``linkStyle`` per group of lines drawn alike (by index)."""
    lines: list[str] = []
    groups: dict[str, list[str]] = {}
    for index, relation in enumerate(scope.relations):
        group = line_group(relation)
        arrow = LINES[group][0]
        label = quoted(relation_label(model, relation))
        lines.append(f"{ids[relation.source]} {arrow}|{label}| {ids[relation.target]}")
        groups.setdefault(group, []).append(str(index))
    for group, (_, style) in LINES.items():
        if group in groups:
            lines.append(f"linkStyle {','.join(groups[group])} {style}")
    return lines


def _classes(scope: Scope, ids: dict[str, str]) -> list[str]:
    """The ``classDef``s, then each kind's elements and the legacy ones put in their class."""
    kinds = {element.kind for element in scope.elements.values()}
    legacy = [ids[i] for i, element in scope.elements.items() if is_legacy(element)]
    lines = class_defs(kinds, bool(legacy))
    by_kind: dict[str, list[str]] = {}
    for element_id, element in scope.elements.items():
        by_kind.setdefault(str(element.kind), []).append(ids[element_id])
    lines += [f"class {','.join(members)} {kind}" for kind, members in by_kind.items()]
    if legacy:
        lines.append(f"class {','.join(legacy)} {LEGACY}")
    return lines
