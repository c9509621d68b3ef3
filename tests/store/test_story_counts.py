"""A run's summary counts the stored stories without loading them, on both backends."""

from __future__ import annotations

import dataclasses

import numpy as np

from storytrace.records import Story


def _ready(store, *articles) -> None:
    for article in articles:
        store.add_article(article)
        store.save_claims(article.id, [])
        store.save_vector(article.id, np.zeros(4, np.float32).tobytes())


def test_counts_match_the_stories_as_loaded(store, sofrep, ibt, flood, mutiny_story):
    _ready(store, sofrep, ibt, flood)
    (group,) = mutiny_story.claim_groups
    lone = dataclasses.replace(group, id="g2", verdict="single_source")
    store.replace_stories(
        [
            dataclasses.replace(mutiny_story, claim_groups=(group, lone)),
            Story(id="s-flood", title="flood", article_ids=(flood.id,)),
        ]
    )

    counts = store.story_counts()

    stories = store.get_stories()
    assert counts.stories == len(stories) == 2
    assert counts.claim_groups == sum(len(s.claim_groups) for s in stories) == 2
    assert counts.verdicts == {"echoed": 1, "single_source": 1}


def test_an_empty_store_counts_nothing(store):
    assert store.story_counts() == (0, 0, {})
    assert store.unfinished_articles() == 0


def test_unfinished_articles_are_those_unread_unembedded_or_ungrouped(store, sofrep, ibt, flood):
    store.add_article(sofrep)
    assert store.unfinished_articles() == 1  # not read
    store.save_claims(sofrep.id, [])
    assert store.unfinished_articles() == 1  # read, not embedded
    _ready(store, sofrep, ibt)
    assert store.unfinished_articles() == 2  # ready, in no story
    store.replace_stories([Story(id="s1", title="t", article_ids=(sofrep.id, ibt.id))])
    assert store.unfinished_articles() == 0
    store.add_article(flood)
    assert store.unfinished_articles() == 1


def test_the_state_changes_with_every_article_and_story_written(store, sofrep, ibt, flood):
    seen = [store.state()]
    _ready(store, sofrep, ibt)
    seen.append(store.state())
    store.replace_stories([Story(id="s1", title="t", article_ids=(sofrep.id,))])
    seen.append(store.state())
    store.replace_stories([Story(id="s1", title="t", article_ids=(sofrep.id, ibt.id))])
    seen.append(store.state())  # the same story id rewritten with one more article
    store.add_article(flood)
    seen.append(store.state())
    assert len(set(seen)) == len(seen)
    assert store.state() == seen[-1]  # reading changes nothing


def test_a_story_saved_again_gets_a_revision_no_story_had_before(store, sofrep, ibt, flood):
    _ready(store, sofrep, ibt, flood)
    mutiny = Story(id="s-mutiny", title="mutiny", article_ids=(sofrep.id, ibt.id))
    lone = Story(id="s-flood", title="flood", article_ids=(flood.id,))
    store.replace_stories([mutiny, lone])
    first = store.story_revisions()
    assert set(first) == {"s-mutiny", "s-flood"}

    # the last story saved is saved again: its row number may come back, its revision not
    store.replace_stories([dataclasses.replace(lone, title="flood, again")], replacing={"s-flood"})
    second = store.story_revisions()

    assert second["s-mutiny"] == first["s-mutiny"]
    assert second["s-flood"] not in first.values()
    store.replace_stories([dataclasses.replace(mutiny, article_ids=(sofrep.id, ibt.id, flood.id))])
    assert list(store.story_revisions()) == ["s-mutiny"]
    assert store.story_revisions()["s-mutiny"] > second["s-flood"]
