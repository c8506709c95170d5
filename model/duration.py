"""ISO 8601 durations (``P7D``, ``PT15M``), kept as the text the user wrote and validated with isodate."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

import isodate
from pydantic import AfterValidator


@lru_cache(maxsize=1024)
def validate_duration(text: str) -> str:
    """Accept an ISO 8601 duration such as ``P30D`` or ``PT5M``; reject anything else with a clear reason.

    Cached: an estate repeats a handful of durations tens of thousands of times, and parsing is pure.
    """
    if not text.startswith("P"):
        raise ValueError(f"{text!r} is not an ISO 8601 duration (for example P7D or PT15M)")
    try:
        isodate.parse_duration(text)
    except (isodate.ISO8601Error, ValueError) as error:
        raise ValueError(f"{text!r} is not an ISO 8601 duration (for example P7D or PT15M)") from error
    return text


Duration = Annotated[str, AfterValidator(validate_duration)]
