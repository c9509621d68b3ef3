"""Check-worthiness: how much a sentence is a factual claim a checker would check, in [0, 1].

A logistic regression over what spaCy's small model already computed while reading the
article, so scoring costs almost nothing beyond the parse: the sentence's words and word
pairs (lemmas, numbers folded to ``<num>``), its fine-grained tags (past tense, modals),
its entity labels, whether a reporting verb governs a clause (an attributed assertion),
and the mean of spaCy's contextual token vectors (``doc.tensor``). The weights, the
vocabulary and the threshold that makes a sentence a claim live in
``claims/data/checkworthy.json`` (fitted by ``python -m storytrace.training.checkworthy``,
see its ``.meta.json``). Credit lines, bylines and page furniture score 0 by rule.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from spacy.tokens import Span

from storytrace.claims.features import token_view
from storytrace.text.doccache import doc_text, span_ents

# Reporting verbs: a sentence built on one with a content clause is an attributed assertion
# (a feature of the model, fitted with this list; claims/data/checkworthy.meta.json).
REPORTING_LEMMAS = {
    "say", "tell", "report", "claim", "confirm", "deny", "state", "announce", "add", "insist",
    "warn", "allege", "write", "explain", "note", "accuse", "admit", "acknowledge", "inform",
    "reveal", "testify", "argue", "suggest", "estimate", "assert", "maintain", "stress",
    "tweet", "post", "cite", "quote", "declare", "indicate", "disclose", "conclude", "predict",
    "believe", "verify", "describe", "dispute", "refute", "emphasise", "emphasize",
}  # fmt: skip


ARTEFACT = Path(__file__).parent / "data" / "checkworthy.json"
TENSOR_WIDTH = 96  # en_core_web_sm's tok2vec width
Vector = npt.NDArray[np.float64]

_CREDIT_LINE = re.compile(
    r"\bcontributed( reporting| to (this|the) (report|story|article))"
    r"|^(\W*)(additional )?(reporting|writing|editing|compiled|research) (by|from)\b"
    r"|^\W*(this (story|article|report) (was|has been) (updated|corrected|produced|written))"
    r"|\b(all rights reserved|terms of (use|service)|privacy policy|newsletter)\b",
    re.IGNORECASE,
)
# "X did not immediately respond to a request for comment": a reporting note, not a claim
_NO_COMMENT = re.compile(
    r"\b(did not|didn't|does not|doesn't|has not|have not|had not)( immediately)? "
    r"(respond|reply|return)\w* to (\w+ ){0,2}(request|call|e-?mail|message|inquir)\w*"
    r"|\bdeclined (to|further) comment|\bcould not (immediately )?be reached( for comment)?"
    r"|\bdid not (immediately )?(comment|answer)\b",
    re.IGNORECASE,
)
_NOTE_WORDS = 20  # a longer sentence says more than that it got no comment
_BYLINE = re.compile(r"^\W*By [A-Z][\w.'-]+( (and )?[A-Z][\w.'-]+){0,4}\W*$")
_SKIP_POS = {"PUNCT", "SPACE", "SYM", "X"}
_CONTENT_DEPS = {"ccomp", "xcomp", "parataxis"}


def is_furniture(text: str) -> bool:
    """A credit line, byline, page furniture ("Reuters contributed to this report.") or a
    short note that someone gave no comment ("did not respond to requests for comment")."""
    stripped = text.strip()
    if _NO_COMMENT.search(stripped) and len(stripped.split()) <= _NOTE_WORDS:
        return True
    if _GLUED_LABELS.search(stripped):
        return True  # a scraped page's buttons run together ("CarterFlagShareLikeReplyPaige")
    return bool(_CREDIT_LINE.search(stripped) or _BYLINE.match(stripped))


# four or more capitalised words run together without a space: no word of prose looks so
# ("McDonald", "DeSantis" have two parts; a hashtag is no label: "#MakeAmericaGreatAgain")
_GLUED_LABELS = re.compile(r"(?<![#@\w])(?:[A-Z][a-z]+){4,}")


def sentence_terms(sent: Span) -> list[str]:
    """The sparse features of a sentence: words, word pairs, tags, entity labels, cues."""
    view = token_view(sent.doc)
    words: list[str] = []
    terms: list[str] = []
    for i in range(sent.start, sent.end):
        pos = view.pos[i]
        if pos in _SKIP_POS:
            continue
        word = "<num>" if view.like_num[i] or pos == "NUM" else view.lemmas[i]
        words.append(word)
        tag = view.tags[i]
        terms.append(f"tag={tag}")
        if view.deps[i] == "ROOT":
            terms.append(f"root={word}")
            terms.append(f"roottag={tag}")
        if word in REPORTING_LEMMAS and any(
            view.deps[c] in _CONTENT_DEPS for c in view.children[i]
        ):
            terms.append("attributed")
    terms.extend(f"w={word}" for word in words)
    terms.extend(f"b={a}_{b}" for a, b in itertools.pairwise(words))
    terms.extend(f"ent={ent.label_}" for ent in span_ents(sent))
    if doc_text(sent.doc)[sent.start_char : sent.end_char].rstrip().endswith("?"):
        terms.append("question")
    terms.append(f"len={min(len(words) // 5, 8)}")
    return terms


def dense_features(sent: Span) -> Vector:
    """The mean contextual token vector of the sentence (zeros when the parse kept none)."""
    tensor = sent.doc.tensor
    if tensor is None or getattr(tensor, "shape", (0,))[0] != len(sent.doc):
        return np.zeros(TENSOR_WIDTH)
    rows = np.asarray(tensor[sent.start : sent.end], dtype=np.float64)
    if rows.ndim != 2 or rows.shape[1] != TENSOR_WIDTH or not len(rows):
        return np.zeros(TENSOR_WIDTH)
    return np.asarray(rows.mean(axis=0), dtype=np.float64)


@dataclass(frozen=True)
class CheckworthyModel:
    """Fitted weights: one per known term, one per dense feature (after scaling), a bias."""

    vocabulary: dict[str, int]
    term_weights: Vector
    dense_mean: Vector
    dense_scale: Vector
    dense_weights: Vector
    intercept: float
    threshold: float  # a sentence scoring at least this is a claim

    def score(self, sents: Sequence[Span], texts: Sequence[str] | None = None) -> list[float]:
        """The check-worthiness of each sentence, in [0, 1] (0 for page furniture)."""
        if not sents:
            return []
        texts = texts if texts is not None else [s.text for s in sents]
        dense = np.vstack([dense_features(s) for s in sents])
        margins = (dense - self.dense_mean) / self.dense_scale @ self.dense_weights
        scores = []
        for sent, text, margin in zip(sents, texts, margins, strict=True):
            if is_furniture(text):
                scores.append(0.0)
                continue
            known = self.vocabulary.get
            columns = {k for t in sentence_terms(sent) if (k := known(t)) is not None}
            total = self.intercept + float(margin) + float(self.term_weights[list(columns)].sum())
            scores.append(1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, total)))))
        return scores

    def to_json(self) -> dict[str, object]:
        """The artefact's content (terms in column order)."""
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return {
            "terms": terms,
            "term_weights": [round(float(w), 6) for w in self.term_weights],
            "dense_mean": [round(float(v), 6) for v in self.dense_mean],
            "dense_scale": [round(float(v), 6) for v in self.dense_scale],
            "dense_weights": [round(float(w), 6) for w in self.dense_weights],
            "intercept": round(self.intercept, 6),
            "threshold": round(self.threshold, 4),
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> CheckworthyModel:
        """A model from :meth:`to_json`'s output."""
        terms = list(data["terms"])  # type: ignore[call-overload]
        return cls(
            vocabulary={str(t): i for i, t in enumerate(terms)},
            term_weights=np.asarray(data["term_weights"], dtype=np.float64),
            dense_mean=np.asarray(data["dense_mean"], dtype=np.float64),
            dense_scale=np.asarray(data["dense_scale"], dtype=np.float64),
            dense_weights=np.asarray(data["dense_weights"], dtype=np.float64),
            intercept=float(data["intercept"]),  # type: ignore[arg-type]
            threshold=float(data["threshold"]),  # type: ignore[arg-type]
        )


@functools.cache
def load_model(path: Path = ARTEFACT) -> CheckworthyModel:
    """The shipped model (cached per process)."""
    return CheckworthyModel.from_json(json.loads(path.read_text(encoding="utf-8")))
