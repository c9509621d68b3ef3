"""Story grouping without an all-pairs matrix: exact views, windowed pairs, sparse average link."""

from __future__ import annotations

import numpy as np
import pytest

from storytrace.cluster import article_vectors, group_stories
from storytrace.cluster.blocking import candidate_edges, corpus_views, day_numbers
from storytrace.cluster.features import combine_views, global_views
from storytrace.cluster.sparse_link import sparse_average_link
from storytrace.cluster.stories import _average_link
from storytrace.records import Article

TEXTS = [
    "A ferry ran aground off Mirela Island on Tuesday with 212 passengers aboard.",
    "The ferry Stella hit rocks off Mirela Island on Tuesday; all 212 passengers were saved.",
    "Coastguard boats took 212 ferry passengers ashore from Mirela Island on Tuesday.",
    "The Porto city library reopened on Saturday after a two-year renovation.",
    "Porto's renovated library opened its doors again on Saturday.",
    "A chemical warehouse fire in Ghent killed three workers on Thursday.",
]
DAYS = ["2021-03-02", "2021-03-02", "2021-03-03", "2021-03-06", "2021-05-20", "2021-03-04"]


@pytest.fixture(scope="module")
def corpus() -> tuple[list[Article], dict[str, np.ndarray]]:
    articles = [Article.from_text(t, published=d) for t, d in zip(TEXTS, DAYS, strict=True)]
    vectors = dict(zip((a.id for a in articles), article_vectors(articles), strict=True))
    return articles, vectors


def _partition(assignment: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for article_id, story in assignment.items():
        groups.setdefault(story, set()).add(article_id)
    return {frozenset(g) for g in groups.values()}


def test_block_similarities_are_the_whole_corpus_ones(corpus) -> None:
    articles, vectors = corpus
    matrix = np.stack([vectors[a.id] for a in articles])
    dense = combine_views(global_views(TEXTS, matrix))
    views = corpus_views(TEXTS, matrix)
    assert np.allclose(views.combined([0, 3], range(len(TEXTS))), dense[[0, 3]], atol=1e-5)


def test_candidate_pairs_stay_inside_the_date_window(corpus) -> None:
    articles, vectors = corpus
    views = corpus_views(TEXTS, np.stack([vectors[a.id] for a in articles]))
    days = day_numbers(DAYS)
    rows, cols, scores = candidate_edges(views, days, cut=0.0, window_days=14, block=2)
    pairs = set(zip(rows.tolist(), cols.tolist(), strict=True))
    assert (0, 1) in pairs and (1, 0) in pairs  # same day, same event
    assert all(abs(days[i] - days[j]) <= 14 for i, j in pairs)
    assert not any(4 in pair for pair in pairs)  # 75 days after every other article
    assert (scores >= 0).all()


def test_sparse_average_link_given_every_pair_is_the_dense_one() -> None:
    rng = np.random.default_rng(3)
    for _ in range(20):
        n = int(rng.integers(2, 25))
        similar = rng.random((n, n)).astype(np.float32) ** 3
        similar = (similar + similar.T) / 2
        np.fill_diagonal(similar, 1.0)
        pairs = [(i, j, float(similar[i, j])) for i in range(n) for j in range(i + 1, n)]
        dense = _average_link(similar, 0.3)
        sparse_labels = sparse_average_link(n, pairs, 0.3)
        assert _partition(dict(enumerate(map(str, dense)))) == _partition(  # type: ignore[arg-type]
            dict(enumerate(map(str, sparse_labels)))  # type: ignore[arg-type]
        )


def test_the_sparse_path_finds_the_stories_the_dense_one_does(corpus) -> None:
    articles, vectors = corpus
    dense = group_stories(articles, vectors)
    sparse = group_stories(articles, vectors, dense_limit=0)
    assert _partition(dense) == _partition(sparse)
    assert len(_partition(dense)) >= 3  # the ferry, the library and the fire are apart


def test_a_focused_run_groups_only_the_new_articles(corpus) -> None:
    articles, vectors = corpus
    later = articles[4]  # weeks after the rest: it meets none of them
    existing = {a.id: f"story-{n}" for n, a in enumerate(articles) if a is not later}
    existing[articles[1].id] = existing[articles[2].id] = "story-ferry"  # the first stays out
    found = group_stories(articles, vectors, existing=existing, focus=[later.id])
    assert {a: found[a] for a in existing} == existing  # stored stories stand as they were
    assert found[later.id] not in existing.values()
    full = group_stories(articles, vectors, existing=existing)  # every article regrouped
    assert full[articles[0].id] == full[articles[1].id]
