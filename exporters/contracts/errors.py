"""How a contract file is refused: one line, ``FILE:LINE: reason``, never a traceback."""

from __future__ import annotations

from typing import NoReturn

from model.errors import ModelError


class ContractError(ModelError):
    """A contract that cannot be read; LINE is that of the offending node, 0 for the file as a whole."""

    def __init__(self, source: str, line: int, reason: str) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        super().__init__(" ".join(f"{source}:{line}: {reason}".splitlines()))


def refuse(source: object, line: int | None, reason: str) -> NoReturn:
    raise ContractError(str(source), line or 0, reason)
