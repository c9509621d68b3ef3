"""In Chromium at phone width: every picture of a story is there, fits, reads, and has its words.

The pictures (timeline plot, event map, coverage, provenance graph) are checked on the web
app's story page and in ``report.html``, for the Ghent fire of the example corpus (six
outlets, dated, with reuse) and the seed story, and the graph on a story of 20 outlets.
Label boxes are measured: none spills out of its drawing and no two overlap. Screenshots
go to ``artifacts/screenshots/picture-*.png`` for a person to look at (#20).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storytrace.report import render_html
from storytrace.store import SQLiteStore
from storytrace_testkit import ROOT, SOFREP
from web.browsing import SCREENSHOTS, serve

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
GHENT = sorted((ROOT / "examples" / "corpus").glob("00[1-6]_*"))
FIGURES = {
    "timeline": ("figure.timeline-plot", "details.timeline-text li"),
    "map": ("figure.event-map", "ol.map-list li"),
    "coverage": ("figure.coverage-plot", "details.coverage-text li"),
    "graph": ("figure.graph", "details.graph-text li"),
}
MEASURE = """(figure) => {
  const svg = figure.querySelector('svg');
  const box = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')]
    .map(t => ({text: t.textContent, r: t.getBoundingClientRect()}))
    .filter(t => t.r.width > 0);
  const out = texts.filter(t => t.r.left < box.left - 1 || t.r.right > box.right + 1
    || t.r.top < box.top - 1 || t.r.bottom > box.bottom + 1).map(t => t.text);
  const hit = (a, b) => a.left < b.right - 1 && b.left < a.right - 1
    && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const overlaps = [];
  for (let i = 0; i < texts.length; i++)
    for (let j = i + 1; j < texts.length; j++)
      if (hit(texts[i].r, texts[j].r)) overlaps.push([texts[i].text, texts[j].text]);
  const ids = (svg.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
  const named = ids.map(id => (document.getElementById(id) || {}).textContent || '').join(' ');
  return {role: svg.getAttribute('role'), named: named.trim(), out, overlaps,
          scale: box.width / svg.viewBox.baseVal.width, texts: texts.length,
          smallest: Math.min(...texts.map(t => t.r.height))};
}"""


@pytest.fixture(scope="module")
def ghent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The six Ghent fire articles of the example corpus, analysed and served."""
    from storytrace.pipeline import analyze

    folder = tmp_path_factory.mktemp("ghent")
    corpus = folder / "corpus"
    corpus.mkdir()
    for path in GHENT:
        shutil.copy(path, corpus / path.name)
    analyze([str(corpus)], db=folder / "st.db", out=folder / "out")
    with SQLiteStore(folder / "st.db") as store:
        yield from ((folder / "out", url) for url in serve(store))


@pytest.fixture
def phone(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()
    assert not errors, errors


def _check(page: Any, name: str, wanted: tuple[str, ...]) -> dict[str, Any]:
    """Each wanted picture: present, named for screen readers, fitting, its labels clear."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{name}: the page scrolls sideways ({width} px)"
    found = {}
    for kind in wanted:
        figure_css, words_css = FIGURES[kind]
        figure = page.locator(figure_css).first
        assert figure.count() == 1, f"{name}: no {kind}"
        got = figure.evaluate(MEASURE)
        assert got["role"] == "img" and len(got["named"]) > 20, (kind, got["named"])
        assert got["texts"] > 0 and not got["out"], (kind, got["out"])
        assert not got["overlaps"], (kind, got["overlaps"])
        assert got["scale"] >= 0.85 and got["smallest"] >= 9, (kind, got)  # readable
        section = figure.locator("xpath=ancestor::section[1]")
        assert section.locator(words_css).count() > 0, f"{kind}: no text equivalent"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        figure.screenshot(path=str(SCREENSHOTS / f"picture-{name}-{kind}-390.png"))
        found[kind] = got
    return found


@pytest.mark.slow  # analyses six articles
def test_web_story_page_draws_every_picture_at_phone_width(ghent, phone):
    _out, url = ghent
    phone.goto(url + "/")
    phone.locator("ol.stories h2 a").first.click()
    _check(phone, "web-ghent", ("timeline", "map", "coverage", "graph"))
    rows = phone.locator("figure.coverage-plot g.cv-row").count()
    assert rows == len(GHENT) // 2  # one strip per outlet


@pytest.mark.slow  # analyses six articles
def test_report_html_draws_the_same_pictures(ghent, phone):
    out, _ = ghent
    phone.goto((out / "report.html").as_uri())
    _check(phone, "report-ghent", ("timeline", "map", "coverage", "graph"))
    # the timeline's marks run left to right in date order
    xs = phone.locator("figure.timeline-plot g.tp-row").evaluate_all(
        "rows => rows.map(r => parseFloat(r.dataset.x))"
    )
    assert len(xs) > 1 and xs == sorted(xs)


def test_seed_story_map_and_graph_at_phone_width(web_run, live_server, phone):
    story = web_run.story_of(web_run.article_of(SOFREP)["id"])
    phone.goto(f"{live_server}/stories/{story['id']}")
    _check(phone, "web-seeds", ("map", "graph"))
    assert "Pskov" in phone.locator("ol.map-list").inner_text()
    # the seeds carry no publication dates: said in words instead of an empty chart
    coverage = phone.locator("section[aria-labelledby$='-coverage']")
    assert "No article of this story carries a publication date" in coverage.inner_text()


def test_graph_of_twenty_outlets_reads_at_phone_width(tmp_path, phone):
    from report.test_report_plots import _twenty_outlets

    articles, story = _twenty_outlets()
    page = tmp_path / "report.html"
    page.write_text(render_html(articles, [story], version="0"), encoding="utf-8")
    phone.goto(page.as_uri())
    got = _check(phone, "twenty-outlets", ("graph",))["graph"]
    assert got["texts"] >= 21  # every outlet and the source is named in full
    labels = {
        t.replace(" ", "") for t in phone.locator("figure.graph g.node text").all_text_contents()
    }
    assert {(a.outlet or "").replace(" ", "") for a in articles} <= labels  # whole names
