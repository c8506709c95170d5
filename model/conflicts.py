"""Merge conflicts a model file records until someone resolves them (rules SF201-SF203 report them).

A three-way merge never loses a side: the merged file keeps one value and records the other
here, so the file stays a valid model that loads while ``check`` fails until each is resolved.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, JsonValue

from model.ids import Identifier

Section = Literal["settings", "elements", "relations", "views", "waivers", "exchange"]
Side = Literal["ours", "theirs"]


class Conflict(BaseModel):
    """One unresolved disagreement between the two sides of a merge.

    ``attribute``: both sides changed ``attribute`` of ``item`` (an empty attribute: the whole
    item) two ways; the file holds ``ours``. ``deleted``: ``deleted_by`` removed the item while the
    other side changed or used it; the file keeps the item. ``contained``: both sides put the
    service or acl ``item`` into a context; the file keeps our contains relation (``ours`` is its
    id) and ``theirs`` is their relation. JSON null stands for "absent".
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Identifier
    kind: Literal["attribute", "deleted", "contained"]
    section: Section
    item: str
    attribute: str = ""
    base: JsonValue = None
    ours: JsonValue = None
    theirs: JsonValue = None
    deleted_by: Side | None = None
    reason: str = ""
