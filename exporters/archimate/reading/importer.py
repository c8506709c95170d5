"""Importing an ArchiMate Open Exchange file (3.x): ``import_archimate(path) -> Model``.

The bytes are parsed safely (``import_parsing``), checked against the structure the Open Group
schema and Archi's importer demand (``import_quick``, and ``import_validation`` where the quick
check is not sure), given their Steelframe meaning (``import_reverse``, ``import_diagrams``), and
everything else is kept as raw XML for the export (``import_archive``). The model is built in one
"Import" transaction; its ids are the file's identifiers. Any problem is an ExchangeImportError
whose message is one line, ``FILE:LINE: reason``. A large file is read in few passes: the ``<views>``
are serialized once, for the quick check of their styles and for the kept diagrams.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pydantic import ValidationError

from exporters.archimate.errors import ExchangeImportError, refuse
from exporters.archimate.reading.archive import keep
from exporters.archimate.reading.concepts import NS, ConceptReader, model_language, section
from exporters.archimate.reading.diagrams import diagrams, read_view
from exporters.archimate.reading.fragments import Serialized, drop_unused_namespaces
from exporters.archimate.reading.parsing import parse_exchange
from exporters.archimate.reading.reverse import give_meaning
from exporters.archimate.schema.quick import validate
from model.errors import ModelError
from model.fileformat.errors import os_reason
from model.gcpause import collector_paused
from model.safe_files import EXCHANGE_LIMIT, UnsafeFileError, read_regular
from model.settings import Settings
from model.store import Model

__all__ = ["ExchangeImportError", "import_archimate", "import_archimate_bytes"]

log = logging.getLogger(__name__)


def import_archimate(path: str | os.PathLike[str]) -> Model:
    """The model of the exchange file at ``path``; ExchangeImportError when it cannot be imported."""
    name = os.fspath(path)
    target = Path(path)
    try:
        data = read_regular(target, EXCHANGE_LIMIT, "exchange file")
    except UnsafeFileError as error:
        refuse(name, 0, str(error).removeprefix(f"{name}: "))
    except OSError as error:
        refuse(name, 0, f"cannot read it: {os_reason(error, target)}")
    return import_archimate_bytes(data, name)


def import_archimate_bytes(data: bytes, source: str = "<bytes>") -> Model:
    """The model of an exchange file's bytes; ``source`` names the file in error messages."""
    with collector_paused():
        root = parse_exchange(data, source)
        drop_unused_namespaces(root)
        views_element = root.find(NS + "views")
        serialized_views = Serialized(views_element) if views_element is not None else None
        plain = validate(root, source, serialized_views)
        reader = ConceptReader(root, model_language(root))
        elements = section(root, "elements")
        relationships = section(root, "relationships")
        meaning = give_meaning(elements, relationships, reader)
        ends = {identifier: (relationships.sources[i], relationships.targets[i])
                for i, identifier in enumerate(relationships.ids) if identifier in meaning.relations}
        try:
            views = [(read_view(diagram, reader, meaning, ends), diagram) for diagram in diagrams(root)]
            archive = keep(root, elements, relationships, meaning, views, serialized_views=serialized_views,
                           plain=plain)
            name, description = reader.texts(root)
            model = Model(Settings(name=name, description=description, language=reader.language))
            with model.transaction("Import"):
                model.add_checked(meaning.elements.values(), meaning.relations.values(),
                                  [(view.info, view.layouts) for view, _ in views], [])
                model.set_exchange(archive)
        except (ValidationError, ModelError) as error:  # a gap between the checks and the model: still one line
            refuse(source, 0, f"cannot build the model: {' '.join(str(error).split())}")
    log.info("imported %s: %d Steelframe elements, %d relations, %d views (%d elements, %d relationships kept "
             "foreign)", source, len(meaning.elements), len(meaning.relations), len(views),
             len(archive.elements), len(archive.relationships))
    return model
