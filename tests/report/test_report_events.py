"""Events in the HTML report: ACLED codes, who reports and who is the origin, escaped notes."""

from __future__ import annotations

from dataclasses import replace

from storytrace.records import Article, DateMention, Place, Story
from storytrace.report import render_html

KHAKASSIA = Place("Khakassia", "Khakasiya, Respublika", "RU", "Khakasiya, Respublika",
                  precision="region")  # fmt: skip


def _page(articles: list[Article], story: Story, **fields: object) -> str:
    event = replace(story.events[0], **fields)  # type: ignore[arg-type]
    return render_html(articles, [replace(story, events=(event,))], version="0.1.0")


def test_an_event_shows_acled_codes_origins_and_outlets(articles: list[Article], story: Story):
    page = _page(
        articles,
        story,
        event_type="Strategic developments",
        sub_event_type="Other",
        action="refusal",
        disorder_type="Strategic developments",
        location=KHAKASSIA,
        geo_precision=3,
        date=DateMention("March 5", "--03-05", "--03-05", "month-day"),
        time_precision=1,
        sources=("Pskovskaya Gubernia",),
        outlets=("SOFREP",),
        targets=("Pskovskaya Gubernia",),
        related_places=(Place("Belarus", "Belarus", "BY", precision="country"),),
    )
    assert ">Refusal in Khakasiya, Respublika" in page  # plain words, not ACLED's category
    assert "<dt>ACLED type</dt><dd>Strategic developments / Other</dd>" in page
    assert "<dd>Khakasiya, Respublika, RU (precision: region; ACLED geo_precision 3)</dd>" in page
    # a yearless day takes the year its article was published in; never "--03-05"
    assert "<dd>5 March 2022 (“March 5”; to the day; ACLED time precision 1)</dd>" in page
    assert "<dt>Sources</dt><dd>Pskovskaya Gubernia</dd>" in page
    assert "<dt>Reported by</dt><dd>SOFREP</dd>" in page
    assert "<dt>Acted on</dt><dd>Pskovskaya Gubernia</dd>" in page
    assert "<dt>Also named</dt><dd>Belarus (BY)</dd>" in page
    assert '<time datetime="2022-03-05">5 March 2022</time>' in page  # in the timeline
    assert "--03-05" not in page


def test_event_text_from_articles_is_escaped(articles: list[Article], story: Story):
    page = _page(articles, story, notes="<script>alert(1)</script>", actors=("<b>x</b>",),
                 related_places=(Place("<i>y</i>", "<i>y</i>"),))  # fmt: skip
    assert "<script>alert(1)</script>" not in page and "<b>x</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<i>y</i>" not in page
