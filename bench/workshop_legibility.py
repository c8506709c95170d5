"""How readable a projected map is: on each template's views, at normal and presentation text size,
count the lines that cross a box's name (the name band of a context, the middle of any other box) and
the line labels that cover a box's name or another label. Issue #12 asks for both counts to be zero.

    QT_QPA_PLATFORM=offscreen python bench/workshop_legibility.py
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPathStroker
from PySide6.QtWidgets import QApplication

from app.canvas.items import ElementItem
from app.canvas.labels import NAME_BAND, name_area
from app.canvas.scene import DiagramScene
from app.canvas.style import canvas_font, size_of
from app.document.controller import Document
from app.document.selection import Selection
from app.window.presentation import CANVAS_SCALE
from bench.workshop_capture import SESSION
from model.capture import apply, plan
from model.store import Model
from model.templates import build_template
from model.vocabulary import ElementKind


def title_area(item: ElementItem) -> QRectF:
    box = item.scene_bounds()
    if item.element.kind is ElementKind.CONTEXT:
        return QRectF(box.left(), box.top(), box.width(), min(NAME_BAND, box.height()))
    return name_area(box)


def measure(scene: DiagramScene) -> dict[str, int]:
    titles = {i: title_area(item) for i, item in scene.elements.items() if isinstance(item, ElementItem)}
    crossings, covered, stacked = 0, 0, 0
    labels = [r.label_rect for r in scene.relations.values() if r.shown_label and r.label_rect is not None]
    for item in scene.relations.values():
        ends = {item.relation.source, item.relation.target}
        stroker = QPainterPathStroker()
        stroker.setWidth(1.0)
        outline = stroker.createStroke(item.line_path())  # the line itself, not the area it closes
        for element_id, area in titles.items():
            if element_id not in ends and outline.intersects(area):
                crossings += 1
    for n, label in enumerate(labels):
        covered += sum(1 for area in titles.values() if label.intersects(area))
        stacked += sum(1 for other in labels[n + 1:] if label.intersects(other))
    return {"lines_across_names": crossings, "labels_on_names": covered, "labels_on_labels": stacked}


def captured() -> Model:
    """The map bench/workshop_capture.py types, made through the same capture verbs (no Qt)."""
    model = build_template("blank")
    view_id, selected = model.views()[0].id, None
    for line in SESSION:
        planned = plan(model, re.sub(r"[{}]", "", line))
        assert planned is not None
        with model.transaction(line):
            selected = apply(model, planned, view_id, selected, size_of)
    return model


def report() -> dict[str, dict[str, int]]:
    QApplication.instance() or QApplication([])
    found: dict[str, dict[str, int]] = {}
    for template, model in (("retail", build_template("retail")), ("insurer", build_template("insurer")),
                            ("captured", captured())):
        document = Document(model)
        for view in document.model.views():
            for mode, scale in (("normal", 1.0), ("presentation", CANVAS_SCALE)):
                scene = DiagramScene(document, view.id, Selection())
                scene.set_canvas_font(canvas_font(scale))
                found[f"{template}/{view.name}/{mode}"] = measure(scene)
                scene.detach()
    return found


if __name__ == "__main__":
    results = report()
    totals = {key: sum(r[key] for r in results.values()) for key in next(iter(results.values()))}
    sys.stdout.write(json.dumps({"views": results, "totals": totals}, indent=1) + "\n")
