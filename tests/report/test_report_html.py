"""report.html: what a reader sees, in what order, and that nothing in it is live."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape

from storytrace.records import Article, Story
from storytrace.report import render_html, write_html
from storytrace.report.html import BADGE_COLOURS

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.css = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.css += data


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture
def page(articles: list[Article], story: Story) -> str:
    return render_html(articles, [story], version="0.1.0")


def test_head_declares_charset_viewport_and_a_script_free_policy(page):
    tags = _parse(page).tags
    metas = [attrs for tag, attrs in tags if tag == "meta"]
    assert {"charset": "utf-8"} in metas
    policy = next(m["content"] for m in metas if m.get("http-equiv") == "Content-Security-Policy")
    assert policy.startswith(CSP)
    assert "script-src" not in policy  # scripts fall back to default-src 'none'
    assert any(m.get("name") == "viewport" for m in metas)
    assert [tag for tag, _ in tags].count("h1") == 1


def test_header_counts_articles_stories_and_claim_groups(page):
    assert "2 articles · 1 story · 5 claim groups" in page


def test_every_verdict_has_a_coloured_badge_with_text(page):
    for verdict, label in [
        ("conflicting", "Conflicting"),
        ("echoed", "Echoed"),
        ("corroborated", "Corroborated"),
        ("single_source", "Single source"),
        ("contested_certainty", "Certainty contested"),
    ]:
        assert f'<span class="badge badge-{verdict}">{label}</span>' in page
        background, text = BADGE_COLOURS[verdict]
        assert f".badge-{verdict} {{ background: {background}; color: {text}; }}" in page


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("verdict", sorted(BADGE_COLOURS))
def test_badge_colours_meet_wcag_aa_contrast(verdict):
    lighter, darker = sorted(map(_luminance, BADGE_COLOURS[verdict]), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5


def test_claim_groups_are_ordered_by_interest(page):
    titles = [
        "How the unit got back to Pskov.",  # conflicting
        "The unit is an elite paratrooper unit.",  # contested certainty
        "About 60 servicemen from Pskov refused to fight in Ukraine.",  # echoed
        "Food is short: a ration is shared between two soldiers.",  # corroborated
        "Over 20,000 Russian soldiers have been killed.",  # single source
    ]
    positions = [page.index(f"</span> {title}</h4>") for title in titles]
    assert positions == sorted(positions)


def test_story_lists_its_articles_with_links_and_dates(page, articles):
    assert page.count('href="https://sofrep.com/news/russian-paratroopers-refuse-to-fight/"') == 1
    assert '<strong>International Business Times</strong>: <a href="https://www.ibtimes' in page
    assert "published <time>2022-04-08T14:02:00Z</time>" in page
    links = [a for tag, a in _parse(page).tags if tag == "a" and a["href"].startswith("http")]
    assert all(a["rel"] == "noopener noreferrer nofollow" for a in links)


def test_echoed_group_names_its_single_origin_and_variants(page):
    assert "All 2 articles trace back to one origin: Pskovskaya Gubernia (cited source)." in page
    assert "also spelled Pskovskaya Guberniya" in page
    assert "Both outlets cite Pskovskaya Gubernia." not in page  # said once, not twice (#20)
    assert "Independent sources: <strong>1</strong>" in page


def test_other_verdicts_explain_themselves_in_words(page):
    assert "2 independent origins: Vladimir Safronov (speaker), SOFREP (outlet)." in page
    assert "Only International Business Times states this." in page
    assert (
        "The articles disagree on manner of return; the claim traces to SOFREP, "
        "International Business Times." in page
    )
    assert "Certainty differs between outlets: asserted by SOFREP; unconfirmed by" in page


def test_conflicts_show_each_value_with_its_outlets(page, articles, story):
    assert "Conflict on manner of return" in page
    # who says what, then which outlets carry it (#20)
    assert "“returned of their own accord”" in page and "; carried by SOFREP</li>" in page
    assert "; carried by International Business Times</li>" in page
    conflict = story.claim_groups[4].conflicts[0]
    counted = replace(conflict, attribute="count", conservative="300")
    group = replace(story.claim_groups[4], conflicts=(counted,))
    page = render_html(articles, [replace(story, claim_groups=(group,))], version="0.1.0")
    assert "Conservative value: <strong>300</strong>" in page


def test_every_member_sentence_is_shown_with_outlet_certainty_and_attribution(page, story):
    for group in story.claim_groups:
        for claim in group.members:
            assert f"<blockquote>{escape(claim.text)}</blockquote>" in page
    assert "<strong>SOFREP</strong> · hedged (allegedly, apparently)" in page
    assert "hedged by:" not in page  # the internal label the issue (#20) names
    # whom the outlet quotes or cites, in words; no "cue", no "(organisation)" (#20)
    assert "quoting Pskovskaya Guberniya (“reported”)" in page
    assert "citing " in page and "(“according to the report”)" in page
    assert "cue “" not in page and "direct quote" not in page
    assert "Quantity: some 60 unit members (approximate), read as 54 to 66" in page
    assert "Quantity: over 20,000, read as 20,001 or more, counting soldier" in page


def test_outlet_falls_back_to_title_then_id(articles, story):
    untitled = replace(articles[0], outlet=None)
    anonymous = replace(articles[1], outlet=None, title=None)
    page = render_html([untitled, anonymous], [story], version="0.1.0")
    assert f"<strong>{untitled.title}</strong> · hedged" in page
    assert f"Only {anonymous.id} states this." in page


def test_reuse_edges_read_as_a_sentence_with_evidence_and_excerpt(page):
    assert (
        "International Business Times reused text from SOFREP: 34% of the text; evidence: "
        "source published first; target adds text around shared passages." in page
    )
    assert "1 shared passage." in page
    assert "<blockquote>Pskovskaya Guberniya</blockquote>" in page


def test_events_show_place_date_count_and_link_their_claims(page):
    assert "<dt>ACLED type</dt><dd>Protests / Peaceful protest</dd>" in page
    assert "<dd>Pskov, Pskov Oblast, RU (precision: city)</dd>" in page
    assert "<dd>24 February 2022 to 10 March 2022 (“" in page and "; to the relative)" not in page
    assert "<dd>reported: 60, 60; conservative: 60</dd>" in page
    assert "<dd>SOFREP, International Business Times</dd>" in page
    echoed_anchor = re.search(
        r'id="(story-1-claim-\d)" aria-labelledby="[^"]+">\s*<h4[^>]*>'
        r'<span class="badge badge-echoed">',
        page,
    )
    assert echoed_anchor is not None
    assert f'<a href="#{echoed_anchor.group(1)}">g-sixty</a>' in page


def test_internal_links_all_land_and_ids_are_unique(page):
    tags = _parse(page).tags
    ids = [attrs["id"] for _, attrs in tags if "id" in attrs]
    assert len(ids) == len(set(ids))
    fragments = [a["href"][1:] for tag, a in tags if tag == "a" and a["href"].startswith("#")]
    assert "story-1" in fragments  # the table of contents
    assert set(fragments) <= set(ids)


def test_page_loads_nothing_from_the_network(page, articles):
    parsed = _parse(page)
    names = {tag for tag, _ in parsed.tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed", "base", "form"}
    assert all("src" not in attrs for _, attrs in parsed.tags)
    article_urls = {a.url for a in articles}
    hrefs = [attrs["href"] for _, attrs in parsed.tags if "href" in attrs]
    assert {h for h in hrefs if not h.startswith("#")} == article_urls
    assert "url(" not in parsed.css
    assert "@import" not in parsed.css
    outside_links = re.sub(r'href="[^"]*"', "", page)
    assert "http://" not in outside_links
    assert "https://" not in outside_links


def test_hostile_article_renders_as_inert_text(hostile):
    article, story = hostile
    page = render_html([article], [story], version="0.1.0")
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    # the one <svg> is the drawn provenance graph, never the article's markup
    assert page.count("<svg") == page.count('<div class="graph-wrap">') <= 1
    assert 'href="javascript:' not in page
    assert "href='javascript:" not in page
    assert '"onmouseover' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown, as text
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<code>javascript:alert(1)</code>" in page  # the address, not a link
    for tag, attrs in _parse(page).tags:
        assert tag not in ("script", "img", "b", "i")
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        assert not (attrs.get("href") or "#").lower().startswith(("javascript", "data"))


@pytest.mark.parametrize(
    "url",
    [
        "data:text/html,<script>alert(1)</script>",
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "ftp://example.org/file",
        "https:alert(1)",
    ],
)
def test_only_http_and_https_urls_become_links(articles, story, url):
    page = render_html([replace(articles[0], url=url), articles[1]], [story], version="0.1.0")
    hrefs = [a["href"] for tag, a in _parse(page).tags if tag == "a"]
    assert [h for h in hrefs if not h.startswith("#")] == [articles[1].url]
    assert str(escape(url)) in page


def test_counts_are_worded_in_singular_and_plural(articles, story):
    lone = Story("s-1", "One article", (articles[0].id,), story.claim_groups[:1])
    page = render_html(articles[:1], [lone], version="0.1.0")
    assert "1 article · 1 story · 1 claim group</p>" in page
    assert "(1 article, 1 claim group)" in page


def test_empty_report_still_renders(articles):
    page = render_html(articles, [], version="0.1.0")
    assert "No stories were found." in page
    assert "2 articles · 0 stories · 0 claim groups" in page


def test_write_html_writes_the_rendered_page(tmp_path: Path, articles, story):
    path = write_html(tmp_path / "out" / "report.html", articles, [story], version="0.1.0")
    assert path.read_text(encoding="utf-8") == render_html(articles, [story], version="0.1.0")
    assert sorted(p.name for p in path.parent.iterdir()) == ["report.html"]
