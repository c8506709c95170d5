"""The exchange document: ``export_archimate(model)`` gives the bytes of an Open Group exchange file
(format 3.1) that validates against archimate3_Diagram.xsd; ``write_archimate`` saves it atomically.

The same model always gives the same bytes: items in id order, generated ids derived from the
model's ids. What an import kept (``model.exchange``) is written back in its place in the schema's
sequence: name, documentation, properties, metadata, elements, relationships, organizations,
propertyDefinitions, views. The document is written as text: generated parts laid out as lxml lays
out a tree, kept fragments as the strings they are, parsed only where they must be patched.
"""

from __future__ import annotations

import os

from lxml import etree  # lxml ships no type hints

from exporters.archimate.kept.check import kept_index
from exporters.archimate.mapping import EMPTY_MODEL_GROUPING, NAMESPACE, SCHEMA_LOCATION, XSI
from exporters.archimate.writing.concepts import write_elements, write_relationships
from exporters.archimate.writing.diagrams import write_view
from exporters.archimate.writing.kept_views import claim_kept_views, write_kept_view
from exporters.archimate.writing.organizations import write_organizations
from exporters.archimate.writing.properties import PropertyTable
from exporters.archimate.writing.state import ExportState, IdSpace, serialized
from exporters.archimate.writing.text import Tag, escape_attribute, kept_text, lay_out, render
from exporters.archimate.xml import NSMAP, parse_fragment, q, set_language_text, text_tag, xml_text
from exporters.files import write_atomically
from model.gcpause import collector_paused
from model.store import Model

MODEL_IDENTIFIER = "id-steelframe-model"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_ROOT = f'<model xmlns="{NAMESPACE}" xmlns:xsi="{XSI}" xsi:schemaLocation="{escape_attribute(SCHEMA_LOCATION)}"'


def export_archimate(model: Model) -> bytes:
    """The exchange file of ``model``: UTF-8 XML with its declaration."""
    with collector_paused():  # many long-lived strings: the collector would rescan them again and again
        text = document(model)
    return text.encode("utf-8")


def write_archimate(model: Model, path: str | os.PathLike[str]) -> None:
    """Export ``model`` to ``path``: whatever fails, a previous file there is left as it was."""
    write_atomically(path, export_archimate(model))


def document(model: Model) -> str:
    """The whole file as text, with its XML declaration and a final newline."""
    state = _prepare(model)
    parts = _header(state)
    for name, write in (("elements", write_elements), ("relationships", write_relationships)):
        written = write(state)
        if name == "elements" and not written:
            written = [_empty_model_grouping(state)]
        if written:
            parts.append(f"<{name}>{lay_out(written, 1)}</{name}>")
    organizations = write_organizations(state)
    if organizations is not None:
        parts.append(organizations)
    definitions = [kept_text(raw) for raw in state.properties.kept]
    definitions += [render(tag, 2) for tag in state.properties.added()]
    if definitions:
        parts.append(f"<propertyDefinitions>{lay_out(definitions, 1)}</propertyDefinitions>")
    views = _views(state)
    if views is not None:
        parts.append(views)
    start = f'{_ROOT} identifier="{escape_attribute(state.model_identifier)}">'
    return f"{_DECLARATION}{start}{lay_out(parts, 0)}</model>\n"


def _empty_model_grouping(state: ExportState) -> str:
    """The one element of a model that has none ArchiMate can hold (import leaves it out again)."""
    identifier = state.ids.fresh(EMPTY_MODEL_GROUPING)
    name = text_tag("name", state.model.name or "Steelframe model", state.lang)
    note = text_tag("documentation", "The model holds no ArchiMate element yet; Steelframe writes this grouping "
                    "because an exchange file needs one.", state.lang)
    return render(Tag("element", (("identifier", identifier), ("xsi:type", "Grouping")), [name, note]), 2)


def _prepare(model: Model) -> ExportState:
    """Claim every identifier the file must keep before any new one is made up."""
    language = model.settings.language
    if language and xml_text(language) != language:  # every other string written is an id or goes through xml_text
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters")
    ids = IdSpace()
    ids.claim_all([*model.elements_by_id, *model.relations_by_id, *(v.id for v in model.views()),
                   *(w.id for w in model.waivers())])
    index = kept_index(model.exchange) if model.exchange is not None else None
    archive = index.archive(model.exchange) if index is not None and model.exchange is not None else None
    organizations = None
    if archive is not None and index is not None:
        ids.claim_all(index.claimed)
        organizations = parse_fragment(archive.organizations) if archive.organizations is not None else None
        kept = [organizations] if organizations is not None else []
        if archive.viewpoints is not None:
            kept.append(parse_fragment(archive.viewpoints))
        ids.claim_all(found for fragment in kept for e in fragment.iter()
                      if isinstance(e.tag, str) and (found := e.get("identifier")) is not None)
    definitions = PropertyTable(archive.property_definitions if archive else {}, ids.fresh, model.settings.language)
    state = ExportState(model, ids, definitions, archive, index, view_ids={v.id for v in model.views()},
                        organizations=organizations)
    kept_identifier = archive.model_identifier if archive else None
    if kept_identifier is not None and ids.claim(kept_identifier):
        state.model_identifier = kept_identifier
    claim_kept_views(state)
    if not state.model_identifier:
        state.model_identifier = ids.fresh(MODEL_IDENTIFIER)
    return state


def _header(state: ExportState) -> list[str]:
    """The model's name(s), documentation and properties, then its metadata."""
    archive = state.archive
    settings = state.model.settings
    if archive is None or not archive.header:
        parts = [render(text_tag("name", settings.name, state.lang), 1)]
        if settings.description:
            parts.append(render(text_tag("documentation", settings.description, state.lang), 1))
    else:
        holder = etree.Element(q("model"), nsmap=NSMAP)  # type: ignore[arg-type]
        holder.extend(parse_fragment(raw) for raw in archive.header)
        set_language_text(holder, "name", settings.name, state.lang, required=True)
        set_language_text(holder, "documentation", settings.description, state.lang, after=("name",))
        parts = [serialized(part) for part in holder]
    if archive is not None and archive.metadata is not None:
        parts.append(kept_text(archive.metadata))
    return parts


def _views(state: ExportState) -> str | None:
    views = sorted(state.model.views(), key=lambda v: v.id)
    viewpoints = state.archive.viewpoints if state.archive else None
    if not views and viewpoints is None:
        return None
    parts = [kept_text(viewpoints)] if viewpoints is not None else []
    if views:
        kept = state.archive.diagrams if state.archive else {}
        diagrams = [write_kept_view(state, view) if view.id in kept and view.id in state.kept_views
                    else render(write_view(state, view), 3) for view in views]
        parts.append(f"<diagrams>{lay_out(diagrams, 2)}</diagrams>")
    return f"<views>{lay_out(parts, 1)}</views>"
