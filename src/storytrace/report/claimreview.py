"""Claim groups as schema.org ``ClaimReview`` JSON-LD, one review per claim group.

The rating's text is the verdict (``corroborated``, ``echoed``, ``single_source``,
``conflicting``) and its explanation the group's evidence line; each member article is
an ``appearance`` of the claim. ``<``, ``>`` and ``&`` are written as ``\\u`` escapes, so
the document is safe inside an HTML ``<script type="application/ld+json">``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from storytrace.records import Article, ClaimGroup, Story
from storytrace.report.views import safe_href


def claim_review(
    group: ClaimGroup, by_id: Mapping[str, Article], *, version: str
) -> dict[str, Any]:
    """One ``ClaimReview`` for a claim group."""
    appearances = []
    for article_id in dict.fromkeys(member.article_id for member in group.members):
        article = by_id.get(article_id)
        work: dict[str, Any] = {"@type": "CreativeWork", "identifier": article_id}
        if article is not None:
            if safe_href(article.url):
                work["url"] = article.url
            if article.title:
                work["headline"] = article.title
            if article.published:
                work["datePublished"] = article.published
            if article.outlet:
                work["publisher"] = {"@type": "Organization", "name": article.outlet}
        appearances.append(work)
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": group.id,
        "claimReviewed": group.text,
        "author": {"@type": "Organization", "name": f"storytrace {version}"},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": group.verdict,
            "ratingExplanation": group.evidence,
        },
        "itemReviewed": {
            "@type": "Claim",
            "appearance": appearances,
            "author": [{"@type": "Thing", "name": origin.name} for origin in group.origins],
        },
    }


def claim_reviews_json(
    stories: Sequence[Story], articles: Sequence[Article], *, version: str
) -> str:
    """Every claim group of every story as a JSON-LD array of ``ClaimReview``s."""
    by_id = {article.id: article for article in articles}
    reviews = [
        claim_review(group, by_id, version=version)
        for story in stories
        for group in story.claim_groups
    ]
    text = json.dumps(reviews, ensure_ascii=False, indent=2, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
