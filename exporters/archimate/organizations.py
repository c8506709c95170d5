"""``<organizations>``: the folder tree a tool shows the model in.

A Steelframe model gets a folder per element kind, then Relations and Views. An imported file's
own tree is written back without the items whose concept is gone, plus a Steelframe folder for
what it does not list yet.
"""

from __future__ import annotations

from lxml import etree  # lxml ships no type hints

from exporters.archimate.concepts import exported_elements
from exporters.archimate.mapping import FOLDER_LABELS, RELATIONS_FOLDER, STEELFRAME_FOLDER, VIEWS_FOLDER
from exporters.archimate.state import ExportState
from exporters.archimate.xml import XElement, add_text, children, detach, insert_laid_out, parse_fragment, q


def write_organizations(state: ExportState, model_element: XElement) -> None:
    raw = state.archive.organizations if state.archive else None
    if raw is None:
        folders = _folders(state, listed=set())
        if len(folders):
            model_element.append(folders)
        return
    kept = parse_fragment(raw)
    _prune(state, kept)
    listed = {item.get("identifierRef") for item in kept.iter(q("item"))} - {None}
    extra = _folders(state, listed)
    if len(extra):
        top = etree.Element(q("item"))
        add_text(top, "label", STEELFRAME_FOLDER, state.lang)
        top.extend(extra)
        insert_laid_out(kept, len(kept), top)
    if len(children(kept, "item")):
        state.keep(model_element, kept)


def _prune(state: ExportState, organizations: XElement) -> None:
    """Drop items that refer to something no longer in the file (folders stay, even emptied)."""
    for item in list(organizations.iter(q("item"))):
        reference = item.get("identifierRef")
        if reference is not None and not state.written(reference):
            detach(item)


def _folders(state: ExportState, listed: set[str | None]) -> XElement:
    """``<organizations>`` with a folder per kind, Relations and Views, holding what ``listed`` lacks."""
    organizations = etree.Element(q("organizations"))
    by_folder: dict[str, list[str]] = {}
    for element in exported_elements(state):
        by_folder.setdefault(FOLDER_LABELS[element.kind], []).append(element.id)
    order = [FOLDER_LABELS[kind] for kind in FOLDER_LABELS]
    by_folder[RELATIONS_FOLDER] = sorted(r.id for r in state.model.relations())
    by_folder[VIEWS_FOLDER] = sorted(state.view_ids)
    for label in [*order, RELATIONS_FOLDER, VIEWS_FOLDER]:
        identifiers = [i for i in by_folder.get(label, []) if i not in listed]
        if identifiers:
            folder = etree.SubElement(organizations, q("item"))
            add_text(folder, "label", label, state.lang)
            for identifier in identifiers:
                etree.SubElement(folder, q("item"), {"identifierRef": identifier})
    return organizations
