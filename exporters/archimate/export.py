"""The exchange document: ``export_archimate(model)`` gives the bytes of an Open Group exchange file
(format 3.1) that validates against archimate3_Diagram.xsd; ``write_archimate`` saves it atomically.

The same model always gives the same bytes: items in id order, generated ids derived from the
model's ids. What an import kept (``model.exchange``) is written back in its place in the schema's
sequence: name, documentation, properties, metadata, elements, relationships, organizations,
propertyDefinitions, views.
"""

from __future__ import annotations

import os

from lxml import etree  # lxml ships no type hints

from exporters.archimate.concepts import write_elements, write_relationships
from exporters.archimate.diagrams import write_view
from exporters.archimate.kept_diagrams import parse_kept_views, write_kept_view
from exporters.archimate.mapping import SCHEMA_LOCATION, XSI
from exporters.archimate.organizations import write_organizations
from exporters.archimate.properties import PropertyTable
from exporters.archimate.state import ExportState, IdSpace
from exporters.archimate.writing import write_atomically
from exporters.archimate.xml import NSMAP, XElement, add_text, detach, parse_fragment, q, set_language_text
from model.exchange import ExchangeArchive
from model.fileformat._collector import collector_paused
from model.store import Model

MODEL_IDENTIFIER = "id-steelframe-model"
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def export_archimate(model: Model) -> bytes:
    """The exchange file of ``model``: UTF-8 XML with its declaration."""
    with collector_paused():  # a large tree of long-lived objects: the collector would rescan it again and again
        root = build_document(model)
        body: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
        del root
    return _DECLARATION + body + b"\n"


def write_archimate(model: Model, path: str | os.PathLike[str]) -> None:
    """Export ``model`` to ``path``: whatever fails, a previous file there is left as it was."""
    write_atomically(path, export_archimate(model))


def build_document(model: Model) -> XElement:
    """The ``<model>`` tree, laid out: generated parts indented, kept fragments as they came."""
    state = _prepare(model)
    root = etree.Element(q("model"), nsmap=NSMAP)  # type: ignore[arg-type]
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)
    _header(state, root)
    for name, write in (("elements", write_elements), ("relationships", write_relationships)):
        section = etree.SubElement(root, q(name))
        write(state, section)
        if not len(section):
            root.remove(section)
    write_organizations(state, root)
    _property_definitions(state, root)
    _views(state, root)
    etree.indent(root, space="  ")
    state.put_kept_in_place()
    if state.archive is not None:
        _drop_properties_without_definition(root)
    return root


def _prepare(model: Model) -> ExportState:
    """Claim every identifier the file must keep before any new one is made up."""
    ids = IdSpace()
    for item_id in [*model.elements_by_id, *model.relations_by_id, *(v.id for v in model.views()),
                    *(w.id for w in model.waivers())]:
        ids.claim(item_id)
    archive = model.exchange
    if archive is not None:
        for raw in _kept_fragments(archive):
            for element in parse_fragment(raw).iter():
                identifier = element.get("identifier") if isinstance(element.tag, str) else None
                if identifier is not None:
                    ids.claim(identifier)
    kept_identifier = archive.model_identifier if archive else None
    definitions = PropertyTable(archive.property_definitions if archive else {}, ids.fresh, model.settings.language)
    state = ExportState(model, ids, definitions, archive, view_ids={v.id for v in model.views()})
    if kept_identifier is not None and ids.claim(kept_identifier):
        state.model_identifier = kept_identifier
    parse_kept_views(state)
    if not state.model_identifier:
        state.model_identifier = ids.fresh(MODEL_IDENTIFIER)
    return state


def _kept_fragments(archive: ExchangeArchive) -> list[str]:
    """Kept fragments whose identifiers stay as they are (diagrams' node ids are claimed apart)."""
    fragments = [*archive.elements.values(), *archive.relationships.values(), *archive.property_definitions.values()]
    return [*fragments, *(raw for raw in (archive.organizations, archive.viewpoints) if raw is not None)]


def _header(state: ExportState, root: XElement) -> None:
    """The model's identifier, name(s), documentation and properties, then its metadata."""
    archive = state.archive
    settings = state.model.settings
    root.set("identifier", state.model_identifier)
    if archive is None or not archive.header:
        add_text(root, "name", settings.name, state.lang)
        if settings.description:
            add_text(root, "documentation", settings.description, state.lang)
    else:
        holder = etree.Element(q("model"))
        holder.extend(parse_fragment(raw) for raw in archive.header)
        set_language_text(holder, "name", settings.name, state.lang, required=True)
        set_language_text(holder, "documentation", settings.description, state.lang, after=("name",))
        for part in list(holder):
            state.keep(root, part)
    if archive is not None and archive.metadata is not None:
        state.keep(root, parse_fragment(archive.metadata))


def _property_definitions(state: ExportState, root: XElement) -> None:
    kept, added = state.properties.kept, state.properties.added()
    if not kept and not added:
        return
    definitions = etree.SubElement(root, q("propertyDefinitions"))
    for definition in kept:
        state.keep(definitions, definition)
    definitions.extend(added)


def _drop_properties_without_definition(root: XElement) -> None:
    """A kept property whose definition the import did not keep would make the file invalid: it goes."""
    section = root.find(q("propertyDefinitions"))
    known = {d.get("identifier") for d in section} if section is not None else set()
    for prop in list(root.iter(q("property"))):
        if prop.get("propertyDefinitionRef") not in known:
            properties = prop.getparent()
            detach(prop)
            if properties is not None and not len(properties):
                detach(properties)


def _views(state: ExportState, root: XElement) -> None:
    views = sorted(state.model.views(), key=lambda v: v.id)
    viewpoints = state.archive.viewpoints if state.archive else None
    if not views and viewpoints is None:
        return
    section = etree.SubElement(root, q("views"))
    if viewpoints is not None:
        state.keep(section, parse_fragment(viewpoints))
    if not views:
        return
    diagrams = etree.SubElement(section, q("diagrams"))
    for view in views:
        kept = state.kept_views.get(view.id)
        if kept is None:
            write_view(state, diagrams, view)
        else:
            write_kept_view(state, diagrams, view, kept)
