"""Markdown architecture decision records (MADR 4.0): one file per decision, an index, and the way back."""

from exporters.adr.folder import write_adrs
from exporters.adr.reading import MergeResult, merge_adrs, read_adrs

__all__ = ["MergeResult", "merge_adrs", "read_adrs", "write_adrs"]
