"""Colours per element kind and per severity: the same everywhere (canvas, Graphviz, ArchiMate
export styles, printed legend), so a context looks like a context wherever it is drawn."""

from __future__ import annotations

from typing import NamedTuple

from model.vocabulary import ElementKind, Severity


class KindColours(NamedTuple):
    fill: str
    line: str


KIND_COLOURS: dict[ElementKind, KindColours] = {
    ElementKind.CONTEXT: KindColours("#dcebfa", "#2f6db5"),
    ElementKind.SERVICE: KindColours("#eef5fc", "#5b8fcb"),
    ElementKind.SYSTEM: KindColours("#e6e6e6", "#5f5f5f"),
    ElementKind.ACL: KindColours("#fff1d6", "#c98a12"),
    ElementKind.TEAM: KindColours("#fff7c2", "#9c8d14"),
    ElementKind.FACT: KindColours("#e3f4e1", "#3d8b37"),
    ElementKind.DATASTORE: KindColours("#ddefea", "#2e7d6b"),
    ElementKind.EVENT: KindColours("#fce4d6", "#c85a14"),
    ElementKind.TOPIC: KindColours("#f7dceb", "#a93b78"),
    ElementKind.SAGA: KindColours("#e8e0f5", "#6a4ba8"),
    ElementKind.INVARIANT: KindColours("#f5e1e1", "#a83a3a"),
    ElementKind.RECONCILIATION: KindColours("#dff3f7", "#237f94"),
    ElementKind.DECISION: KindColours("#f1ece2", "#7d6a45"),
    ElementKind.NOTE: KindColours("#fffde7", "#b5a642"),
}

SEVERITY_COLOURS: dict[Severity, str] = {
    Severity.ERROR: "#d32f2f",
    Severity.WARNING: "#f2a100",
    Severity.INFO: "#1e78d2",
}
WAIVED_COLOUR = "#9e9e9e"


def rgb(hex_colour: str) -> tuple[int, int, int]:
    """``#2f6db5`` -> ``(47, 109, 181)``."""
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
