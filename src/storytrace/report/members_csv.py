"""Claim group members as CSV: one row per claim per article, for spreadsheets.

Each row is one sentence of one article that states a claim group's fact, with the
group's verdict, the article's outlet, URL and date, the sentence's certainty and hedges,
and who it is attributed to. Cells that a spreadsheet would run as a formula get a
leading apostrophe (:func:`storytrace.report.tables.csv_cell`); the text starts with a
UTF-8 byte-order mark (added by :mod:`storytrace.report.export`) so Excel reads "Brač"
as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storytrace.records import Article, Claim, ClaimGroup, Story
from storytrace.report.tables import write_csv

MEMBER_COLUMNS: tuple[str, ...] = (
    "story_id",
    "group_id",
    "verdict",
    "group_text",
    "claim_id",
    "claim_text",
    "article_id",
    "outlet",
    "article_url",
    "published",
    "certainty",
    "hedges",
    "source",
    "source_kind",
    "cue",
    "direct_quote",
)


def member_rows(stories: Sequence[Story], articles: Sequence[Article]) -> list[dict[str, Any]]:
    """One row per member claim of every claim group (see :data:`MEMBER_COLUMNS`)."""
    by_id = {article.id: article for article in articles}
    return [
        _row(story, group, member, by_id.get(member.article_id))
        for story in stories
        for group in story.claim_groups
        for member in group.members
    ]


def _row(story: Story, group: ClaimGroup, claim: Claim, article: Article | None) -> dict[str, Any]:
    attribution = claim.attribution
    return {
        "story_id": story.id,
        "group_id": group.id,
        "verdict": group.verdict,
        "group_text": group.text,
        "claim_id": claim.id,
        "claim_text": claim.text,
        "article_id": claim.article_id,
        "outlet": article.outlet if article else None,
        "article_url": article.url if article else None,
        "published": article.published if article else None,
        "certainty": claim.certainty,
        "hedges": "; ".join(claim.hedges),
        "source": attribution.source if attribution else None,
        "source_kind": attribution.kind if attribution else None,
        "cue": attribution.cue if attribution else None,
        "direct_quote": attribution.direct if attribution else None,
    }


def members_csv(stories: Sequence[Story], articles: Sequence[Article]) -> str:
    """The members of every claim group as CSV, one row per claim per article."""
    return write_csv(MEMBER_COLUMNS, member_rows(stories, articles))
