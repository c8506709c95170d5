"""Kept diagrams of the views still in the model: their identifiers claimed, then each written back.

A diagram is written back as the text it was kept as while the view still has the layout the import
gave it (its fingerprint, ``kept.layout_fingerprint``) and everything the diagram names is still in
the file; otherwise it is parsed and patched (``kept_diagrams``).
"""

from __future__ import annotations

from exporters.archimate.kept.contract import layout_fingerprint
from exporters.archimate.writing.kept_diagrams import patch_diagram
from exporters.archimate.writing.state import ExportState, serialized
from exporters.archimate.writing.text import kept_text
from exporters.archimate.xml import XSI_TYPE, XElement, parse_fragment, q
from model.views import Route, ViewInfo
from model.vocabulary import ElementKind


def claim_kept_views(state: ExportState) -> None:
    """Claim the ids of the diagrams of views still in the model; a clashing id is renamed.

    A diagram whose identifiers are all free is claimed whole and left unparsed: it may be
    written back as it is (``write_kept_view``). The others are parsed, as their ids change.
    """
    archive, index = state.archive, state.index
    if archive is None or index is None:
        return
    views = {v.id for v in state.model.views()}
    notes = {e.id for e in state.model.elements(ElementKind.NOTE)}
    clashes: list[tuple[XElement, XElement]] = []
    for view_id, raw in sorted(archive.diagrams.items()):
        if view_id not in views:
            continue
        held = index.diagrams.get(view_id)
        if held is not None and state.ids.free(held.items):
            state.ids.claim_all(held.items)
            state.kept_views[view_id] = None
            continue
        diagram = state.kept_views[view_id] = parse_fragment(raw)
        for item in diagram.iter(q("node"), q("connection")):
            identifier = item.get("identifier") or ""
            if not _is_note_label(item, notes) and not state.ids.claim(identifier):
                clashes.append((diagram, item))
    for diagram, item in clashes:
        old = item.get("identifier") or ""
        new = state.ids.fresh(old)
        item.set("identifier", new)
        for connection in diagram.iter(q("connection")):
            for end in ("source", "target"):
                if connection.get(end) == old:
                    connection.set(end, new)


def _is_note_label(node: XElement, notes: set[str]) -> bool:
    """A Label node whose identifier is a note's id draws that note (the id is not otherwise in the file)."""
    return node.get(XSI_TYPE) == "Label" and node.get("identifier") in notes


def write_kept_view(state: ExportState, view: ViewInfo) -> str:
    """The kept diagram of ``view`` as text: as it was while nothing it shows changed, else patched."""
    assert state.archive is not None
    diagram = state.kept_views[view.id]
    if diagram is None:
        raw = state.archive.diagrams[view.id]
        if _unchanged(state, view):
            return kept_text(raw)
        diagram = parse_fragment(raw)
    patch_diagram(state, view, diagram)
    return serialized(diagram)


def _unchanged(state: ExportState, view: ViewInfo) -> bool:
    """Whether the patch would leave the diagram as it is: the view shows what the import made of it, and
    everything the diagram names is still written (what the layout's fingerprint does not cover)."""
    assert state.archive is not None and state.index is not None
    recorded = state.archive.diagram_layouts.get(view.id)
    held = state.index.diagrams.get(view.id)
    if recorded is None or held is None:
        return False
    layouts = state.model.layouts(view.id)
    ends = state.relationship_ends
    routed = {i: ends.get(i) for i, layout in layouts.items() if isinstance(layout, Route)}
    model = state.model
    if layout_fingerprint(view, model.settings.language, layouts, routed, model.elements_by_id) != recorded:
        return False
    elements, relations = model.elements_by_id, model.relations_by_id
    return (held.elements <= state.elements_written and held.relationships <= ends.keys()
            and held.views <= state.view_ids
            and all(c in state.elements_written or c in ends for c in held.concepts)
            and all(e in layouts for e in held.elements if e in elements)
            and all(r in routed for r in held.relationships if r in relations))
