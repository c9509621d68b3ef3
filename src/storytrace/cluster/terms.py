"""The views of some articles weighed by the whole corpus, without reading the corpus.

Story grouping's TF-IDF views (:func:`~storytrace.cluster.blocking.corpus_views`) take
their IDF from every article. A TF-IDF row depends only on the article's own terms and on
how many articles of the corpus hold each of them, so the corpus index keeps those counts
(per view, with the number of articles counted) and a run with new articles builds the
rows of only the articles it compares: the same numbers, bit for bit, as rows of the
matrices fitted on the whole corpus (same analysers, smoothed IDF, sublinear TF, L2 rows,
each row's terms in the order the corpus first showed them, as ``TfidfVectorizer`` keeps
them, so that sums are taken in the same order).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from storytrace.cluster.blocking import Views
from storytrace.cluster.embed import Vectors
from storytrace.cluster.features import _WHITESPACE_SEPARATED, article_views

VIEWS = ("names", "facts", "words")
EMPTY = "-"  # what :func:`article_views` gives an article with no names (or no facts)
_ANALYSERS = {
    "names": TfidfVectorizer(token_pattern=_WHITESPACE_SEPARATED).build_analyzer(),
    "facts": TfidfVectorizer(token_pattern=_WHITESPACE_SEPARATED).build_analyzer(),
    "words": TfidfVectorizer(stop_words="english").build_analyzer(),
}

# (kind, terms) -> (articles holding the term, rank of its first appearance in the corpus)
Counts = Callable[[str, Collection[str]], Mapping[str, tuple[int, int]]]
SPAN = 1_000_000  # a term's rank: its first article's number times this, plus its place


def kind(view: str) -> str:
    """The corpus index's kind for a view's term counts."""
    return f"cluster-{view}"


def view_texts(text: str) -> dict[str, str]:
    """What each view analyses of an article's title and body (``corpus_views``' inputs)."""
    names, facts = article_views(text)
    return {"names": names, "facts": facts, "words": text}


def view_terms(text: str) -> dict[str, list[str]]:
    """Each view's terms of an article's title and body, in order, repeats kept."""
    return {view: _ANALYSERS[view](value) for view, value in view_texts(text).items()}


def term_counts(texts: Sequence[str], *, first: int = 0) -> dict[str, dict[str, tuple[int, int]]]:
    """How many of ``texts`` hold each term, and the rank of its first appearance (texts
    numbered from ``first`` in corpus order), by index kind: what indexing them adds."""
    counts: dict[str, dict[str, tuple[int, int]]] = {kind(view): {} for view in VIEWS}
    for number, text in enumerate(texts, first):
        for view, terms in view_terms(text).items():
            found = counts[kind(view)]
            for place, term in enumerate(dict.fromkeys(terms)):
                held = found.get(term)
                found[term] = (1, number * SPAN + place) if held is None else (held[0] + 1, held[1])
    return counts


def _rows(
    terms: Sequence[list[str]], counts: Mapping[str, tuple[int, int]], documents: int
) -> sparse.csr_matrix:
    """Unit TF-IDF rows of ``terms`` with the corpus's counts (as ``TfidfVectorizer``)."""
    vocabulary = sorted({t for row in terms for t in row})
    column = {t: i for i, t in enumerate(vocabulary)}
    indptr, indices, data = [0], [], []
    for row in terms:
        found = Counter(row)
        for term in sorted(found, key=lambda t: counts.get(t, (0, 0))[1]):
            indices.append(column[term])
            data.append(float(found[term]))
        indptr.append(len(indices))
    matrix = sparse.csr_matrix(
        (np.array(data, dtype=np.float64), np.array(indices, dtype=np.int32), indptr),
        shape=(len(terms), max(len(vocabulary), 1)),
    )
    if not vocabulary:
        return sparse.csr_matrix((len(terms), 1), dtype=np.float32)
    df = np.array([counts.get(t, (0, 0))[0] for t in vocabulary], dtype=np.float64) + 1
    idf = np.log((documents + 1) / df) + 1
    np.log(matrix.data, matrix.data)
    matrix.data += 1.0
    matrix.data *= idf[matrix.indices]
    return sparse.csr_matrix(normalize(matrix, norm="l2", copy=False), dtype=np.float32)


def stored_views(texts: Sequence[str], vectors: Vectors, counts: Counts, documents: int) -> Views:
    """The views of ``texts`` (title and body) as rows of the whole corpus's, from the
    corpus's term ``counts`` over ``documents`` articles (these included)."""
    terms = [view_terms(t) for t in texts]
    found = {}
    for view in VIEWS:
        rows = [t[view] for t in terms]
        wanted = sorted({term for row in rows for term in row})
        known = counts(kind(view), wanted) if wanted else {}
        if view != "words" and known.get(EMPTY, (0, 0))[0] >= documents:
            found[view] = sparse.csr_matrix((len(texts), 1), dtype=np.float32)  # all empty
        else:
            found[view] = _rows(rows, known, documents)
    return Views(
        embedding=np.asarray(vectors, dtype=np.float32),
        names=found["names"],
        facts=found["facts"],
        words=found["words"],
    )
