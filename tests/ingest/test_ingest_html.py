"""HTML pages: main text through trafilatura, metadata, sidecar overrides, bad pages."""

from __future__ import annotations

import json
from pathlib import Path

from ingest_helpers import split

from storytrace.ingest import read_inputs

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Dam inspectors find cracks in Riverton spillway | The Valley Courier</title>
  <meta property="og:site_name" content="The Valley Courier">
  <meta property="og:title" content="Dam inspectors find cracks in Riverton spillway">
  <meta name="author" content="Maria Delgado">
  <meta property="article:published_time" content="2023-04-18T09:30:00+00:00">
  <link rel="canonical" href="https://valleycourier.example/news/riverton-spillway-cracks">
  <style>body { font-family: Georgia; } .nav { color: red; }</style>
  <script>var trackingId = "UA-TRACKER-1"; function trackReader() { return "pixel"; }</script>
</head>
<body>
  <nav class="nav"><ul>
    <li><a href="/">Home</a></li><li><a href="/news">News</a></li>
    <li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe today</a></li>
  </ul></nav>
  <header><div class="menu">Menu Search Sign in</div></header>
  <main>
    <article>
      <h1>Dam inspectors find cracks in Riverton spillway</h1>
      <p class="byline">By Maria Delgado</p>
      <p>State inspectors found three cracks in the concrete spillway of the Riverton dam
      during a routine visit last week, the regional water authority said on Tuesday.</p>
      <p>The authority said the cracks posed no immediate danger to the town of 12,000
      people downstream, but it ordered the reservoir lowered by two metres as a
      precaution while engineers assess the damage.</p>
      <p>“We are taking this seriously, and we will keep residents informed at every
      step,” said Tom Ashby, the authority’s chief engineer. He added that repairs could
      take until the autumn.</p>
      <p>Local residents told the Courier they had noticed water seeping below the
      spillway since March. The authority could not confirm when the cracks appeared.</p>
      <script>document.write("INJECTED SCRIPT TEXT");</script>
    </article>
  </main>
  <aside class="related"><h3>Related stories</h3><ul>
    <li><a href="/a">Flood defences upgraded</a></li>
    <li><a href="/b">Council votes on budget</a></li>
  </ul></aside>
  <footer><p>© 2023 The Valley Courier. All rights reserved. Privacy policy.</p></footer>
</body>
</html>
"""


def _page(tmp_path: Path, name: str = "spillway.html", html: str = PAGE) -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


def test_main_text_only_without_scripts_styles_or_furniture(tmp_path: Path) -> None:
    (article,), rejected = split(read_inputs([str(_page(tmp_path))]))
    assert rejected == []
    assert "three cracks in the concrete spillway" in article.text
    assert "repairs could take until the autumn" in article.text
    for furniture in (
        "trackingId",
        "INJECTED SCRIPT TEXT",
        "font-family",
        "Subscribe today",
        "Menu Search",
        "Related stories",
        "All rights reserved",
    ):
        assert furniture not in article.text


def test_paragraphs_are_separated_by_blank_lines(tmp_path: Path) -> None:
    (article,), _ = split(read_inputs([str(_page(tmp_path))]))
    paragraphs = article.text.split("\n\n")
    assert paragraphs[1].startswith("State inspectors found three cracks")
    assert paragraphs[2].startswith("The authority said the cracks")


def test_metadata_is_extracted_from_the_page(tmp_path: Path) -> None:
    (article,), _ = split(read_inputs([str(_page(tmp_path))]))
    assert article.title == "Dam inspectors find cracks in Riverton spillway"
    assert article.author == "Maria Delgado"
    assert article.published == "2023-04-18"
    assert article.outlet == "The Valley Courier"
    assert article.url == "https://valleycourier.example/news/riverton-spillway-cracks"
    assert article.language == "en"
    assert article.source == str(tmp_path / "spillway.html")


def test_sidecar_values_override_extracted_ones(tmp_path: Path) -> None:
    page = _page(tmp_path)
    sidecar = {"outlet": "  Valley   Courier  ", "published": "2023-04-17", "author": "M. Delgado"}
    (tmp_path / "spillway.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    (article,), rejected = split(read_inputs([str(page)]))
    assert rejected == []
    assert article.outlet == "Valley Courier"
    assert article.published == "2023-04-17"
    assert article.author == "M. Delgado"
    assert article.title == "Dam inspectors find cracks in Riverton spillway"  # not overridden


def test_page_without_site_name_has_no_outlet(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Cracks found</title></head><body><article>"
        "<p>State inspectors found three cracks in the concrete spillway of the Riverton dam "
        "during a routine visit last week, the regional water authority said on Tuesday.</p>"
        "<p>The authority ordered the reservoir lowered by two metres as a precaution.</p>"
        "</article></body></html>"
    )
    (article,), rejected = split(read_inputs([str(_page(tmp_path, "bare.htm", html))]))
    assert rejected == []
    assert article.outlet is None
    assert article.title == "Cracks found"


def test_declared_charset_is_honoured(tmp_path: Path) -> None:
    html = PAGE.replace('<meta charset="utf-8">', '<meta charset="iso-8859-15">')
    html = html.replace("routine visit", "routine visit (coût estimé : 5 €)")
    path = tmp_path / "latin9.html"
    path.write_bytes(
        html.replace("“", '"').replace("”", '"').replace("’", "'").encode("iso-8859-15")
    )
    (article,), rejected = split(read_inputs([str(path)]))
    assert rejected == []
    assert "coût estimé : 5 €" in article.text


def test_binary_html_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "photo.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    articles, (rejected,) = split(read_inputs([str(path)]))
    assert articles == []
    assert rejected.source == str(path)
    assert rejected.reason.startswith("binary data, not text: NUL byte at offset 8")


def test_page_without_main_text_is_rejected(tmp_path: Path) -> None:
    html = "<html><head><title>Loading</title><script>boot()</script></head><body></body></html>"
    path = _page(tmp_path, "empty-shell.html", html)
    articles, (rejected,) = split(read_inputs([str(path)]))
    assert articles == []
    assert rejected.reason == (
        "no main text found in the page (trafilatura extracted nothing); "
        "check that it is an article page, or save its text as .txt"
    )
