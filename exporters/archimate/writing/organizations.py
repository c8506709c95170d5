"""``<organizations>``: the folder tree a tool shows the model in.

A Steelframe model gets a folder per element kind, then Relations and Views. An imported file's
own tree is written back without the items whose concept is gone, plus a Steelframe folder for
what it does not list yet.
"""

from __future__ import annotations

from exporters.archimate.mapping import FOLDER_LABELS, RELATIONS_FOLDER, STEELFRAME_FOLDER, VIEWS_FOLDER
from exporters.archimate.writing.concepts import exported_elements
from exporters.archimate.writing.state import ExportState, serialized
from exporters.archimate.writing.text import Tag, as_element, render
from exporters.archimate.xml import XElement, children, detach, insert_laid_out, q, text_tag


def write_organizations(state: ExportState) -> str | None:
    """The ``<organizations>`` of the document (laid out one level below the root), or None without folders."""
    kept = state.organizations
    if kept is None:
        folders = _folders(state, listed=set())
        return render(Tag("organizations", (), folders), 1) if folders else None
    _prune(state, kept)
    listed = {item.get("identifierRef") for item in kept.iter(q("item"))} - {None}
    extra = _folders(state, listed)
    if extra:
        top = Tag("item", (), [text_tag("label", STEELFRAME_FOLDER, state.lang), *extra])
        insert_laid_out(kept, len(kept), as_element(top))
    return serialized(kept) if len(children(kept, "item")) else None


def _prune(state: ExportState, organizations: XElement) -> None:
    """Drop items that refer to something no longer in the file (folders stay, even emptied)."""
    for item in list(organizations.iter(q("item"))):
        reference = item.get("identifierRef")
        if reference is not None and not state.written(reference):
            detach(item)


def _folders(state: ExportState, listed: set[str | None]) -> list[Tag | str]:
    """A folder per kind, Relations and Views, holding what ``listed`` lacks."""
    by_folder: dict[str, list[str]] = {}
    for element in exported_elements(state):
        by_folder.setdefault(FOLDER_LABELS[element.kind], []).append(element.id)
    order = [FOLDER_LABELS[kind] for kind in FOLDER_LABELS]
    by_folder[RELATIONS_FOLDER] = sorted(r.id for r in state.model.relations())
    by_folder[VIEWS_FOLDER] = sorted(state.view_ids)
    folders: list[Tag | str] = []
    for label in [*order, RELATIONS_FOLDER, VIEWS_FOLDER]:
        identifiers = [i for i in by_folder.get(label, []) if i not in listed]
        if identifiers:
            items: list[Tag | str] = [Tag("item", (("identifierRef", identifier),)) for identifier in identifiers]
            folders.append(Tag("item", (), [text_tag("label", label, state.lang), *items]))
    return folders
