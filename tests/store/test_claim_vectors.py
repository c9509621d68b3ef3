"""Claim vectors: stored once per claim, read back by id, replaced with the article's claims."""

from __future__ import annotations

import sqlite3

import numpy as np

from storytrace.store import SQLiteStore


def _blob(*values: float) -> bytes:
    return np.asarray(values, dtype=np.float32).tobytes()


def test_claim_vectors_round_trip_and_survive_reopening(
    store, reopen, sofrep, ibt, sofrep_claim, ibt_claim
) -> None:
    for article, claim in ((sofrep, sofrep_claim), (ibt, ibt_claim)):
        store.add_article(article)
        store.save_claims(article.id, [claim])
    store.save_claim_vectors(sofrep.id, {sofrep_claim.id: _blob(1, 0)})
    store.save_claim_vectors(ibt.id, {ibt_claim.id: _blob(0, 1)})
    store.close()
    reopened = reopen()
    found = reopened.get_claim_vectors([sofrep_claim.id, ibt_claim.id, "missing"])
    assert found == {sofrep_claim.id: _blob(1, 0), ibt_claim.id: _blob(0, 1)}
    reopened.save_claim_vectors(sofrep.id, {})  # the article's vectors are replaced
    assert reopened.get_claim_vectors([sofrep_claim.id]) == {}
    assert reopened.get_claim_vectors([ibt_claim.id]) == {ibt_claim.id: _blob(0, 1)}
    reopened.close()


def _rows(store, table: str) -> int:
    return int(store._read(f"SELECT count(*) FROM {table}")[0][0])


def test_a_vector_named_by_many_keys_is_stored_once(store, sofrep, ibt, sofrep_claim) -> None:
    """A lemma's vector recurs in every article naming it: one blob, a digest per key."""
    for article in (sofrep, ibt):
        store.add_article(article)
    shared, own = _blob(0.6, 0.8), _blob(1, 0)
    store.save_claim_vectors(sofrep.id, {f"{sofrep.id}:c0": own, f"{sofrep.id}:m0+l": shared})
    store.save_claim_vectors(ibt.id, {f"{ibt.id}:c0": shared, f"{ibt.id}:m0+l": shared})
    assert _rows(store, "claim_vector_blobs") == 2
    assert _rows(store, "claim_vector_keys") == 4
    found = store.get_claim_vectors([f"{sofrep.id}:m0+l", f"{ibt.id}:c0", f"{sofrep.id}:c0"])
    assert found == {f"{sofrep.id}:m0+l": shared, f"{ibt.id}:c0": shared, f"{sofrep.id}:c0": own}
    # replacing an article's vectors drops the blobs no key names any more, and only those
    store.save_claim_vectors(sofrep.id, {f"{sofrep.id}:c0": _blob(0, 1)})
    assert _rows(store, "claim_vector_blobs") == 2  # ``own`` gone, ``shared`` kept for ibt
    assert store.get_claim_vectors([f"{ibt.id}:m0+l"]) == {f"{ibt.id}:m0+l": shared}
    store.save_claim_vectors(ibt.id, {})
    assert _rows(store, "claim_vector_blobs") == 1
    assert store.get_claim_vectors([f"{sofrep.id}:c0"]) == {f"{sofrep.id}:c0": _blob(0, 1)}


def test_vectors_a_store_kept_one_row_a_key_are_read_and_replaced(
    db_path, sofrep, sofrep_claim
) -> None:
    """A store made before vectors were shared keeps its rows in ``claim_vectors``."""
    SQLiteStore(db_path).close()
    with sqlite3.connect(db_path) as conn:  # as a store of before had it
        conn.execute("DROP TABLE claim_vector_keys")
        conn.execute("DROP TABLE claim_vector_blobs")
    sqlite_store = SQLiteStore(db_path)  # reopened: the tables are added
    sqlite_store.add_article(sofrep)
    sqlite_store.save_claims(sofrep.id, [sofrep_claim])
    with sqlite_store.transaction():
        sqlite_store._exec(
            "INSERT INTO claim_vectors (claim_id, article_id, vector) VALUES (?, ?, ?)",
            (sofrep_claim.id, sofrep.id, _blob(3, 4)),
        )
    assert sqlite_store.get_claim_vectors([sofrep_claim.id]) == {sofrep_claim.id: _blob(3, 4)}
    sqlite_store.save_claim_vectors(sofrep.id, {sofrep_claim.id: _blob(4, 3)})
    assert _rows(sqlite_store, "claim_vectors") == 0
    assert sqlite_store.get_claim_vectors([sofrep_claim.id]) == {sofrep_claim.id: _blob(4, 3)}
    sqlite_store.close()
