"""The warnings a reader logs while it works (skipped files, kept records), collected to be shown to the user."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(" ".join(record.getMessage().splitlines()))


@contextlib.contextmanager
def collected_warnings(logger: str) -> Iterator[list[str]]:
    """The warnings ``logger`` (and its children) log inside the block, as one line each."""
    collector = _Collector()
    target = logging.getLogger(logger)
    target.addHandler(collector)
    try:
        yield collector.lines
    finally:
        target.removeHandler(collector)
