"""Stable identifiers: valid XML NCNames, so that they travel unchanged as ArchiMate xs:ID values."""

from __future__ import annotations

import re
import uuid
from typing import Annotated

from pydantic import StringConstraints

ID_PATTERN = r"^[A-Za-z_][A-Za-z0-9_.\-]*$"
_ID_RE = re.compile(ID_PATTERN)
ID_MAX_LENGTH = 200

Identifier = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=ID_MAX_LENGTH)]


def new_id(prefix: str = "id") -> str:
    """A fresh identifier such as ``id-3f2a...``; the prefix keeps it a valid xs:ID."""
    return f"{prefix}-{uuid.uuid4().hex}"


def is_identifier(text: str) -> bool:
    """What ``Identifier`` accepts: an NCName of ASCII letters, digits, ``_``, ``.`` and ``-``, at most 200 long."""
    return len(text) <= ID_MAX_LENGTH and bool(_ID_RE.match(text))
