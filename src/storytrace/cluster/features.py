"""How alike two articles' stories are: sentence embeddings plus three TF-IDF views.

A story is told with the same names, numbers and words; its kind of event is what the
embedding sees. Two robberies in two cities share the embedding but not the names; two
reports of one robbery share both. The views, each a cosine over the corpus at hand:

1. ``embedding``: MiniLM over the title and lead.
2. ``names``: proper nouns and named entities (multi-word names as one token).
3. ``facts``: numbers and weekday names ("23 pirates" vs "26 pirates", "Saturday").
4. ``words``: every content word.

Weights and the cut-offs were fitted on the ECB+ train split and checked on dev
(``storytrace bench quality ecbplus``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from storytrace.cluster.embed import Vectors

WEIGHTS = {"embedding": 0.4, "names": 0.3, "facts": 0.1, "words": 0.3}
# Average similarity at which two groups of articles still belong to one story (fitted on
# the ECB+ train split: best B-cubed F1 there).
STORY_THRESHOLD = 0.28
# The looser cut that gathers a topic: the events of one kind that share names and words,
# split apart afterwards by event detail (:mod:`storytrace.cluster.events`).
TOPIC_THRESHOLD = 0.15
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


_NAME_RUN = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*", re.MULTILINE)
_WHITESPACE_SEPARATED = r"\S+"  # the views are already tokenised
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\b")


def article_views(text: str) -> tuple[str, str]:
    """The names (capitalised runs not opening a sentence) and facts (numbers, weekdays)."""
    names: list[str] = []
    for run in _NAME_RUN.findall(text):
        words = run.split()
        names.extend(w.lower().strip(".") for w in words)
        if len(words) > 1:
            names.append("_".join(w.lower() for w in words))
    facts = [n.replace(",", "") for n in _NUMBER.findall(text)]
    facts += [w for w in re.findall(r"[a-z]+", text.lower()) if w in _WEEKDAYS]
    return " ".join(names) or "-", " ".join(facts) or "-"


def _cosines(texts: Sequence[str], **options: object) -> Vectors:
    if not any(t.strip("- ") for t in texts):
        return np.zeros((len(texts), len(texts)), dtype=np.float32)
    try:
        matrix = TfidfVectorizer(sublinear_tf=True, **options).fit_transform(texts)
    except ValueError:  # every token filtered out (empty vocabulary)
        return np.zeros((len(texts), len(texts)), dtype=np.float32)
    return np.asarray((matrix @ matrix.T).toarray(), dtype=np.float32)


def global_views(texts: Sequence[str], vectors: Vectors) -> dict[str, Vectors]:
    """The four views over the corpus at hand, each a matrix of cosines between articles."""
    names, facts = zip(*(article_views(text) for text in texts), strict=True) if texts else ((), ())
    return {
        "embedding": np.asarray(vectors @ vectors.T, dtype=np.float32),
        "names": _cosines(names, token_pattern=_WHITESPACE_SEPARATED),
        "facts": _cosines(facts, token_pattern=_WHITESPACE_SEPARATED),
        "words": _cosines(texts, stop_words="english"),
    }


def combine_views(views: Mapping[str, Vectors]) -> Vectors:
    """The weighted sum of the views, 1 on the diagonal."""
    total = sum(WEIGHTS.values())
    n = len(next(iter(views.values())))
    combined = np.zeros((n, n), dtype=np.float32)
    for name, matrix in views.items():
        combined += (WEIGHTS[name] / total) * matrix
    np.fill_diagonal(combined, 1.0)
    return np.asarray(combined, dtype=np.float32)


def story_similarity(texts: Sequence[str], vectors: Vectors) -> Vectors:
    """The weighted similarity of every pair of articles (a symmetric matrix, 1 on the diagonal)."""
    return combine_views(global_views(texts, vectors))
