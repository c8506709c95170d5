"""The legend: a cluster with one sample node per element kind drawn, and a table of line samples
(flow styles, fact relations, other relations) and of the overlay's severity colours.

The samples take one rank, or two side by side when there are more than a few kinds, so the legend
stays a compact block in the first ranks instead of stretching across the ranks of the diagram. A
flat layout (sfdp draws no clusters) gets the same legend as one table node.
"""

from __future__ import annotations

from collections.abc import Collection

from exporters.graphviz.edges import FACT_PENS, FLOW_PENS, OTHER_PEN
from exporters.graphviz.styles import DETAIL_INK, SHAPES
from exporters.graphviz.text import AttrValue, Html, escape, font, indent, quote, statement
from model.palette import KIND_COLOURS, SEVERITY_COLOURS, WAIVED_COLOUR
from model.vocabulary import ElementKind, FlowStyle, RelationKind, Severity

SAMPLE_FONT = 9.0
#: More samples than this are laid out in two columns (two rows in TB).
COLUMN = 4
#: Legend node and cluster ids hold a colon, which no model id can, so they never meet an element
#: (nor a context's cluster, named ``cluster_<id>``).
PREFIX = "legend:"
CLUSTER = "cluster:legend"
_TABLE = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="1">{}</TABLE>'


def legend(
    kinds: Collection[ElementKind], styles: Collection[FlowStyle], relations: Collection[RelationKind],
    overlay: bool,
) -> list[str]:
    """The lines of the legend cluster for what the diagram shows."""
    lines = [statement("graph", {
        "id": PREFIX + "cluster", "label": Html(font("Legend", bold=True)), "style": "rounded", "color": "#b0bec5",
        "fontsize": 10.0, "margin": 8.0,
    })]
    samples: list[str] = []
    for kind in ElementKind:
        if kind in kinds:
            samples.append(quote(PREFIX + str(kind)))
            lines.append(statement(samples[-1], _sample(kind)))
    rows = _pen_rows(styles, relations) + (_severity_rows() if overlay else [])
    if rows:
        samples.append(quote(PREFIX + "lines"))
        lines.append(statement(samples[-1], {"shape": "plaintext", "label": Html(_TABLE.format("".join(rows)))}))
    lines += _columns(samples[:-1] if rows else samples, samples[-1:] if rows else [])
    return [f"subgraph {quote(CLUSTER)} {{", *indent(lines), "}"]


def _columns(kinds: list[str], table: list[str]) -> list[str]:
    """One rank of samples, or two side by side (paired by invisible edges) when there are many kinds;
    the table of lines ends the first."""
    half = (len(kinds) + 1) // 2 if len(kinds) > COLUMN else len(kinds)
    columns = [kinds[:half] + table, kinds[half:]]
    lines = ["{rank=same; " + "; ".join(column) + "}" for column in columns if column]
    return lines + [statement(f"{a} -> {b}", {"style": "invis"}) for a, b in zip(*columns, strict=False)]


def legend_table(
    kinds: Collection[ElementKind], styles: Collection[FlowStyle], relations: Collection[RelationKind],
    overlay: bool,
) -> str:
    """The whole legend as one table node, for the flat layout of large diagrams."""
    rows = [f'<TR><TD COLSPAN="2" ALIGN="LEFT">{font("Legend", bold=True)}</TD></TR>']
    for kind in ElementKind:
        if kind in kinds:
            colours = KIND_COLOURS[kind]
            swatch = f'<TD BGCOLOR="{colours.fill}" COLOR="{colours.line}" BORDER="1" WIDTH="40"></TD>'
            rows.append(f"<TR>{swatch}{_text(f'{kind} ({SHAPES[kind][0]})')}</TR>")
    rows += _pen_rows(styles, relations) + (_severity_rows() if overlay else [])
    return statement(quote(PREFIX + "table"), {
        "id": PREFIX + "table", "shape": "box", "style": "rounded", "color": "#b0bec5",
        "label": Html(_TABLE.format("".join(rows))), "fontsize": SAMPLE_FONT,
    })


def _sample(kind: ElementKind) -> dict[str, AttrValue | None]:
    shape, style = SHAPES[kind]
    colours = KIND_COLOURS[kind]
    return {
        "shape": shape, "style": style, "fillcolor": colours.fill, "color": colours.line, "label": str(kind),
        "fontsize": SAMPLE_FONT, "height": 0.3, "tooltip": f"{kind}: {shape}",
        "penwidth": 1.6 if kind is ElementKind.CONTEXT else None,
    }


def _pen_rows(styles: Collection[FlowStyle], relations: Collection[RelationKind]) -> list[str]:
    rows = []
    for style in FlowStyle:
        if style in styles:
            pen, colour, width = FLOW_PENS[style]
            rows.append(_line(f"{style} flow", pen, colour, width))
    for relation in (RelationKind.OWNS, RelationKind.WRITES, RelationKind.REPLICATES):
        if relation in relations:
            fact_pen = FACT_PENS[relation]
            rows.append(_line(str(relation), str(fact_pen["style"]), str(fact_pen["color"]),
                              float(str(fact_pen["penwidth"]))))
    if set(relations) - {RelationKind.FLOW, *FACT_PENS}:
        rows.append(_line("other relation", str(OTHER_PEN["style"]), str(OTHER_PEN["color"]), 1.0))
    return rows


def _line(text: str, style: str, colour: str, width: float) -> str:
    """A row showing a line drawn as ``style`` in ``colour``, then its meaning."""
    border = max(1, round(width))
    pen = "" if style == "solid" else f' STYLE="{style}"'
    cell = f'<TD WIDTH="40" HEIGHT="9" FIXEDSIZE="TRUE" SIDES="B" BORDER="{border}"{pen} COLOR="{colour}"></TD>'
    return f"<TR>{cell}{_text(text)}</TR>"


def _severity_rows() -> list[str]:
    rows = []
    for severity, colour in [*((str(s), SEVERITY_COLOURS[s]) for s in Severity), ("waived", WAIVED_COLOUR)]:
        cell = f'<TD BORDER="2" STYLE="rounded" COLOR="{colour}">{font(escape(severity), size=8)}</TD>'
        rows.append(f"<TR>{cell}{_text(f'{severity} (overlay)')}</TR>")
    return rows


def _text(text: str) -> str:
    return f'<TD ALIGN="LEFT">{font(escape(text), size=SAMPLE_FONT, colour=DETAIL_INK)}</TD>'
