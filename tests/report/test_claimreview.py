"""ClaimReview JSON-LD: Google's required and recommended fields only, no truth scale."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from storytrace.records import Article, Story
from storytrace.report.claimreview import SOURCING, claim_reviews_json
from storytrace.report.export import export

# The properties Google's fact-check structured data documents as required or recommended.
REVIEW_FIELDS = {
    "@context", "@type", "claimReviewed", "reviewRating", "url",
    "author", "datePublished", "itemReviewed",
}  # fmt: skip
CLAIM_FIELDS = {"@type", "appearance", "author", "datePublished", "firstAppearance"}
REQUIRED = {"claimReviewed", "reviewRating", "url"}
TRUTH_WORDS = ("true", "false", "correct", "accurate", "misleading", "verified", "fake")


def _reviews(story: Story, articles: list[Article], **options: Any) -> list[dict[str, Any]]:
    text = export([story], articles, "claimreview", version="0.1.0", **options)
    reviews: list[dict[str, Any]] = json.loads(text)
    return reviews


def test_every_group_has_the_required_fields_and_nothing_google_does_not_define(
    articles: list[Article], story: Story
) -> None:
    reviews = _reviews(story, articles, reviewed="2026-12-04")
    assert len(reviews) == len(story.claim_groups)
    for review, group in zip(reviews, story.claim_groups, strict=True):
        assert REQUIRED <= set(review) <= REVIEW_FIELDS
        assert (review["@context"], review["@type"]) == ("https://schema.org", "ClaimReview")
        assert review["claimReviewed"] == group.text
        assert review["datePublished"] == "2026-12-04"
        assert review["author"] == {"@type": "Organization", "name": "storytrace 0.1.0"}
        assert review["url"] == "/stories/story-pskov"
        assert review["itemReviewed"]["@type"] == "Claim"
        assert set(review["itemReviewed"]) <= CLAIM_FIELDS


def test_the_rating_states_the_sourcing_and_puts_no_number_on_truth(
    articles: list[Article], story: Story
) -> None:
    ratings = {
        group.verdict: review["reviewRating"]
        for review, group in zip(_reviews(story, articles), story.claim_groups, strict=True)
    }
    assert set(ratings) == set(SOURCING) == {"corroborated", "echoed", "single_source",
                                             "conflicting"}  # fmt: skip
    for verdict, rating in ratings.items():
        assert set(rating) == {"@type", "alternateName"}  # no ratingValue, best or worst
        name = rating["alternateName"]
        assert name.startswith("Not checked; ") and verdict not in name
        assert not any(word in name.lower() for word in TRUTH_WORDS)
    assert ratings["echoed"]["alternateName"] == "Not checked; 2 reports, one source"
    assert ratings["corroborated"]["alternateName"] == "Not checked; 2 independent sources agree"
    assert ratings["single_source"]["alternateName"] == "Not checked; one report only"
    assert ratings["conflicting"]["alternateName"] == "Not checked; the reports disagree"


def test_the_claim_first_appears_in_the_earliest_article_and_names_its_origins(
    articles: list[Article], story: Story, sofrep: Article, ibt: Article
) -> None:
    by_group = dict(zip((g.id for g in story.claim_groups), _reviews(story, articles), strict=True))
    claim = by_group["g-sixty"]["itemReviewed"]
    assert claim["datePublished"] == ibt.published  # 8 April, a day before SOFREP
    assert claim["firstAppearance"] == {
        "@type": "CreativeWork",
        "url": ibt.url,
        "headline": ibt.title,
        "datePublished": ibt.published,
        "publisher": {"@type": "Organization", "name": "International Business Times"},
    }
    assert [work["url"] for work in claim["appearance"]] == [sofrep.url]
    assert claim["author"] == [{"@type": "Organization", "name": "Pskovskaya Gubernia"}]
    speakers = by_group["g-food"]["itemReviewed"]["author"]
    assert {"@type": "Person", "name": "Vladimir Safronov"} in speakers
    single = by_group["g-dead"]["itemReviewed"]  # one article: it is the first appearance
    assert "appearance" not in single and single["firstAppearance"]["url"] == ibt.url


def test_the_url_is_the_story_page_under_the_base_url(
    articles: list[Article], story: Story
) -> None:
    odd = replace(story, id="story/1 ?#")
    (review, *_) = _reviews(odd, articles, base_url="https://desk.example.org/")
    assert review["url"] == "https://desk.example.org/stories/story%2F1%20%3F%23"


def test_undated_or_badly_dated_articles_give_no_dates(
    articles: list[Article], story: Story
) -> None:
    undated = [replace(a, published=None if i else "last Tuesday") for i, a in enumerate(articles)]
    for review in _reviews(story, undated, reviewed="yesterday"):
        assert "datePublished" not in review
        claim = review["itemReviewed"]
        assert "datePublished" not in claim and "firstAppearance" not in claim
        assert all("datePublished" not in work for work in claim["appearance"])


def test_claimreview_is_safe_inside_a_script_tag(hostile: tuple[Article, Story]) -> None:
    article, story = hostile
    text = claim_reviews_json([story], [article], version="0.1.0")
    assert "<" not in text and ">" not in text
    (review,) = json.loads(text)
    assert review["claimReviewed"] == "<img src=x onerror=alert(1)>"
    assert review["reviewRating"]["alternateName"] == "Not checked; 1 report, one source"
    assert "firstAppearance" not in review["itemReviewed"]  # "<b>2022</b>" is no date
    (work,) = review["itemReviewed"]["appearance"]
    assert "url" not in work  # javascript: is no link
    assert "datePublished" not in work


@pytest.mark.parametrize("verdict", sorted(SOURCING))
def test_every_verdict_has_a_sourcing_phrase(verdict: str, story: Story) -> None:
    group = replace(story.claim_groups[0], verdict=verdict, independent_sources=3)
    text = claim_reviews_json([replace(story, claim_groups=(group,))], [], version="0")
    (review,) = json.loads(text)
    assert review["reviewRating"]["alternateName"].startswith("Not checked; ")
