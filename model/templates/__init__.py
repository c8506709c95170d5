"""The example models a new Steelframe model can start from (``steelframe new --template NAME``).

The two cases of the source article — a retail estate and an insurer modernising policy
administration — each drawn so that a few rules fire out of the box, as in a real first workshop;
and an empty model with one view to draw on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from model.errors import ModelError

if TYPE_CHECKING:
    from model.store import Model

TEMPLATES = ("retail", "insurer", "blank")


def build_template(name: str) -> Model:
    """A new model filled from the template ``name``, built in one transaction through the model verbs.

    The templates are imported only now: the command line lists their names without loading them.
    """
    if name not in TEMPLATES:
        raise ModelError(f"unknown template {name!r}: choose one of {', '.join(TEMPLATES)}")
    from model.settings import Settings
    from model.store import Model
    from model.templates import insurer, retail
    from model.views import ViewInfo

    model = Model(Settings())
    with model.transaction("New from template"):
        if name == "blank":
            model.update_settings(name="Untitled", language="en")
            model.add_view(ViewInfo(id="view-main", name="Main"))
        else:
            {"retail": retail.build, "insurer": insurer.build}[name](model)
    return model


__all__ = ["TEMPLATES", "build_template"]
