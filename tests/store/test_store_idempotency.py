"""Writing the same thing twice leaves one copy; re-saving replaces."""

from __future__ import annotations

import dataclasses

import pytest

from storytrace.errors import StoreError
from storytrace.records import Story


def test_same_article_from_two_inputs_is_stored_once_with_both_sources(store, ibt):
    from_warc = dataclasses.replace(ibt, source="crawl/2022-03.warc.gz", title="Other title")

    assert store.add_article(ibt) is True
    assert store.add_article(from_warc) is False
    assert store.add_article(ibt) is False

    assert store.get_articles() == [ibt]  # the first copy's metadata and source win
    assert store.article_sources(ibt.id) == [ibt.source, "crawl/2022-03.warc.gz"]


def test_sources_survive_reopening_and_belong_to_their_article(reopen, store, sofrep, ibt):
    store.add_article(sofrep)
    store.add_article(ibt)
    store.add_article(dataclasses.replace(sofrep, source="https://sofrep.com/feed/"))
    store.close()

    with reopen() as reopened:
        assert reopened.article_sources(sofrep.id) == [sofrep.source, "https://sofrep.com/feed/"]
        assert reopened.article_sources(ibt.id) == [ibt.source]
        assert reopened.article_sources("unknown") == []


def test_save_claims_replaces_the_articles_claims(store, ibt, ibt_claim, claim_of):
    store.add_article(ibt)
    first = claim_of(ibt, "Around 60 elite Russian paratroopers have reportedly staged a mutiny")
    store.save_claims(ibt.id, [first, ibt_claim])
    store.save_claims(ibt.id, [ibt_claim])
    store.save_claims(ibt.id, [ibt_claim])

    assert store.get_claims([ibt.id]) == [ibt_claim]


def test_has_claims_is_true_once_saved_even_when_empty(store, sofrep, ibt, sofrep_claim):
    store.add_article(sofrep)
    store.add_article(ibt)
    assert store.has_claims(sofrep.id) is False

    store.save_claims(sofrep.id, [sofrep_claim])
    store.save_claims(ibt.id, [])

    assert store.has_claims(sofrep.id) is True
    assert store.has_claims(ibt.id) is True
    assert store.get_claims([ibt.id]) == []
    assert store.has_claims("unknown") is False


def test_claims_for_an_unstored_article_are_refused(store, ibt, ibt_claim):
    with pytest.raises(StoreError, match=f"article {ibt.id} is not stored"):
        store.save_claims(ibt.id, [ibt_claim])
    store.add_article(ibt)
    assert store.get_claims([ibt.id]) == []


def test_a_claim_saved_under_another_article_is_refused(store, sofrep, ibt, ibt_claim):
    store.add_article(sofrep)
    store.add_article(ibt)
    with pytest.raises(StoreError, match=f"belongs to article {ibt.id}"):
        store.save_claims(sofrep.id, [ibt_claim])
    assert store.get_claims([sofrep.id, ibt.id]) == []
    assert store.has_claims(sofrep.id) is False


def test_save_story_twice_keeps_one_copy(store, sofrep, ibt, mutiny_story):
    store.add_article(sofrep)
    store.add_article(ibt)
    store.save_story(mutiny_story)
    store.save_story(mutiny_story)

    assert store.get_stories() == [mutiny_story]


def test_save_story_replaces_json_and_membership(store, sofrep, ibt, flood, mutiny_story):
    for article in (sofrep, ibt, flood):
        store.add_article(article)
    store.save_story(mutiny_story)
    smaller = Story(id=mutiny_story.id, title="Paratroopers refuse orders", article_ids=(ibt.id,))
    store.save_story(smaller)

    assert store.get_story(mutiny_story.id) == smaller
    assert store.story_of(ibt.id) == mutiny_story.id
    assert store.story_of(sofrep.id) is None
    assert store.story_of(flood.id) is None


def test_an_article_claimed_by_another_story_moves(store, sofrep, ibt, flood, mutiny_story):
    for article in (sofrep, ibt, flood):
        store.add_article(article)
    store.save_story(mutiny_story)
    store.save_story(Story(id="s-other", title="Mixed", article_ids=(flood.id, sofrep.id)))

    assert store.story_of(sofrep.id) == "s-other"
    assert store.get_story(mutiny_story.id).article_ids == (ibt.id,)
    assert store.get_story("s-other").article_ids == (flood.id, sofrep.id)
    # The old story keeps the rest of what was saved with it.
    assert store.get_story(mutiny_story.id).claim_groups == mutiny_story.claim_groups


def test_an_article_listed_twice_in_a_story_is_kept_once(store, sofrep, ibt):
    store.add_article(sofrep)
    store.add_article(ibt)
    store.save_story(Story(id="s", title="t", article_ids=(ibt.id, sofrep.id, ibt.id)))

    assert store.get_story("s").article_ids == (ibt.id, sofrep.id)


def test_a_story_of_unstored_articles_is_refused_whole(store, sofrep, mutiny_story):
    store.add_article(sofrep)
    with pytest.raises(StoreError, match=f"could not save story {mutiny_story.id}"):
        store.save_story(mutiny_story)

    assert store.get_stories() == []
    assert store.story_of(sofrep.id) is None
