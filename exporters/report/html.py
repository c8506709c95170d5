"""The report as one self-contained HTML page: its Markdown rendered by markdown-it, the map's SVG inline."""

from __future__ import annotations

import html

from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin

from exporters.report.diagram import Diagram
from exporters.report.markdown import anchor

STYLE = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1b1b1b;
       margin: 0; background: #fafafa; }
main { max-width: 1100px; margin: 0 auto; padding: 2rem; background: #fff; }
h1, h2, h3 { line-height: 1.25; } h2 { border-bottom: 1px solid #e0e0e0; padding-bottom: .3rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: 1rem 0; display: block; overflow-x: auto; }
th, td { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: #f3f5f7; } tr:nth-child(even) td { background: #fafbfc; }
figure { margin: 1rem 0; overflow-x: auto; } figure svg { max-width: 100%; height: auto; }
figcaption, .missing { color: #546e7a; font-size: .9rem; }
code { background: #f3f5f7; padding: 0 .2rem; border-radius: 3px; }
"""


def _renderer() -> MarkdownIt:
    """CommonMark with tables, headings anchored as GitHub anchors them (the report links to them); raw HTML escaped."""
    return MarkdownIt("commonmark", {"html": False}).enable("table").use(
        anchors_plugin, min_level=1, max_level=3, slug_func=anchor,
    )


def inline_svg(svg: bytes) -> str:
    """The ``<svg>`` element alone: no XML declaration, doctype or comments before it."""
    text = svg.decode("utf-8")
    return text[text.index("<svg"):].strip()


def diagram_figure(diagram: Diagram, note: str) -> str:
    if diagram.svg is None:
        return f'<p class="missing">The diagram is not included: {html.escape(diagram.reason)}.</p>'
    return f"<figure>\n{inline_svg(diagram.svg)}\n<figcaption>{html.escape(note)}</figcaption>\n</figure>"


def report_page(name: str, head: str, diagram: Diagram, note: str, tail: str) -> str:
    render = _renderer().render
    title = html.escape(f"Architecture report: {' '.join(name.split())}")
    body = [render(head), '<h2 id="context-map">Context map</h2>', diagram_figure(diagram, note), render(tail)]
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">', f"<title>{title}</title>",
        f"<style>{STYLE}</style>", "</head>", "<body>", "<main>", *body, "</main>", "</body>", "</html>", "",
    ])
