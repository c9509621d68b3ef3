"""Smoke runs of the reuse benchmarks at tiny sizes (the figures are for BENCHMARKS.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
POLNEAR = BENCH.parents[1] / "shared" / "data" / "polnear" / "train" / "text"


@pytest.fixture(autouse=True)
def _bench_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCH))


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="needs shared/data/polnear")
def test_quality_bench_scores_every_level_on_a_small_pool() -> None:
    import reuse_quality

    result = reuse_quality.run(per_level=2, pool_size=60, seed=3)
    for condition in ("dated", "undated"):
        levels = result[condition]["levels"]
        assert set(levels) == {"verbatim", "light", "paraphrase", "cut"}
        assert all(level["planted"] == 2 for level in levels.values())
        assert levels["verbatim"]["recall"] == 1.0
    assert result["dated"]["levels"]["verbatim"]["direction"] == 1.0


def test_scale_bench_compares_with_datasketch_on_a_small_corpus() -> None:
    import reuse_scale

    result = reuse_scale.run(400, peer=True, sample=5)
    ours, peer = result["storytrace"], result["datasketch"]
    assert result["planted_pairs"] == 2
    assert ours["recall"] == 1.0
    assert peer["recall"] <= ours["recall"]
    assert set(ours["phase_seconds"]) == {"tokens", "fingerprints", "rare", "lsh"}
    for side in (ours, peer):
        assert side["seconds_from_text"] >= side["seconds_from_tokens"]
        assert side["peak_rss_mib"] > 0
    assert result["speedup_from_tokens"] > 0 and result["speedup_from_text"] > 0


def test_scale_bench_corpus_is_chunked_deterministic_and_plants_copies() -> None:
    import reuse_scale

    corpus = reuse_scale.Corpus(5000)
    chunks = list(corpus.chunks())
    assert [len(c) for c in chunks] == [2000, 2000, 1000]
    texts = [t for chunk in chunks for t in chunk]
    assert texts == [t for chunk in reuse_scale.Corpus(5000).chunks() for t in chunk]
    assert len(corpus.planted) == 25
    for original, copy in corpus.planted:
        assert original < copy
        words, copied = texts[original].split(), texts[copy].split()
        shared = len(set(copied) & set(words)) / len(set(copied))
        assert shared > 0.9, (original, copy)
