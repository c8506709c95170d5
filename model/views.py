"""Diagram layout, kept apart from the semantic model: where each element and relation is drawn."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from model.ids import Identifier


class Frozen(BaseModel):
    # Non-finite numbers have no JSON spelling: refused at the edit, not at the next save.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Bounds(Frozen):
    """An element's box in a view, in scene units (absolute coordinates)."""

    x: float
    y: float
    w: float = Field(default=160.0, gt=0)
    h: float = Field(default=80.0, gt=0)


class Point(Frozen):
    x: float
    y: float


class Route(Frozen):
    """How a relation is drawn in a view: the bend points between its two ends."""

    bends: list[Point] = Field(default_factory=list)


Layout = Bounds | Route


class ViewInfo(Frozen):
    """A view's own attributes; its contents are the layouts the model keeps per view."""

    id: Identifier
    name: str
    documentation: str = ""
