"""Records read back from the SQLite file equal the records written."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.records import Article, Attribution, Claim, Quantity, Story
from storytrace.store import SQLiteStore


def test_article_round_trips_through_a_reopened_file(reopen, store, sofrep, ibt):
    assert store.add_article(sofrep) is True
    assert store.add_article(ibt) is True
    store.close()

    with reopen() as reopened:
        assert reopened.get_articles() == [sofrep, ibt]


def test_get_articles_by_id_keeps_insertion_order_and_skips_unknown(store, sofrep, ibt, flood):
    for article in (sofrep, ibt, flood):
        store.add_article(article)

    assert store.get_articles([flood.id, "no-such-id", sofrep.id]) == [sofrep, flood]
    assert store.get_articles([]) == []


def test_claim_with_nested_records_round_trips(reopen, store, ibt, ibt_claim):
    store.add_article(ibt)
    store.save_claims(ibt.id, [ibt_claim])
    store.close()

    with reopen() as reopened:
        (back,) = reopened.get_claims([ibt.id])
    assert back == ibt_claim
    assert isinstance(back.attribution, Attribution)
    assert back.attribution.source_span == ibt_claim.attribution.source_span
    assert back.places[0].lat == 57.8136


def test_get_claims_orders_by_article_then_span(
    store, sofrep, ibt, sofrep_claim, ibt_claim, claim_of
):
    store.add_article(sofrep)
    store.add_article(ibt)
    early = claim_of(ibt, "Around 60 elite Russian paratroopers")
    store.save_claims(ibt.id, [ibt_claim, early])
    store.save_claims(sofrep.id, [sofrep_claim])

    assert store.get_claims([ibt.id, sofrep.id]) == [sofrep_claim, early, ibt_claim]
    assert store.get_claims([ibt.id]) == [early, ibt_claim]


def test_story_with_nested_records_round_trips(reopen, store, sofrep, ibt, mutiny_story):
    store.add_article(sofrep)
    store.add_article(ibt)
    store.save_story(mutiny_story)
    store.close()

    with reopen() as reopened:
        assert reopened.get_story(mutiny_story.id) == mutiny_story
        assert reopened.get_stories() == [mutiny_story]
        assert reopened.get_story("no-such-story") is None


def test_stories_come_back_in_id_order(store, sofrep, ibt, flood):
    for article in (sofrep, ibt, flood):
        store.add_article(article)
    store.save_story(Story(id="b", title="Flood", article_ids=(flood.id,)))
    store.save_story(Story(id="a", title="Mutiny", article_ids=(ibt.id, sofrep.id)))

    stories = store.get_stories()
    assert [s.id for s in stories] == ["a", "b"]
    assert stories[0].article_ids == (ibt.id, sofrep.id)


def test_vectors_round_trip_and_replace(store, sofrep, ibt):
    store.add_article(sofrep)
    store.add_article(ibt)
    store.save_vector(ibt.id, b"\x00\x00\x80?" * 3)
    store.save_vector(sofrep.id, b"\x01\x02")
    store.save_vector(sofrep.id, b"\x00\x00\x00@")

    assert store.get_vectors() == {sofrep.id: b"\x00\x00\x00@", ibt.id: b"\x00\x00\x80?" * 3}


_optional_text = st.none() | st.text()


@settings(max_examples=60, deadline=None)
@given(
    articles=st.lists(
        st.builds(
            Article,
            id=st.text(min_size=1),
            text=st.text(),
            outlet=_optional_text,
            title=_optional_text,
            url=_optional_text,
            author=_optional_text,
            published=_optional_text,
            language=_optional_text,
            source=st.text(),
        ),
        max_size=5,
        unique_by=lambda article: article.id,
    )
)
def test_random_articles_round_trip(articles):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "prop.db"
        with SQLiteStore(path) as store:
            assert all(store.add_article(article) for article in articles)
        with SQLiteStore(path) as store:
            assert store.get_articles() == articles
            assert store.get_articles([a.id for a in reversed(articles)]) == articles


_finite = st.none() | st.floats(allow_nan=False)


@settings(max_examples=40, deadline=None)
@given(
    text=st.text(min_size=1),
    hedges=st.lists(st.text(), max_size=3).map(tuple),
    quantities=st.lists(
        st.builds(
            Quantity,
            text=st.text(),
            value=_finite,
            low=_finite,
            high=_finite,
            counted=_optional_text,
            approximate=st.booleans(),
            qualifier=_optional_text,
            span=st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)),
        ),
        max_size=3,
    ).map(tuple),
)
def test_random_claims_round_trip(text, hedges, quantities):
    article = Article.from_text(text)
    claim = Claim(
        id=f"{article.id}:0",
        article_id=article.id,
        text=text,
        span=(0, len(text)),
        certainty="unconfirmed",
        hedges=hedges,
        quantities=quantities,
    )
    with tempfile.TemporaryDirectory() as folder, SQLiteStore(Path(folder) / "c.db") as store:
        store.add_article(article)
        store.save_claims(article.id, [claim])
        (back,) = store.get_claims([article.id])
    assert back == claim
