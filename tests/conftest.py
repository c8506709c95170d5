from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from tests.builders import Builder


@pytest.fixture
def builder() -> Builder:
    return Builder()
