"""A past event recalled in today's news is background, not an ACLED row.

The reports are written for the test; each goes through the read stage and
``pipeline.build_story`` as in a run, then through the ACLED export.
"""

from __future__ import annotations

from storytrace.claims import read_articles
from storytrace.pipeline import build_story
from storytrace.records import Article
from storytrace.report.acled_csv import acled_rows

PUBLISHED = "2025-06-20"


def _rows(text: str) -> tuple[list[dict[str, object]], list[str]]:
    article = Article.from_text(text, outlet="Desk", published=PUBLISHED)
    claims = [c for _, found in read_articles([article]) for c in found]
    story = build_story("s-past", [article], claims, [])
    assert story.events, f"no event coded from: {text}"
    rows, left_out = acled_rows([story], [article], timestamp=0)
    return rows, [reason for _, reason in left_out]


def test_an_event_years_before_its_article_is_left_out_as_background() -> None:
    rows, reasons = _rows(
        "Troops opened fire on striking miners in Marikana, North West, in August 2012, "
        "killing 34 people."
    )
    assert rows == []
    assert len(reasons) == 1 and reasons[0].startswith("told as background: it ended 2012-08")


def test_an_event_of_last_week_is_a_row() -> None:
    rows, reasons = _rows(
        "Troops opened fire on striking miners in Marikana, North West, on Monday, "
        "killing 3 people."
    )
    assert [r["event_date"] for r in rows] == ["2025-06-16"]
    assert reasons == []
