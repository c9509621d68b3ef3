"""Claim groups as schema.org ``ClaimReview`` JSON-LD, one review per claim group.

Only the properties Google's fact-check structured data requires or recommends are
written (``docs/exports.md``): ``claimReviewed``, ``reviewRating``, ``url``, ``author``,
``datePublished`` and ``itemReviewed``, a ``Claim`` with its ``author``,
``datePublished``, ``firstAppearance`` and ``appearance`` where the articles say so.

A verdict says how a claim is sourced, never whether it is true, so the rating has no
number: ``ratingValue``, ``bestRating`` and ``worstRating`` would put the verdicts on a
truth scale that does not exist. ``alternateName`` (the one rating field Google requires)
states the sourcing finding and that the claim was not checked. ``<``, ``>`` and ``&``
are written as ``\\u`` escapes, so the document is safe inside an HTML
``<script type="application/ld+json">``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from storytrace.records import Article, ClaimGroup, Origin, Story
from storytrace.report.views import safe_href

#: What ``alternateName`` says for each verdict: the sourcing finding, never a truth rating.
SOURCING: Mapping[str, str] = {
    "corroborated": "Not checked; {sources} independent sources agree",
    "echoed": "Not checked; {reports}, one source",
    "single_source": "Not checked; one report only",
    "conflicting": "Not checked; the reports disagree",
}

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?")


def sourcing_rating(group: ClaimGroup) -> str:
    """The plain sourcing finding of ``group`` (see :data:`SOURCING`)."""
    count = len({member.article_id for member in group.members})
    reports = f"{count} reports" if count != 1 else "1 report"
    return SOURCING[group.verdict].format(sources=group.independent_sources, reports=reports)


def claim_review(
    group: ClaimGroup,
    story: Story,
    by_id: Mapping[str, Article],
    *,
    version: str,
    base_url: str | None = None,
    reviewed: str | None = None,
) -> dict[str, Any]:
    """One ``ClaimReview`` for a claim group of ``story``.

    ``url`` is the story's page of ``storytrace serve`` (``/stories/ID``), under
    ``base_url`` when given, else relative to the site that publishes the review;
    ``reviewed`` is the review's date (the run that judged it).
    """
    members = [by_id[a] for a in dict.fromkeys(m.article_id for m in group.members) if a in by_id]
    dated = sorted((a for a in members if _iso(a.published)), key=lambda a: a.published or "")
    first = dated[0] if dated else None
    claim: dict[str, Any] = {"@type": "Claim"}
    if group.origins:
        claim["author"] = [_origin(origin) for origin in group.origins]
    if first is not None:
        claim["datePublished"] = first.published
        claim["firstAppearance"] = _work(first)
    appearances = [_work(a) for a in members if a is not first]
    if appearances:
        claim["appearance"] = appearances
    page = f"/stories/{quote(story.id, safe='')}"
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": base_url.rstrip("/") + page if base_url else page,
        "claimReviewed": group.text,
        "author": {"@type": "Organization", "name": f"storytrace {version}"},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": sourcing_rating(group),
        },
        "itemReviewed": claim,
    }
    if _iso(reviewed):
        review["datePublished"] = reviewed
    return review


def _iso(date: str | None) -> bool:
    """Whether ``date`` is an ISO 8601 date or date-time (what ``datePublished`` takes)."""
    return bool(date) and _ISO_DATE.fullmatch(date or "") is not None


def _origin(origin: Origin) -> dict[str, str]:
    kind = "Person" if origin.kind == "speaker" else "Organization"
    return {"@type": kind, "name": origin.name}


def _work(article: Article) -> dict[str, Any]:
    """An article as the ``CreativeWork`` a claim appears in (a link only when http(s))."""
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if safe_href(article.url):
        work["url"] = article.url
    if article.title:
        work["headline"] = article.title
    if _iso(article.published):
        work["datePublished"] = article.published
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    return work


def claim_reviews_json(
    stories: Sequence[Story],
    articles: Sequence[Article],
    *,
    version: str,
    base_url: str | None = None,
    reviewed: str | None = None,
) -> str:
    """Every claim group of every story as a JSON-LD array of ``ClaimReview``s."""
    by_id = {article.id: article for article in articles}
    reviews = [
        claim_review(group, story, by_id, version=version, base_url=base_url, reviewed=reviewed)
        for story in stories
        for group in story.claim_groups
    ]
    text = json.dumps(reviews, ensure_ascii=False, indent=2, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
