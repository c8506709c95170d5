"""The report's two formats: Markdown with the context map as a fenced Mermaid chart (beside the SVG),
one self-contained HTML page with the map inline, and a one-line refusal of any other extension."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from app.cli.main import main
from exporters.mermaid import to_mermaid
from exporters.report import report_markdown, write_report
from model.fileformat import save_model
from model.templates import build_template
from tests.builders import Builder
from tests.exporters.diagram.odd import odd_model


class Page(HTMLParser):
    """The tags, element ids, links and outside references of an HTML page."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.outside: list[str] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        for name in ("src", "href", "xlink:href"):
            if (found.get(name) or "#").split("#")[0] and tag != "a":
                self.outside.append(str(found[name]))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_markdown_report_fences_the_map_as_mermaid() -> None:
    model = build_template("insurer")
    text = report_markdown(model, view="Policy issuance")
    chart = to_mermaid(model, "Policy issuance")
    assert f"## Context map\n\n```mermaid\n{chart}```\n" in text


def test_a_map_too_large_for_mermaid_is_left_out_with_the_reason() -> None:
    b = Builder()
    for number in range(30):
        b.context(f"c{number}")
    for number in range(520):
        b.flow(f"c{number % 30}", f"c{(number * 7 + 1) % 30}", style="query")
    text = report_markdown(b.model)
    assert "```mermaid" not in text
    assert ("The Mermaid chart is left out: the whole model is too large for Mermaid: 520 lines, where GitHub and "
            "GitLab draw at most 500 lines.") in text


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_the_html_report_is_one_self_contained_page_with_the_map_inline(tmp_path: Path) -> None:
    written = write_report(build_template("retail"), tmp_path / "report.html", view="Context map")
    assert written == [tmp_path / "report.html"] and [p.name for p in tmp_path.iterdir()] == ["report.html"]
    text = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>\n") and "<?xml" not in text and "```" not in text
    page = Page(text)
    assert page.tags.count("svg") == 1 and "table" in page.tags and page.tags.count("h1") == 1
    assert page.outside == []  # no script, stylesheet or image to fetch
    internal = [link for link in page.links if link.startswith("#")]
    assert internal and all(link[1:] in page.ids for link in internal)  # violations link to their rule
    assert "Elements and relations involved in a violation are outlined" in "".join(page.text)


def test_awkward_names_are_text_in_the_html_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no Graphviz: the page says why there is no map
    write_report(odd_model(), tmp_path / "odd.html")
    text = (tmp_path / "odd.html").read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<title>Architecture report: Odd &quot;names&quot; &lt;estate&gt; &amp; co</title>" in text
    assert re.search(r'<p class="missing">The diagram is not included: Graphviz could not draw it', text)


@pytest.mark.parametrize("name", ["report.txt", "report", "report.HTML.bak"])
def test_any_other_extension_is_refused_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    name: str) -> None:
    source = tmp_path / "retail.steelframe.json"
    save_model(build_template("retail"), source)
    assert main(["export", str(source), "--to", "report", "-o", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "a report is Markdown (.md) or HTML (.html)" in err
    assert [p.name for p in tmp_path.iterdir()] == ["retail.steelframe.json"]


def test_the_command_line_writes_html_for_html(tmp_path: Path) -> None:
    source = tmp_path / "insurer.steelframe.json"
    save_model(build_template("insurer"), source)
    assert main(["export", str(source), "--to", "report", "-o", str(tmp_path / "r.html")]) == 0
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
