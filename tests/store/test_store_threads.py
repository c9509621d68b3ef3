"""One store shared by threads, as a web server's workers share it."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from storytrace.records import Article, Story
from storytrace.store import SQLiteStore


@pytest.fixture
def store(sqlite_store):
    """These tests are about the SQLite file itself."""
    return sqlite_store


READERS = 6
ROUNDS = 40


def test_threads_share_one_store_while_another_writes(
    store: SQLiteStore, sofrep: Article, ibt: Article, mutiny_story: Story
):
    store.add_article(sofrep)
    store.add_article(ibt)
    store.save_story(mutiny_story)
    failures: list[BaseException] = []
    titles: set[str] = set()

    def read() -> None:
        try:
            for _ in range(ROUNDS):
                story = store.get_story(mutiny_story.id)
                assert story is not None
                assert story.article_ids == mutiny_story.article_ids
                titles.add(story.title)
                assert store.search("Pskov") == [mutiny_story.id]
                assert [a.id for a in store.get_articles(story.article_ids)] == [sofrep.id, ibt.id]
        except BaseException as exc:  # collected: a thread's failure must fail the test
            failures.append(exc)

    def write() -> None:
        try:
            for n in range(ROUNDS):
                with store.transaction():
                    store.save_story(replace(mutiny_story, title=f"take {n}"))
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=read) for _ in range(READERS)]
    threads.append(threading.Thread(target=write))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures, failures[0]
    assert titles <= {mutiny_story.title} | {f"take {n}" for n in range(ROUNDS)}
    assert store.get_story(mutiny_story.id).title == f"take {ROUNDS - 1}"


def test_a_transaction_keeps_other_threads_out_until_it_ends(
    store: SQLiteStore, sofrep: Article, ibt: Article, mutiny_story: Story
):
    store.add_article(sofrep)
    store.add_article(ibt)
    seen: list[Story | None] = []
    with store.transaction():
        store.save_story(mutiny_story)
        reader = threading.Thread(target=lambda: seen.append(store.get_story(mutiny_story.id)))
        reader.start()
        reader.join(timeout=0.3)
        assert reader.is_alive()  # waiting for the lock, not reading half a transaction
    reader.join(timeout=10)
    assert seen and seen[0] is not None
