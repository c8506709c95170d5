from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import weakref
from collections.abc import Iterator
from typing import Any

import pytest

from model.store import Model
from tests.builders import Builder


@pytest.fixture(autouse=True)
def no_open_transaction(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a test that leaves a model inside a transaction (its changes would never commit)."""
    made: weakref.WeakSet[Model] = weakref.WeakSet()
    init = Model.__init__

    def tracked(self: Model, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        made.add(self)

    monkeypatch.setattr(Model, "__init__", tracked)
    yield
    open_ = [model.name for model in made if model.in_transaction]
    assert not open_, f"a test left a model transaction open: {open_}"


@pytest.fixture
def builder() -> Builder:
    return Builder()
