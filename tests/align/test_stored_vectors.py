"""Alignment compares claims by the vectors stored when they were read; it embeds nothing."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from storytrace.pipeline import analyze, build_story
from storytrace.records import Article, Claim
from storytrace.store import open_store
from storytrace_testkit import CORPUS


@pytest.fixture(scope="module")
def ferry_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example corpus's three ferry articles, analysed once for this module's tests."""
    root = tmp_path_factory.mktemp("ferry")
    folder = root / "in"
    folder.mkdir()
    for name in sorted(CORPUS.glob("00[789]_*")):
        (folder / name.name).write_bytes(name.read_bytes())
    analyze([str(folder)], db=root / "st.db", out=root / "out")
    return root / "st.db"


def _claim(article: Article, text: str) -> Claim:
    start = article.text.index(text)
    return Claim(f"{article.id}:{start}", article.id, text, (start, start + len(text)))


def test_build_story_groups_by_the_vectors_it_is_given() -> None:
    first = Article.from_text("The bridge over the river closed on Monday for repairs.", outlet="A")
    second = Article.from_text("A new bakery opened downtown selling rye bread daily.", outlet="B")
    claims = [_claim(first, first.text), _claim(second, second.text)]
    axes = np.eye(2, 384, dtype=np.float32)  # unit vectors of MiniLM's width
    same = {c.id: axes[0] for c in claims}
    story = build_story("s", [first, second], claims, [], same)
    assert [len(g.members) for g in story.claim_groups] == [2]  # one vector, one group
    apart = {claims[0].id: axes[0], claims[1].id: axes[1]}
    story = build_story("s", [first, second], claims, [], apart)
    assert sorted(len(g.members) for g in story.claim_groups) == [1, 1]


def test_every_claim_read_has_its_vector_stored(ferry_db: Path) -> None:
    from storytrace.align.groups import claim_vectors

    store = open_store(ferry_db)
    claims = store.get_claims(a.id for a in store.get_articles())
    stored = store.get_claim_vectors(c.id for c in claims)
    store.close()
    assert claims and set(stored) == {c.id for c in claims}
    expected = claim_vectors(claims[:3])
    for claim, vector in zip(claims[:3], expected, strict=True):
        assert np.allclose(np.frombuffer(stored[claim.id], dtype=np.float32), vector, atol=1e-5)


def test_every_mention_read_has_its_vectors_stored_and_coref_reads_them(ferry_db: Path) -> None:
    """Analyze stores each mention's vectors once, and chains mentions as predict coref does:
    the chains its stories hold are those the one function gives the same mentions."""
    from storytrace.align.coref import chain_mentions
    from storytrace.align.coref_features import mention_vectors
    from storytrace.align.groups import stored_mention_vectors, vector_keys

    store = open_store(ferry_db)
    articles = store.get_articles()
    claims = store.get_claims(a.id for a in articles)
    keys = [k for c in claims for k in vector_keys(c)]
    stored = {k: np.frombuffer(v, dtype=np.float32) for k, v in
              store.get_claim_vectors(keys).items()}  # fmt: skip
    stories = store.get_stories()
    store.close()
    mentions = [m for c in claims for m in c.mentions]
    assert mentions and set(stored) == set(keys)
    texts = {a.id: a.text for a in articles}
    read = stored_mention_vectors(claims, stored)
    fresh = mention_vectors(mentions, texts)  # what predict coref computes with nothing stored
    assert set(read) == set(fresh) == {m.id for m in mentions}
    for mention in mentions:
        assert np.allclose(read[mention.id].sentence, fresh[mention.id].sentence, atol=1e-5)
        assert np.allclose(read[mention.id].trigger, fresh[mention.id].trigger, atol=1e-5)
        assert np.allclose(read[mention.id].lemma, fresh[mention.id].lemma, atol=1e-5)
    story_of = {a: s.id for s in stories for a in s.article_ids}
    predicted = chain_mentions(mentions, texts, groups=story_of)  # what predict coref runs
    assert chain_mentions(mentions, texts, groups=story_of, vectors=read) == predicted
    analyzed = {m.id: m.chain for s in stories for g in s.claim_groups for c in g.members
                for m in c.mentions}  # fmt: skip
    assert len(analyzed) > 10 and len(set(analyzed.values())) < len(analyzed)  # some chain
    assert analyzed == {k: predicted[k] for k in analyzed}
