"""report.html draws the provenance graph offline as inline SVG, with escaped labels."""

from __future__ import annotations

from dataclasses import replace

from storytrace.records import Article, Story
from storytrace.report import render_html

HOSTILE = '"><img src=x onerror=alert(1)><script>x</script>'


def test_report_holds_an_svg_graph_with_a_text_equivalent(
    articles: list[Article], story: Story
) -> None:
    page = render_html(articles, [story], version="0.1.0")
    assert page.count("<svg") >= 1
    assert 'role="img"' in page and "The graph in words" in page


def test_hostile_outlet_names_are_escaped_in_the_svg(articles: list[Article], story: Story) -> None:
    hostile = [replace(a, outlet=HOSTILE) for a in articles]
    page = render_html(hostile, [story], version="0.1.0")
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert "<script>" not in svg and "<img" not in svg
    assert "&lt;script&gt;" in svg or "&lt;img" in svg


def test_long_outlet_names_wrap_instead_of_being_cut(articles: list[Article], story: Story) -> None:
    name = "International Business Times United Kingdom"
    page = render_html([replace(a, outlet=name) for a in articles], [story], version="0.1.0")
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert ">International Business</tspan>" in svg
    assert ">Times United Kingdom</tspan>" in svg and "…" not in svg
