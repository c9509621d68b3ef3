"""Claim vectors: stored once per claim, read back by id, replaced with the article's claims."""

from __future__ import annotations

import numpy as np


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
