"""The example models a new Steelframe model can start from (``steelframe new --template NAME``).

The two cases of the source article — a retail estate and an insurer modernising policy
administration — each drawn so that a few rules fire out of the box, as in a real first workshop;
and an empty model with one view to draw on.
"""

from __future__ import annotations

from collections.abc import Callable

from model.errors import ModelError
from model.settings import Settings
from model.store import Model
from model.templates import insurer, retail
from model.views import ViewInfo

TEMPLATES = ("retail", "insurer", "blank")


def _blank(model: Model) -> None:
    model.update_settings(name="Untitled", language="en")
    model.add_view(ViewInfo(id="view-main", name="Main"))


_BUILDERS: dict[str, Callable[[Model], None]] = {"retail": retail.build, "insurer": insurer.build, "blank": _blank}


def build_template(name: str) -> Model:
    """A new model filled from the template ``name``, built in one transaction through the model verbs."""
    builder = _BUILDERS.get(name)
    if builder is None:
        raise ModelError(f"unknown template {name!r}: choose one of {', '.join(TEMPLATES)}")
    model = Model(Settings())
    with model.transaction("New from template"):
        builder(model)
    return model


__all__ = ["TEMPLATES", "build_template"]
