"""Importing an ArchiMate Open Exchange file (3.x): ``import_archimate(path) -> Model``.

The bytes are parsed safely (``import_parsing``), checked against the structure the Open Group
schema and Archi's importer demand (``import_validation``), given their Steelframe meaning
(``import_reverse``, ``import_diagrams``), and everything else is kept as raw XML for the export
(``import_archive``). The model is built in one "Import" transaction; its ids are the file's
identifiers. Any problem is an ExchangeImportError whose message is one line, ``FILE:LINE: reason``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pydantic import ValidationError

from exporters.archimate.import_archive import keep
from exporters.archimate.import_concepts import ConceptReader, concepts, model_language
from exporters.archimate.import_diagrams import diagrams, read_view
from exporters.archimate.import_errors import ExchangeImportError, refuse
from exporters.archimate.import_parsing import parse_exchange
from exporters.archimate.import_reverse import give_meaning
from exporters.archimate.import_validation import validate
from model.errors import ModelError
from model.fileformat._collector import collector_paused
from model.fileformat.errors import os_reason
from model.settings import Settings
from model.store import Model

__all__ = ["ExchangeImportError", "import_archimate", "import_archimate_bytes"]

log = logging.getLogger(__name__)


def import_archimate(path: str | os.PathLike[str]) -> Model:
    """The model of the exchange file at ``path``; ExchangeImportError when it cannot be imported."""
    name = os.fspath(path)
    target = Path(path)
    try:
        data = target.read_bytes()
    except OSError as error:
        refuse(name, 0, f"cannot read it: {os_reason(error, target)}")
    return import_archimate_bytes(data, name)


def import_archimate_bytes(data: bytes, source: str = "<bytes>") -> Model:
    """The model of an exchange file's bytes; ``source`` names the file in error messages."""
    with collector_paused():
        root = parse_exchange(data, source)
        validate(root, source)
        reader = ConceptReader(root, model_language(root))
        elements = concepts(root, reader, "elements", "element")
        relationships = concepts(root, reader, "relationships", "relationship")
        meaning = give_meaning(elements, relationships)
        views = diagrams(root)
        try:
            laid_out = [read_view(diagram, reader, meaning) for diagram in views]
            by_view = {info.id: diagram for (info, _), diagram in zip(laid_out, views, strict=True)}
            archive = keep(root, elements, relationships, meaning, by_view)
            name, description = reader.texts(root)
            model = Model(Settings(name=name, description=description, language=reader.language))
            with model.transaction("Import"):
                model.add_checked(meaning.elements.values(), meaning.relations.values(), laid_out, [])
                model.set_exchange(archive)
        except (ValidationError, ModelError) as error:  # a gap between the checks and the model: still one line
            refuse(source, 0, f"cannot build the model: {' '.join(str(error).split())}")
    log.info("imported %s: %d Steelframe elements, %d relations, %d views (%d elements, %d relationships kept "
             "foreign)", source, len(meaning.elements), len(meaning.relations), len(laid_out),
             len(archive.elements), len(archive.relationships))
    return model
