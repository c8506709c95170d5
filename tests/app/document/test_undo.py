"""One undo stack: Qt's stack carries the committed changes, with one limit; clean means "the model is the file"."""

from __future__ import annotations

from pathlib import Path

from app.document.controller import Document
from model.elements import Context
from model.history import UNDO_LIMIT


def rename(doc: Document, name: str) -> None:
    with doc.edit(f"Rename to {name}") as model:
        model.update_element("ctx-a", name=name)


def name(doc: Document) -> str:
    return doc.model.element("ctx-a").name


def test_undoing_past_the_limit_never_calls_an_edited_model_saved(blank_document: Document, tmp_path: Path) -> None:
    doc = blank_document
    with doc.edit("Add context") as model:
        model.add_element(Context(id="ctx-a", name="v0"))
    doc.mark_saved(tmp_path / "model.steelframe")  # the file holds "v0"
    for i in range(1, UNDO_LIMIT + 4):
        rename(doc, f"v{i}")
    assert doc.undo_stack.count() == UNDO_LIMIT and doc.dirty
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert name(doc) == "v3"  # the three oldest steps fell off the stack
    assert doc.dirty  # "v3" is not what the file holds
    doc.undo_stack.redo()
    assert name(doc) == "v4"
    while doc.undo_stack.canRedo():
        doc.undo_stack.redo()
    assert name(doc) == f"v{UNDO_LIMIT + 3}" and doc.dirty
