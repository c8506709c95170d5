"""Stable identifiers: valid XML NCNames, so that they travel unchanged as ArchiMate xs:ID values."""

from __future__ import annotations

import re
import uuid
from typing import Annotated

from pydantic import StringConstraints

ID_PATTERN = r"^[A-Za-z_][A-Za-z0-9_.\-]*$"
_ID_RE = re.compile(ID_PATTERN)

Identifier = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=200)]


def new_id(prefix: str = "id") -> str:
    """A fresh identifier such as ``id-3f2a...``; the prefix keeps it a valid xs:ID."""
    return f"{prefix}-{uuid.uuid4().hex}"


def is_identifier(text: str) -> bool:
    return bool(_ID_RE.match(text))
