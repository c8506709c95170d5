"""The native ``*.steelframe.json`` format: a versioned, validated document that diffs well in git.

Writing is deterministic (items sorted by id, keys sorted, defaults left out) so that the same
model always gives the same bytes. Reading trusts nothing: each problem is reported as one line
naming the file and the JSON path of the first problem, and the model is only built, through its
verbs in one transaction, once the whole document is known to be consistent.

``document`` is the file's shape, ``writing`` and ``reading`` the two directions, ``upgrades`` the
steps from older formats, ``checks`` the referential checks and ``building`` the load through the verbs.
"""

from __future__ import annotations

from model.fileformat.document import FORMAT_VERSION, ModelDocument
from model.fileformat.errors import FileFormatError
from model.fileformat.reading import from_json, load_model, read_model_file
from model.fileformat.upgrades import UPGRADES
from model.fileformat.writing import save_model, to_json

__all__ = [
    "FORMAT_VERSION",
    "UPGRADES",
    "FileFormatError",
    "ModelDocument",
    "from_json",
    "load_model",
    "read_model_file",
    "save_model",
    "to_json",
]
