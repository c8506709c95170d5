"""How an exchange file is refused: one line, ``FILE:LINE: reason``, never a traceback."""

from __future__ import annotations

from typing import NoReturn

from model.errors import ModelError


class ExchangeImportError(ModelError):
    """An ArchiMate exchange file that cannot be imported; the message is ``FILE:LINE: reason``.

    LINE is the line of the offending XML element, or 0 when the problem is the file as a whole.
    """

    def __init__(self, source: str, line: int, reason: str) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        super().__init__(" ".join(f"{source}:{line}: {reason}".splitlines()))


def refuse(source: str, line: int | None, reason: str) -> NoReturn:
    """Raise the one-line refusal; a missing line (lxml gives None for some nodes) is reported as 0."""
    raise ExchangeImportError(source, line or 0, reason)
