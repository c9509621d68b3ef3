"""Story grouping: events of one kind that share names are told apart by event detail."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest

from storytrace.cluster import article_vectors, group_stories
from storytrace.cluster.events import (
    DATED_OFFSET,
    date_terms,
    event_details,
    local_views,
    pair_features,
    same_event,
)
from storytrace.cluster.features import global_views
from storytrace.cluster.stories import WINDOW_DAYS
from storytrace.records import Article, ReuseEdge

# Two events of one kind, told with the same names: a Harbour Line ferry that ran aground
# off Mirela Island in March 2021, and another Harbour Line ferry that caught fire off the
# same island in August 2023. Both invented for this test.
AGROUND = [
    "A Harbour Line ferry carrying 212 passengers ran aground off Mirela Island on Tuesday, "
    "and coastguard boats took everyone ashore by nightfall.",
    "The Harbour Line ferry Stella ran aground on rocks off Mirela Island on Tuesday with 212 "
    "passengers aboard; no one was hurt, the coastguard said.",
    "Coastguard crews evacuated 212 passengers from the Stella, a Harbour Line ferry that hit "
    "rocks off Mirela Island on Tuesday morning in March 2021.",
    "Harbour Line said its ferry Stella ran aground in fog off Mirela Island on Tuesday and "
    "that all 212 passengers had been brought to shore.",
    "Divers inspected the hull of the Stella on Tuesday after the Harbour Line ferry ran "
    "aground off Mirela Island with 212 passengers in March 2021.",
]
FIRE = [
    "Fire broke out on the Harbour Line ferry Aurora off Mirela Island on Sunday, forcing 87 "
    "passengers into lifeboats, the coastguard said in August 2023.",
    "Eighty-seven passengers escaped in lifeboats on Sunday when the Harbour Line ferry "
    "Aurora caught fire in its engine room off Mirela Island.",
    "The Aurora, a Harbour Line ferry, burned for six hours off Mirela Island on Sunday after "
    "an engine-room fire; all 87 passengers were rescued.",
    "Harbour Line suspended sailings after fire swept its ferry Aurora off Mirela Island on "
    "Sunday, in August 2023; 87 passengers were rescued.",
    "Investigators boarded the fire-gutted Aurora on Sunday, the Harbour Line ferry that "
    "burned off Mirela Island with 87 passengers aboard.",
]
UNRELATED = [
    "The Porto city library reopened on Saturday after a two-year renovation.",
    "Porto's renovated library opened its doors again on Saturday, two years after it closed.",
    "A chemical warehouse fire in Ghent killed three workers on Thursday.",
]


def _articles(texts: list[str]) -> list[Article]:
    return [Article.from_text(text) for text in texts]


def _vectors(articles: list[Article]) -> dict[str, np.ndarray]:
    return dict(zip((a.id for a in articles), article_vectors(articles), strict=True))


@pytest.fixture(scope="module")
def ferries() -> tuple[list[Article], dict[str, np.ndarray]]:
    articles = _articles(AGROUND + FIRE + UNRELATED)
    return articles, _vectors(articles)


def test_two_events_of_one_kind_with_shared_names_are_two_stories(ferries) -> None:
    articles, vectors = ferries
    story = group_stories(articles, vectors)
    aground = {story[a.id] for a in articles[: len(AGROUND)]}
    fire = {story[a.id] for a in articles[len(AGROUND) : len(AGROUND) + len(FIRE)]}
    assert len(aground) == 1 and len(fire) == 1
    assert aground != fire


def test_one_event_told_many_ways_stays_one_story(ferries) -> None:
    articles, vectors = ferries
    alone = articles[len(AGROUND) : len(AGROUND) + len(FIRE)]
    story = group_stories(alone, {a.id: vectors[a.id] for a in alone})
    assert len(set(story.values())) == 1


def test_new_articles_join_the_stories_already_found(ferries) -> None:
    articles, vectors = ferries
    first = articles[:3] + articles[len(AGROUND) : len(AGROUND) + 3]
    existing = group_stories(first, {a.id: vectors[a.id] for a in first})
    story = group_stories(articles, vectors, existing=existing)
    for article in first:
        assert story[article.id] == existing[article.id]
    assert story[articles[4].id] == existing[articles[0].id]
    assert story[articles[len(AGROUND) + 4].id] == existing[articles[len(AGROUND)].id]


def test_reused_text_links_articles_the_features_would_split(ferries) -> None:
    articles, vectors = ferries
    one, other = articles[0], articles[len(AGROUND)]
    edge = ReuseEdge(source=one.id, target=other.id, containment=0.9, passages=())
    story = group_stories(articles, vectors, edges=[edge])
    assert story[one.id] == story[other.id]


def test_event_details_separate_counts_days_and_years() -> None:
    weekdays, numbers, years = event_details("On Tuesday, 23 pirates were held; in 2008, 1,200.")
    assert weekdays == {"tuesday"}
    assert numbers == {"23", "1200"}
    assert years == {"2008"}


def test_words_every_article_of_a_neighbourhood_shares_weigh_nothing() -> None:
    texts = ["Harbour Line ferry aground", "Harbour Line ferry blaze", "Harbour Line ferry blaze"]
    vectors = np.eye(3, 4, dtype=np.float32)
    local = local_views(texts, vectors)
    assert local["words"][0, 1] == pytest.approx(0.0)  # only "harbour line ferry" shared
    assert local["words"][1, 2] == pytest.approx(1.0)


def test_pair_features_mark_different_counts_as_differing() -> None:
    texts = ["Navy frees ship; 23 pirates held", "Navy frees ship; 26 pirates held"]
    texts.append("Navy frees ship; 23 pirates held on Friday")
    vectors = np.eye(3, 4, dtype=np.float32)
    features = pair_features(texts, vectors, global_views(texts, vectors))
    assert features["numbers_differ"][0, 1] == 1.0
    assert features["numbers_differ"][0, 2] == 0.0
    assert features["numbers_shared"][0, 2] == 1.0
    assert features["weekdays_differ"][0, 2] == 0.0  # only one of them names a day


def test_an_article_left_alone_rejoins_the_part_it_likely_shares() -> None:
    from storytrace.cluster.stories import _rejoin_lone

    similar = np.full((5, 5), 0.05, dtype=np.float32)
    similar[:2, :2] = similar[2:4, 2:4] = 0.9
    similar[4, :2] = similar[:2, 4] = 0.45  # likely enough with the first part
    assert _rejoin_lone(similar, [0, 0, 1, 1, 2]) == [0, 0, 1, 1, 0]
    similar[4, :2] = similar[:2, 4] = 0.1  # a story of its own
    assert _rejoin_lone(similar, [0, 0, 1, 1, 2]) == [0, 0, 1, 1, 2]


def test_a_dated_article_left_alone_rejoins_only_a_part_told_in_close_words() -> None:
    from storytrace.cluster.events import REJOIN_DATED_COSINE
    from storytrace.cluster.stories import _dated_cosines, _rejoin_lone

    similar = np.full((5, 5), 0.05, dtype=np.float32)
    similar[:2, :2] = similar[2:4, 2:4] = 0.9
    similar[4, :2] = similar[:2, 4] = 0.45  # likely enough, were they undated
    embedding = np.eye(5, dtype=np.float32)  # five leads told in unrelated words
    days = np.full(5, 740000.0)
    dated = _dated_cosines(embedding, days)
    assert _rejoin_lone(similar, [0, 0, 1, 1, 2], dated) == [0, 0, 1, 1, 2]
    close = dated.copy()
    close[4, :2] = close[:2, 4] = REJOIN_DATED_COSINE + 0.05
    similar[4, :2] = similar[:2, 4] = 0.1  # unlikely by the event model's dated odds
    assert _rejoin_lone(similar, [0, 0, 1, 1, 2], close) == [0, 0, 1, 1, 0]
    days[4] = np.nan  # undated: the probability decides, as before
    similar[4, :2] = similar[:2, 4] = 0.45
    mixed = _dated_cosines(embedding, days)
    assert np.isnan(mixed[4]).all()
    assert _rejoin_lone(similar, [0, 0, 1, 1, 2], mixed) == [0, 0, 1, 1, 0]


def _with(article: Article, **fields: str) -> Article:
    return dataclasses.replace(article, **fields)


@pytest.mark.parametrize(
    ("outlets", "containment", "linked"),
    [
        (("Harbour Courier", "Harbour Courier"), 0.1, False),  # the outlet's standing text
        (("Harbour Courier", "Harbour Courier"), 0.9, True),  # the outlet's own update
        (("Harbour Courier", "Valley Ledger"), 0.1, True),  # text taken from another outlet
        ((None, None), 0.1, True),  # outlets unknown
    ],
)
def test_an_outlets_standing_text_does_not_link_its_articles(
    ferries, outlets: tuple[str | None, str | None], containment: float, linked: bool
) -> None:
    articles, vectors = ferries
    first, second = len(AGROUND) - 1, len(AGROUND)  # an aground report and a fire report
    chosen = list(articles)
    chosen[first] = _with(articles[first], outlet=outlets[0]) if outlets[0] else articles[first]
    chosen[second] = _with(articles[second], outlet=outlets[1]) if outlets[1] else articles[second]
    edge = ReuseEdge(source=chosen[first].id, target=chosen[second].id, containment=containment)
    story = group_stories(chosen, vectors, edges=[edge])
    assert (story[chosen[first].id] == story[chosen[second].id]) is linked


def test_dated_pairs_are_less_likely_one_event_and_undated_ones_unchanged(ferries) -> None:
    articles, vectors = ferries
    texts = [a.text for a in articles]
    rows = list(range(len(articles)))
    local = global_views(texts, np.stack([vectors[a.id] for a in articles]))
    plain = same_event(texts, np.stack([vectors[a.id] for a in articles]), local)
    dated = np.full(len(rows), 740000.0)
    undated = dated.copy()
    undated[0] = np.nan
    shifted = same_event(texts, np.stack([vectors[a.id] for a in articles]), local, days=undated)
    assert np.allclose(shifted[0], plain[0]) and np.allclose(shifted[:, 0], plain[:, 0])
    off = ~np.eye(len(rows), dtype=bool)
    off[0, :] = off[:, 0] = False
    assert (shifted[off] < plain[off]).all()
    assert np.array_equal(date_terms(dated), np.full((len(rows), len(rows)), DATED_OFFSET))


def test_dated_reports_of_one_event_over_three_days_stay_one_story(ferries) -> None:
    articles, vectors = ferries
    fire = articles[len(AGROUND) : len(AGROUND) + len(FIRE)]
    days = ["2023-08-06", "2023-08-06", "2023-08-07", "2023-08-09", "2023-08-09"]
    dated = [_with(a, published=day) for a, day in zip(fire, days, strict=True)]
    story = group_stories(dated, {a.id: vectors[a.id] for a in dated})
    assert len(set(story.values())) == 1


def test_two_dated_events_of_one_kind_stay_apart(ferries) -> None:
    articles, vectors = ferries
    dated = [_with(a, published="2023-08-06") for a in articles]
    story = group_stories(dated, vectors)
    aground = {story[a.id] for a in dated[: len(AGROUND)]}
    fire = {story[a.id] for a in dated[len(AGROUND) : len(AGROUND) + len(FIRE)]}
    assert len(aground) == 1 and len(fire) == 1 and aground != fire


def test_reports_further_apart_than_the_window_are_two_stories(ferries) -> None:
    articles, vectors = ferries
    fire = articles[len(AGROUND) : len(AGROUND) + 2]
    late = (dt.date(2023, 8, 6) + dt.timedelta(days=WINDOW_DAYS + 1)).isoformat()
    dated = [_with(fire[0], published="2023-08-06"), _with(fire[1], published=late)]
    story = group_stories(dated, {a.id: vectors[a.id] for a in dated})
    assert story[dated[0].id] != story[dated[1].id]
