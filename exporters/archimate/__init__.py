"""ArchiMate Open Group exchange format 3.1: export and import, as DESIGN.md maps it."""

from exporters.archimate.export import export_archimate, write_archimate
from exporters.archimate.import_errors import ExchangeImportError
from exporters.archimate.importer import import_archimate, import_archimate_bytes

__all__ = ["ExchangeImportError", "export_archimate", "import_archimate", "import_archimate_bytes", "write_archimate"]
