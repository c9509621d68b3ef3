"""Reuse through the corpus index gives the edges of a whole-corpus run, reading less."""

from __future__ import annotations

import random
from collections.abc import Collection
from pathlib import Path

import pytest

from storytrace.incremental import index_rows
from storytrace.records import Article
from storytrace.reuse import find_reuse
from storytrace.reuse.partitions import candidates_in_chunks
from storytrace.reuse.stored import find_new_reuse, index_articles, new_pairs
from storytrace.store import Store, open_store

from .texts import EDITED, OUTLET, PARAPHRASE, UNRELATED, WIRE

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def _paragraphs() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts += [WIRE, OUTLET, EDITED, PARAPHRASE, UNRELATED]
    return [p.strip() for t in texts for p in t.split("\n\n") if len(p.split()) > 12]


def _corpus(count: int) -> list[Article]:
    """Articles mixing the paragraphs of the example and reuse texts: shared passages,
    common ones (in many articles) and rare ones, over a few weeks and outlets."""
    rng = random.Random(7)
    pool = _paragraphs()
    articles = []
    for k in range(count):
        text = "\n\n".join(rng.sample(pool, rng.randint(2, 5)))
        day = f"2024-03-{1 + rng.randint(0, 20):02d}"
        articles.append(Article.from_text(text, outlet=f"outlet{k % 6}", published=day))
    return list({a.id: a for a in articles}.values())


def _indexed_store(tmp_path: Path, articles: list[Article]) -> Store:
    store = open_store(tmp_path / "index.db")
    with store.transaction():
        for article in articles:
            store.add_article(article)
        keys, counts = index_rows(articles, 0)
        store.save_index([a.id for a in articles], keys, counts)
    return store


@pytest.mark.parametrize("max_df", [3, 50])
def test_new_articles_get_the_edges_of_a_whole_corpus_run(tmp_path: Path, max_df: int) -> None:
    articles = _corpus(90)
    old, new = articles[:80], articles[80:]
    expected = find_reuse(articles, only={a.id for a in new}, window_days=10, max_df=max_df)
    assert expected  # the corpus has reuse to find
    store = _indexed_store(tmp_path, old)
    with store.transaction():
        for article in new:
            store.add_article(article)
    read: list[str] = []

    def load(ids: Collection[str]) -> list[Article]:
        read.extend(ids)
        return store.get_articles(ids)

    found = find_new_reuse(new, store, load, documents=len(articles), window_days=10,
                           max_df=max_df)  # fmt: skip
    assert found == expected
    assert len(read) < len(articles)  # only the new articles' partners were read
    dated = len(read)
    read.clear()
    published = {a.id: a.published for a in old}
    found = find_new_reuse(new, store, load, documents=len(articles), window_days=10,
                           max_df=max_df, published=published)  # fmt: skip
    assert found == expected
    assert len(read) < dated  # partners outside the window were not read (issue #18)
    store.close()


def test_a_fingerprint_is_rare_by_its_count_over_the_index_and_the_new_articles(
    tmp_path: Path,
) -> None:
    common = WIRE.split("\n\n")[2]
    rng = random.Random(3)
    words = sorted({w for p in _paragraphs() for w in p.split()})
    texts = [" ".join(rng.choices(words, k=120)) + f"\n\n{common}" for _ in range(6)]
    articles = [Article.from_text(t, outlet=f"o{k}") for k, t in enumerate(texts)]
    store = _indexed_store(tmp_path, articles[:5])
    found = {}
    for max_df in (5, 6):
        pairs = candidates_in_chunks([texts], max_df=max_df)
        whole = sorted({articles[i].id, articles[j].id} for i, j in pairs.tolist() if j == 5)
        new = new_pairs(index_articles(articles[5:]), store, max_df=max_df)
        found[max_df] = sorted(set(pair) for pair in new)
        assert found[max_df] == whole
    assert len(found[5]) < len(found[6]) == 5  # six articles hold the common fingerprints
    store.close()
