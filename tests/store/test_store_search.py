"""Full-text search finds stories by their articles and claims, and shrugs off hostile queries."""

from __future__ import annotations

import dataclasses
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.records import Article, Claim, Story
from storytrace.store import SQLiteStore

HOSTILE = [
    '"foo" OR ) NEAR(',
    "'; DROP TABLE articles; --",
    '"',
    '""',
    "NEAR(paratroopers Pskov, 2)",
    "paratroopers AND",
    "OR",
    "*",
    "title:mutiny",
    "^Pskov",
    "mutiny)",
    "\x00",
    "Robert'); DROP TABLE stories;--",
]


@pytest.fixture
def searchable(store, sofrep, ibt, flood, mutiny_story):
    for article in (sofrep, ibt, flood):
        store.add_article(article)
    store.save_story(mutiny_story)
    store.save_story(Story(id="s-flood", title="Wrocław flood", article_ids=(flood.id,)))
    return store


def test_finds_a_story_by_a_word_in_an_article(searchable, mutiny_story):
    assert searchable.search("Wrocław") == ["s-flood"]
    assert searchable.search("wroclaw") == []  # unicode61 folds case, not these diacritics
    assert searchable.search("mutiny") == [mutiny_story.id]
    assert searchable.search("MUTINY Pskov") == [mutiny_story.id]  # every term, any case


def test_finds_a_story_by_its_article_title(searchable, mutiny_story):
    assert searchable.search("Stage") == [mutiny_story.id]  # only in the IBT headline


def test_finds_a_story_by_a_word_only_in_a_claim(searchable, ibt, mutiny_story):
    # A claim's text may be normalised by the reader; here it names a court-martial,
    # a word none of the stored articles contain.
    claim = Claim(
        id=f"{ibt.id}:0", article_id=ibt.id, text="The deserters face a court-martial", span=(0, 10)
    )
    assert searchable.search("deserters") == []

    searchable.save_claims(ibt.id, [claim])
    assert searchable.search("deserters") == [mutiny_story.id]

    # Replaced claims leave the index too, even when a new claim reuses the old row.
    searchable.save_claims(ibt.id, [dataclasses.replace(claim, text="Their families stood firm")])
    assert searchable.search("deserters") == []
    assert searchable.search("families") == [mutiny_story.id]
    searchable.save_claims(ibt.id, [])
    assert searchable.search("families") == []


def test_full_text_indexes_stay_in_step_with_their_tables(
    db, db_path, searchable, sofrep, ibt, ibt_claim, sofrep_claim, claim_of
):
    searchable.save_claims(ibt.id, [ibt_claim])
    searchable.save_claims(sofrep.id, [sofrep_claim])
    searchable.save_claims(ibt.id, [claim_of(ibt, "Around 60 elite Russian paratroopers")])
    searchable.save_claims(sofrep.id, [])
    searchable.add_article(dataclasses.replace(ibt, source="again.txt"))
    if "://" in db:  # PostgreSQL's tsvector columns are generated from their row
        return
    conn = sqlite3.connect(db_path)
    try:
        for table in ("articles_fts", "claims_fts"):
            # FTS5 compares the index with the content table and raises if they differ.
            conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
    finally:
        conn.close()


def test_resaving_claims_and_stories_does_not_duplicate_hits(searchable, ibt, ibt_claim):
    for _ in range(3):
        searchable.save_claims(ibt.id, [ibt_claim])
    assert searchable.search("servicemen") == ["s-mutiny"]


def test_better_matches_come_first(store, sofrep, flood):
    many = Article.from_text(
        "Paratroopers, paratroopers everywhere: the paratroopers refused.", source="a.txt"
    )
    once = Article.from_text(
        "The council met on Tuesday to discuss the budget, roads, schools and, briefly, "
        "a visit by retired paratroopers to the town museum.",
        source="b.txt",
    )
    for article in (many, once, flood):
        store.add_article(article)
    store.save_story(Story(id="a-once", title="Council", article_ids=(once.id,)))
    store.save_story(Story(id="b-many", title="Refusal", article_ids=(many.id,)))
    store.save_story(Story(id="c-none", title="Flood", article_ids=(flood.id,)))

    assert store.search("paratroopers") == ["b-many", "a-once"]
    assert store.search("paratroopers", limit=1) == ["b-many"]
    assert store.search("paratroopers", limit=0) == []


def test_articles_outside_any_story_are_not_results(store, sofrep):
    store.add_article(sofrep)
    assert store.search("paratrooper") == []


def test_typed_quotes_are_searched_as_words(searchable, mutiny_story):
    assert searchable.search('"Pskovskaya Gubernia"') == [mutiny_story.id]
    assert searchable.search('Pskovskaya" OR "Wrocław') == []  # OR is a word, not an operator


def test_empty_query_finds_nothing(searchable):
    assert searchable.search("") == []
    assert searchable.search("   \n\t") == []


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_neither_raise_nor_break_anything(searchable, query, mutiny_story):
    articles = searchable.get_articles()
    stories = searchable.get_stories()

    assert isinstance(searchable.search(query), list)

    assert searchable.get_articles() == articles
    assert searchable.get_stories() == stories
    assert searchable.search("mutiny") == [mutiny_story.id]


def test_hostile_text_is_stored_and_found_as_plain_words(store):
    hostile = Article.from_text(
        'He typed \'; DROP TABLE articles; -- into the form, then "foo" OR ) NEAR( for fun.',
        source="hostile.txt",
    )
    store.add_article(hostile)
    store.save_story(
        Story(id="s-hostile", title="'; DROP TABLE stories; --", article_ids=(hostile.id,))
    )

    assert store.get_articles() == [hostile]
    assert store.search("'; DROP TABLE articles; --") == ["s-hostile"]
    assert store.search('"foo" OR ) NEAR(') == ["s-hostile"]
    assert store.get_story("s-hostile").title == "'; DROP TABLE stories; --"


@settings(max_examples=200, deadline=None)
@given(query=st.text())
def test_any_query_is_safe(query):
    with tempfile.TemporaryDirectory() as folder, SQLiteStore(Path(folder) / "q.db") as store:
        article = Article.from_text("Paratroopers from Pskov refused to fight.")
        store.add_article(article)
        store.save_story(Story(id="s", title="t", article_ids=(article.id,)))
        assert store.search(query) in ([], ["s"])
        assert store.search("Pskov") == ["s"]
