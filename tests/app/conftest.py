"""Fixtures for the desktop app: a document on a template, a selection, a scene of its first view."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from pytestqt.qtbot import QtBot

from app.canvas.scene import DiagramScene
from app.document import Document
from app.selection import Selection
from model.templates import build_template


@pytest.fixture
def document(qtbot: QtBot) -> Document:
    return Document(build_template("retail"))


@pytest.fixture
def blank_document(qtbot: QtBot) -> Document:
    return Document(build_template("blank"))


@pytest.fixture
def selection() -> Selection:
    return Selection()


@pytest.fixture
def scene(document: Document, selection: Selection) -> DiagramScene:
    return DiagramScene(document, document.model.views()[0].id, selection)
