"""ArchiMate Open Group exchange format 3.1: export and import, as DESIGN.md maps it."""

from exporters.archimate.errors import ExchangeImportError
from exporters.archimate.reading.importer import import_archimate, import_archimate_bytes
from exporters.archimate.writing.export import export_archimate, write_archimate

__all__ = ["ExchangeImportError", "export_archimate", "import_archimate", "import_archimate_bytes", "write_archimate"]
