"""Fit the events stage's kind model (``events/data/event_types.json.gz``).

``python -m storytrace.training.event_types`` reads ``shared/data/case2021/snippets.tsv``
(1,019 event snippets, 25 ACLED sub-event types and five other kinds), parses each with
the read stage's spaCy pipeline, and fits one multinomial logistic regression over
:func:`storytrace.events.kinds.terms` (sublinear tf-idf). Before the final fit it
cross-validates the same recipe in :data:`FOLDS` stratified folds and records the
out-of-fold weighted F1 of the sub-event type on the ACLED-type snippets (the CASE 2021
sub-task 1 measure). Writes the artefact and its ``.meta.json``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from storytrace.events.kinds import ARTEFACT, CODES, KindModel, doc_lemmas, save_model, terms
from storytrace.text.nlp import load_nlp

DATA = Path(__file__).resolve().parents[4] / "shared" / "data" / "case2021" / "snippets.tsv"
SEED = 19
FOLDS = 5
C = 100.0  # chosen on the folds (see the .meta.json's "tried")
MIN_DF = 1
_TOKENS = r"\S+"  # the texts are lemmas joined by spaces


def read_snippets(path: Path) -> list[dict[str, str]]:
    """The labelled rows of ``snippets.tsv`` (``id, text, code, ...``)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r for r in rows if r.get("code") in CODES]


def lemma_texts(texts: Sequence[str]) -> list[str]:
    """Each text's :func:`~storytrace.events.kinds.terms`, joined by spaces."""
    docs = load_nlp().pipe(texts, disable=["ner"], batch_size=64)
    return [" ".join(terms(doc_lemmas(doc))) for doc in docs]


def fit(lemmas: Sequence[str], codes: Sequence[str], *, c: float = C) -> KindModel:
    """One model from lemma texts and their codes."""
    vectorizer = TfidfVectorizer(sublinear_tf=True, min_df=MIN_DF, token_pattern=_TOKENS)
    matrix = vectorizer.fit_transform(lemmas)
    regression = LogisticRegression(C=c, max_iter=3000)
    regression.fit(matrix, list(codes))
    return KindModel(
        classes=tuple(str(k) for k in regression.classes_),
        vocabulary={str(t): int(i) for t, i in vectorizer.vocabulary_.items()},
        idf=np.asarray(vectorizer.idf_, dtype=np.float64),
        weights=np.asarray(regression.coef_, dtype=np.float64),
        intercepts=np.asarray(regression.intercept_, dtype=np.float64),
    )


def folds(codes: Sequence[str], n: int = FOLDS) -> list[tuple[list[int], list[int]]]:
    """Stratified (train, held-out) index lists, seeded."""
    smallest = min(Counter(codes).values())
    splitter = StratifiedKFold(n_splits=max(2, min(n, smallest)), shuffle=True, random_state=SEED)
    return [(list(a), list(b)) for a, b in splitter.split(np.zeros(len(codes)), list(codes))]


def weighted_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Weighted F1 over the gold ACLED codes (CASE 2021 sub-task 1)."""
    pairs = [(g, p) for g, p in zip(gold, predicted, strict=True) if list(CODES).index(g) < 25]
    return float(f1_score([g for g, _ in pairs], [p for _, p in pairs], average="weighted"))


def cross_validate(lemmas: Sequence[str], codes: Sequence[str], *, c: float = C) -> float:
    """Out-of-fold weighted F1 of the text model alone."""
    predicted = [""] * len(codes)
    for train, held in folds(codes):
        model = fit([lemmas[i] for i in train], [codes[i] for i in train], c=c)
        for i in held:
            predicted[i] = model.kind(lemmas[i].split()).code
    return round(weighted_f1(codes, predicted), 4)


def main(argv: Sequence[str] | None = None) -> int:
    """Cross-validate, fit on every snippet, write the artefact and its ``.meta.json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, nargs="?", default=DATA)
    parser.add_argument("--out", type=Path, default=ARTEFACT)
    parser.add_argument("--limit", type=int, default=0, help="first N rows only (tests)")
    args = parser.parse_args(argv)
    rows = read_snippets(args.data)
    if args.limit:
        rows = rows[: args.limit]
    lemmas = lemma_texts([r["text"] for r in rows])
    codes = [r["code"] for r in rows]
    # a slice (--limit, for tests) is too small to cross-validate: it is only refitted
    tried = {} if args.limit else {str(c): cross_validate(lemmas, codes, c=c) for c in (30.0, C)}
    model = fit(lemmas, codes)
    save_model(model, args.out)
    meta = {
        "model": "multinomial logistic regression over sublinear tf-idf of sentence lemmas",
        "artefact": args.out.name,
        "artefact_sha256": hashlib.sha256(args.out.read_bytes()).hexdigest(),
        "training_data": {
            "path": str(args.data),
            "rows": len(rows),
            "sha256": hashlib.sha256(args.data.read_bytes()).hexdigest(),
        },
        "command": "python -m storytrace.training.event_types",
        "seed": SEED,
        "settings": {"C": C, "min_df": MIN_DF, "folds": FOLDS},
        "dev": {
            "note": "no dev split: out-of-fold scores on the training snippets",
            "tried": {"text-only weighted F1 (ACLED codes) by C": tried},
            "scores": {"text-only weighted F1 (ACLED codes)": tried.get(str(C))},
        },
    }
    meta_path = args.out.with_name(args.out.name.removesuffix(".json.gz") + ".meta.json")
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(meta["dev"]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
