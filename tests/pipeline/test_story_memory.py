"""A run holds one batch of built stories in memory, not every story until it saves them.

Stories are built a batch at a time and kept on disk (``storytrace.spill``) until the one
transaction that saves them reads them back one at a time. Observed on a real run over
the example corpus, one story a batch: how many ``Story`` records are alive in the
process after each story is built (the progress callback) and as the store writes each
one (an SQLite trigger calling back into the process on every insert into ``stories``).
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import storytrace.pipeline as pipeline
from storytrace.pipeline import RunSummary, ingest_into, read_new, update_stories
from storytrace.records import ClaimGroup, Event, ReuseEdge, Story
from storytrace.spill import StorySpill
from storytrace.store import SQLiteStore, open_store
from storytrace_testkit import CORPUS


def _alive() -> int:
    """How many ``Story`` records the process holds right now."""
    gc.collect()
    return sum(type(o) is Story for o in gc.get_objects())


def test_a_run_never_holds_every_built_story_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "STORY_BATCH_ARTICLES", 1)  # every story its own batch
    db = tmp_path / "st.db"
    store = open_store(db)
    assert isinstance(store, SQLiteStore)
    try:
        ingest_into(store, [str(CORPUS)], RunSummary(), lambda *_: None, db=db)
        read_new(store, store.get_articles(), lambda *_: None)
        built: list[int] = []

        def progress(stage: str, _done: int, _total: int) -> None:
            if stage == "stories":
                built.append(_alive())

        conn = store._conn  # the store's own connection: the trigger runs in its writes
        conn.create_function("alive_stories", 0, _alive)
        conn.executescript(
            "CREATE TEMP TABLE written (alive INTEGER);"
            "CREATE TEMP TRIGGER story_written AFTER INSERT ON main.stories BEGIN"
            " INSERT INTO written VALUES (alive_stories()); END;"
        )
        before = _alive()  # any other test's records still held
        with store.story_update():
            saved = update_stories(store, progress)
        written = [row[0] for row in conn.execute("SELECT alive FROM written")]
        stored = store.get_stories()
    finally:
        store.close()
    assert len(saved) >= 3  # several batches
    assert [s.id for s in stored] == saved
    assert len(built) == len(written) == len(saved)
    # held at most: the story just built or just read back, and the last one built
    assert max(built) - before <= 2, built
    assert max(written) - before <= 2, written
    print("alive", before, built, written)


def test_a_spill_gives_its_stories_back_in_order_and_leaves_no_file(tmp_path: Path) -> None:
    stories = [
        Story(
            id=f"story-{n}",
            title=f"Story {n}",
            article_ids=(f"a{n}", f"b{n}"),
            claim_groups=(
                ClaimGroup(
                    id=f"g{n}", text="A ferry ran aground.", verdict="single_source", members=()
                ),
            ),
            reuse_edges=(ReuseEdge(source=f"a{n}", target=f"b{n}", containment=0.5),),
            events=(Event(id=f"e{n}", event_type="Riots", sub_event_type="Mob violence"),),
        )
        for n in range(5)
    ]
    with StorySpill(tmp_path) as spill:
        for story in stories:
            spill.add(story)
        assert list(tmp_path.iterdir()) == []  # unnamed: a killed run leaves nothing
        assert list(spill) == stories
        assert list(spill) == stories  # read again from the start
        assert spill.count == len(stories)
