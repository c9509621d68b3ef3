"""Composed stores filled a chunk at a time: a stopped fill goes on where it stopped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storytrace.align.groups import vector_keys
from storytrace.benchmark.compose import Read
from storytrace.benchmark.fill import fill_store, stored
from storytrace.store import open_store
from storytrace_testkit import read_source_texts

FIRST = (
    "Dam repairs start at Lake Orva\n\n"
    "Engineers began repairing the Orva dam on Monday after cracks were found in its wall, "
    "the water authority said.\n\n"
    '"The reservoir will be lowered by two metres," said Marta Kova, the authority\'s head.\n\n'
    "The work will cost 14 million euros and last until June, the ministry said."
)
SECOND = (
    "Tram line to the airport opens\n\n"
    "The first tram to Lindau airport left the central station on Friday, the city said.\n\n"
    "About 9,000 passengers are expected each day, according to the transport company."
)


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> list[Read]:
    return read_source_texts(tmp_path_factory.mktemp("sources"), FIRST, SECOND)


def _contents(db: Path) -> dict[str, Any]:
    """Every article in order, with its claims, claim vectors and vector."""
    store = open_store(db)
    try:
        ids = [a for a, _ in store.ready_articles()]
        claims = store.get_claims(ids)
        return {
            "ids": ids,
            "claims": claims,
            "claim_vectors": store.get_claim_vectors(k for c in claims for k in vector_keys(c)),
            "vectors": store.get_vectors(ids),
        }
    finally:
        store.close()


class Stop(Exception):
    pass


def test_a_stopped_fill_goes_on_to_the_same_store(sources: list[Read], tmp_path: Path) -> None:
    vectors = tmp_path / "vectors.db"
    whole = tmp_path / "whole.db"
    assert fill_store(sources, vectors, whole, 14, workers=0, chunk=4) > 10
    assert stored(whole)[0] in (13, 14)  # (a repeat of an earlier article is left out)

    def stop_after_one(done: dict[str, Any]) -> None:
        if done["next"] >= 4:
            raise Stop

    part = tmp_path / "part.db"
    with pytest.raises(Stop):
        fill_store(sources, vectors, part, 14, workers=0, chunk=4, progress=stop_after_one)
    assert stored(part)[0] <= 4  # the first chunk, whole, and nothing after it
    assert len(_contents(part)["ids"]) == len(_contents(whole)["ids"][:4])
    fill_store(sources, vectors, part, 8, workers=0, chunk=4)  # a second, shorter session
    seen: list[dict[str, Any]] = []
    fill_store(sources, vectors, part, 14, workers=0, chunk=4, progress=seen.append)
    assert seen[0]["next"] == 12 and seen[-1]["next"] == 14
    assert seen[-1]["embedded"] == 0  # every vector came from the cache
    assert _contents(part) == _contents(whole)
    assert fill_store(sources, vectors, part, 14, workers=0) == 0  # nothing left to fill
