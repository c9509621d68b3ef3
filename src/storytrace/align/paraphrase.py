"""The wording model of the claim pair scorer: how closely two texts word one statement.

The features are the MiniLM cosine plus lexical evidence that embeddings blur: shared and
unshared content words in each direction, n-gram precision, names and length. Nothing here
encodes disagreement (numbers that differ, a negation on one side): the conflict part of
:mod:`storytrace.align.pairs` weighs those against this model's score, so that two claims
telling one fact with different figures are still one fact to alignment and a conflict to
``predict paraphrase``. The weights ship in ``align/data/paraphrase.json`` (with
``paraphrase.meta.json``) beside the conflict model, fitted on the MRPC train split only
(``python -m storytrace.training.paraphrase``); the cuts were chosen by cross-validation on
train.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from storytrace.align.logistic import LogisticModel, read_weights
from storytrace.cluster.embed import Vectors

MODEL_PATH = Path(__file__).with_name("data") / "paraphrase.json"
_REFIT = "python -m storytrace.training.paraphrase"
_TOKEN = re.compile(r"\w+")
_STOPWORDS_TEXT = (
    "the a an of to in and or for on at by with from as is are was were be been has have "
    "had it its that this which who said says will would could can than then but not also "
    "he she they we i you their his her our"
)
_STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
FEATURES = (
    "cosine", "unigram_jaccard", "bigram_jaccard", "token_set_ratio", "token_sort_ratio",
    "length_difference", "name_jaccard", "overlap_of_smaller", "content_coverage_min",
    "content_coverage_max", "extra_content_min", "extra_content_max", "log_length",
    "ngram1_min", "ngram2_min", "ngram3_min", "ngram4_min",
    "ngram1_max", "ngram2_max", "ngram3_max", "ngram4_max",
)  # fmt: skip


def _jaccard(a: set[Any], b: set[Any]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def _ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return set(zip(*[tokens[i:] for i in range(n)], strict=False))


def pair_features(first: str, second: str, cosine: float) -> list[float]:
    """The feature vector of one sentence pair, in the order of :data:`FEATURES`."""
    t1 = [t.lower() for t in _TOKEN.findall(first)]
    t2 = [t.lower() for t in _TOKEN.findall(second)]
    u1, u2 = set(t1), set(t2)
    names1 = {w for w in _TOKEN.findall(first) if w[:1].isupper()}
    names2 = {w for w in _TOKEN.findall(second) if w[:1].isupper()}
    c1 = {w for w in t1 if w not in _STOPWORDS}
    c2 = {w for w in t2 if w not in _STOPWORDS}
    cover_1, cover_2 = len(c1 & c2) / max(1, len(c1)), len(c1 & c2) / max(1, len(c2))
    precisions = []
    for n in (1, 2, 3, 4):
        a, b = _ngrams(t1, n), _ngrams(t2, n)
        precisions.append((len(a & b) / max(1, len(a)), len(a & b) / max(1, len(b))))
    return [
        cosine,
        _jaccard(u1, u2),
        _jaccard(_ngrams(t1, 2), _ngrams(t2, 2)),
        fuzz.token_set_ratio(first, second) / 100,
        fuzz.token_sort_ratio(first, second) / 100,
        abs(len(t1) - len(t2)) / max(1, len(t1), len(t2)),
        _jaccard(names1, names2),
        len(u1 & u2) / max(1, min(len(u1), len(u2))),
        min(cover_1, cover_2),
        max(cover_1, cover_2),
        float(min(len(c1 - c2), len(c2 - c1))),
        float(max(len(c1 - c2), len(c2 - c1))),
        math.log1p(len(t1) + len(t2)),
        *(min(p) for p in precisions),
        *(max(p) for p in precisions),
    ]


@dataclass(frozen=True)
class ParaphraseModel(LogisticModel):
    """Standardised features -> logistic probability -> thresholded label."""

    def to_json(self, path: Path, **provenance: Any) -> None:
        """Write the model with a note on how it was fitted."""
        data = {
            "features": list(FEATURES),
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "coef": self.coef.tolist(),
            "intercept": self.intercept,
            "threshold": self.threshold,
            **provenance,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")

    def as_part(self, features: Sequence[str]) -> dict[str, Any]:
        """The weights as one part of the artefact (see :meth:`read_part`)."""
        return {
            "features": list(features),
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "coef": self.coef.tolist(),
            "intercept": self.intercept,
            "threshold": self.threshold,
        }

    @classmethod
    def read_part(cls, path: Path, part: str, features: Sequence[str]) -> LogisticModel:
        """The model stored under key ``part`` of the artefact at ``path``."""
        return read_weights(LogisticModel, path, features, _REFIT, part=part)


@functools.cache
def load_model(path: Path = MODEL_PATH) -> ParaphraseModel:
    """The shipped wording model (its own ``threshold`` is not used: see ``pairs``)."""
    return read_weights(ParaphraseModel, path, FEATURES, _REFIT)


def feature_matrix(pairs: Sequence[tuple[str, str]], cosines: Sequence[float]) -> Vectors:
    """Features of many pairs whose cosines are already known."""
    rows = [pair_features(a, b, float(c)) for (a, b), c in zip(pairs, cosines, strict=True)]
    return np.asarray(rows, dtype=np.float32).reshape(len(rows), len(FEATURES))
