"""Each write commits on its own; transaction() batches writes; failures undo whole writes."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import storytrace.store
from storytrace.errors import StoreError


def test_each_write_is_visible_to_another_connection_at_once(reopen, store, sofrep, ibt_claim):
    with reopen() as reader:
        store.add_article(sofrep)
        assert reader.get_articles() == [sofrep]
        store.save_vector(sofrep.id, b"\x00\x00\x80?")
        assert reader.get_vectors() == {sofrep.id: b"\x00\x00\x80?"}


def test_a_batch_lands_at_once_on_exit(reopen, store, sofrep, ibt):
    with reopen() as reader:
        with store.transaction():
            store.add_article(sofrep)
            store.add_article(ibt)
            assert reader.get_articles() == []
            assert store.get_articles() == [sofrep, ibt]  # the writer sees its own batch
        assert reader.get_articles() == [sofrep, ibt]


def test_a_failing_batch_stores_nothing(store, sofrep, ibt):
    with pytest.raises(RuntimeError, match="reader crashed"), store.transaction():
        store.add_article(sofrep)
        store.add_article(ibt)
        raise RuntimeError("reader crashed")

    assert store.get_articles() == []
    assert store.add_article(sofrep) is True  # the store is usable afterwards


def test_a_failed_nested_batch_undoes_only_its_own_writes(store, sofrep, ibt, flood):
    with store.transaction():
        store.add_article(sofrep)
        with pytest.raises(RuntimeError), store.transaction():
            store.add_article(ibt)
            raise RuntimeError("skip this one")
        store.add_article(flood)

    assert store.get_articles() == [sofrep, flood]


def test_a_failed_write_is_undone_whole(store, ibt, ibt_claim, claim_of):
    store.add_article(ibt)
    store.save_claims(ibt.id, [ibt_claim])
    early = claim_of(ibt, "Around 60 elite Russian paratroopers")

    with pytest.raises(StoreError, match=r"(?i)unique"):
        # Deletes, inserts two, then fails on the third.
        store.save_claims(ibt.id, [early, ibt_claim, ibt_claim])
    assert store.get_claims([ibt.id]) == [ibt_claim]


def test_a_failed_write_inside_a_batch_keeps_the_rest(store, sofrep, ibt, ibt_claim, claim_of):
    store.add_article(ibt)
    store.save_claims(ibt.id, [ibt_claim])
    early = claim_of(ibt, "Around 60 elite Russian paratroopers")
    with store.transaction():
        store.add_article(sofrep)
        with pytest.raises(StoreError, match=r"(?i)unique"):
            store.save_claims(ibt.id, [early, ibt_claim, ibt_claim])

    assert store.get_articles() == [ibt, sofrep]
    assert store.get_claims([ibt.id]) == [ibt_claim]


def test_text_that_cannot_be_encoded_is_refused_cleanly(store, sofrep):
    broken = dataclasses.replace(sofrep, id="broken", text="bad byte: \udcff")
    with pytest.raises(StoreError, match="could not store article broken"):
        store.add_article(broken)
    assert store.add_article(sofrep) is True
    assert store.get_articles() == [sofrep]


def test_a_crash_loses_only_the_write_in_progress(db, reopen, sofrep, ibt):
    """A process killed mid-batch keeps what it committed before the batch."""
    script = textwrap.dedent(
        """
        import os, sys
        from storytrace.records import Article
        from storytrace.store import open_store

        store = open_store(sys.argv[1])
        store.add_article(Article.from_text(sys.argv[2], source="first.txt"))
        with store.transaction():
            store.add_article(Article.from_text(sys.argv[3], source="second.txt"))
            os._exit(3)  # no commit, no close, no cleanup
        """
    )
    src = str(Path(storytrace.store.__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", script, db, sofrep.text, ibt.text],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 3, done.stderr

    with reopen() as after:
        assert [a.id for a in after.get_articles()] == [sofrep.id]
        assert after.add_article(ibt) is True
