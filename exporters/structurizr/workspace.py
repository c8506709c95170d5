"""``to_structurizr``: a Structurizr DSL workspace following the model's contexts, services and flows.

Contexts and systems are software systems, services and anti-corruption layers containers of
their context, each context inside a group named after the one team that owns it; flows are
relationships whose technology is the interaction style (and whose tag styles the line). A
system landscape view shows everything, and every Steelframe view becomes a landscape view of the
contexts and systems it shows (a service stands for its context there). Facts, events and the
other kinds are not C4 elements and stay out; so do the relations that are not flows.
"""

from __future__ import annotations

from collections import Counter

from exporters.diagram.labels import detail, flow_label, is_legacy, name_of
from exporters.diagram.scope import find_view, scope_of
from exporters.structurizr.styles import ELEMENT_TAGS, FLOW_TAGS, LEGACY, styles
from exporters.structurizr.text import identifiers_for, quoted, tag_list
from model.elements import Context, ElementBase
from model.relations import Flow
from model.store import Model
from model.views import ViewInfo
from model.vocabulary import ElementKind, FlowStyle, RelationKind

K = ElementKind
SYSTEM_KINDS = (K.CONTEXT, K.SYSTEM)
MEMBER_KINDS = (K.SERVICE, K.ACL)
EVERYTHING = "everything"


class Estate:
    """The elements a workspace holds, with their identifiers and containing contexts."""

    def __init__(self, model: Model) -> None:
        kinds = (*SYSTEM_KINDS, *MEMBER_KINDS)
        self.elements = {e.id: e for e in sorted(model.elements(), key=lambda e: (e.kind, e.id)) if e.kind in kinds}
        self.parent = {i: model.container_of(i) for i, e in self.elements.items() if e.kind in MEMBER_KINDS}
        self.ids = identifiers_for(self.elements)
        self.view_keys = identifiers_for([EVERYTHING, *(info.id for info in model.views())])

    def system_of(self, element_id: str) -> str:
        """The software system an element is or sits in."""
        return self.parent.get(element_id) or element_id

    def members(self, context_id: str) -> list[str]:
        return [i for i, parent in self.parent.items() if parent == context_id]


def to_structurizr(model: Model, view: str | None = None, direction: str = "LR") -> str:
    """The workspace, with every view (or only ``view``, by name or id) beside the landscape of everything."""
    estate = Estate(model)
    infos = [find_view(model, view)] if view is not None else model.views()
    layout = "lr" if direction == "LR" else "tb"
    head = f"workspace {quoted(model.name or 'Steelframe model')} {quoted(model.settings.description)} {{"
    lines = ["!identifiers flat", "", "model {", *_indent(_systems(model, estate)), *_indent(_flows(model, estate)),
             "}", "", "views {", *_indent(_views(model, estate, infos, layout)), *_indent(styles()), "}"]
    return "\n".join([head, *_indent(lines), "}"]) + "\n"


def _indent(lines: list[str]) -> list[str]:
    return ["    " + line if line else "" for line in lines]


def _element(estate: Estate, element: ElementBase) -> list[str]:
    """A software system (with its containers) or a container, tagged by kind, domain and lifecycle."""
    tags = [ELEMENT_TAGS[element.kind][0]]
    if isinstance(element, Context) and element.domain:
        tags.append(str(element.domain).capitalize())
    if is_legacy(element):
        tags.append(LEGACY)
    tags += element.tags
    name, description = quoted(name_of(element)), quoted(element.description)
    identifier = estate.ids[element.id]
    if element.kind in MEMBER_KINDS and estate.parent.get(element.id):
        head = f"{identifier} = container {name} {description} {quoted(detail(element))} {tag_list(tags)}"
    else:
        head = f"{identifier} = softwareSystem {name} {description} {tag_list(tags)}"
    body = ["properties {", f'    "steelframe.id" {quoted(element.id)}', "}"]
    if element.kind is K.CONTEXT:
        for member in estate.members(element.id):
            body += _element(estate, estate.elements[member])
    return [head + " {", *_indent(body), "}"]


def _systems(model: Model, estate: Estate) -> list[str]:
    """Software systems, each context in the group of the team that owns it (when exactly one does)."""
    teams: dict[str, list[str]] = {}
    loose: list[str] = []
    for element_id in estate.elements:
        if estate.parent.get(element_id) is not None:
            continue
        owners = [r.source for r in model.incoming(element_id, RelationKind.TEAM_OWNS)]
        if len(owners) == 1:
            teams.setdefault(owners[0], []).append(element_id)
        else:
            loose.append(element_id)
    lines: list[str] = []
    for team_id in sorted(teams, key=lambda t: (name_of(model.element(t)).casefold(), t)):
        body = [line for i in teams[team_id] for line in _element(estate, estate.elements[i])]
        lines += [f"group {quoted(name_of(model.element(team_id)))} {{", *_indent(body), "}"]
    return lines + [line for i in loose for line in _element(estate, estate.elements[i])]


def _flows(model: Model, estate: Estate) -> list[str]:
    """One relationship per flow; a flow the DSL cannot hold (inside one system) is kept as a comment.

    Flows between software systems come first: a flow from a container implies one between the
    systems unless a relationship is already there, so the explicit one can never clash with it.
    """
    lines: list[str] = []
    seen: Counter[tuple[str, str, str]] = Counter()
    flows = sorted((r for r in model.relations(RelationKind.FLOW) if isinstance(r, Flow)),
                   key=lambda r: (r.source in estate.parent or r.target in estate.parent, r.id))
    for flow in flows:
        source, target = estate.ids[flow.source], estate.ids[flow.target]
        label = flow_label(model, flow)
        if flow.source == flow.target or estate.system_of(flow.source) == flow.target \
                or estate.system_of(flow.target) == flow.source:
            lines.append(f"// {flow.id}: {source} -> {target} {quoted(label)} joins an element and its own context")
            continue
        seen[(source, target, label)] += 1
        if seen[(source, target, label)] > 1:  # the DSL refuses a second relationship of the same description
            label = f"{label} ({seen[(source, target, label)]})"
        tag, _, _, _ = FLOW_TAGS[flow.style]
        lines.append(f"{source} -> {target} {quoted(label)} {quoted(_technology(flow))} {tag_list(['Flow', tag])}")
    return lines


def _technology(flow: Flow) -> str:
    if flow.style is FlowStyle.UNDECLARED:
        return "undeclared"
    return f"{flow.style}, {'synchronous' if flow.is_synchronous else 'asynchronous'}"


def _views(model: Model, estate: Estate, infos: list[ViewInfo], layout: str) -> list[str]:
    title = f"{model.name or 'Steelframe model'}: everything"
    lines = [f"systemLandscape {quoted(estate.view_keys[EVERYTHING])} {quoted(title)} {{",
             "    include *", f"    autoLayout {layout}", "}"]
    for info in infos:
        shown = {estate.system_of(i) for i in scope_of(model, info.id).elements if i in estate.elements}
        key = estate.view_keys[info.id]
        lines += [f"systemLandscape {quoted(key)} {quoted(info.documentation)} {{", f"    title {quoted(info.name)}"]
        if shown:
            lines.append("    include " + " ".join(estate.ids[i] for i in sorted(shown)))
        lines += [f"    autoLayout {layout}", "}"]
    return lines
