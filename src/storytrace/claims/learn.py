"""Fitting the attribution tagger of :mod:`storytrace.claims.relations` on PolNeAR train.

Run once by a developer (python-crfsuite needed; nothing here runs in the pipeline)::

    python -m storytrace.claims.learn ../shared/data/polnear/train

It writes ``src/storytrace/claims/data/attribution_model.json``: two linear-chain CRFs,
a cue tagger (B/I/O over each sentence) and a role tagger (Source/Content/Cue/O over
each cue's window), each exported as plain weights for :func:`storytrace.claims.sequence.viterbi`.
"""

from __future__ import annotations

import argparse
import bisect
import json
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin, Token

from storytrace.benchmark.polnear import read_relations
from storytrace.claims.features import cue_features, quote_mask, role_rows
from storytrace.claims.relations import MODEL_FILE, ROLE_LABELS, Relation, _sentences, _window

_OUT = Path(__file__).parent / "data" / MODEL_FILE
Example = tuple[list[list[str]], list[str]]

# L1 + L2 penalties as commonly used with CRFsuite; bench/polnear_cv.py compares others on
# train folds (a decode-time cue bias was tried there and lowered F1).
CUE_SETTINGS = {"c1": 0.1, "c2": 0.01, "max_iterations": 150}
ROLE_SETTINGS = {"c1": 0.1, "c2": 0.01, "max_iterations": 150}
TRAIN_WINDOW = 60  # role sequences: tokens either side of each gold cue
MIN_WEIGHT = 0.01  # exported weights below this are dropped (a smaller file)


def _tokens(doc: Doc, fragments: Iterable[tuple[int, int]] | None) -> list[Token]:
    """The non-space tokens that overlap any of the character fragments."""
    if not fragments:
        return []
    starts = [t.idx for t in doc]
    found: list[Token] = []
    for a, b in sorted(fragments):
        i = max(0, bisect.bisect_right(starts, a) - 1)
        while i < len(doc) and doc[i].idx < b:
            token = doc[i]
            if not token.is_space and token.idx + len(token) > a and token not in found:
                found.append(token)
            i += 1
    return found


def cue_examples(docs: Sequence[Doc], gold: Sequence[list[Relation]]) -> Iterator[Example]:
    """One B/I/O-labelled sequence per sentence: is each token part of a reporting cue."""
    for doc, relations in zip(docs, gold, strict=True):
        quoted = quote_mask(doc)
        first: set[int] = set()
        inside: set[int] = set()
        for relation in relations:
            cue = _tokens(doc, relation.cue)
            if cue:
                first.add(cue[0].i)
                inside.update(t.i for t in cue[1:])
        for tokens in _sentences(doc):
            if tokens:
                rows = [cue_features(t, quoted) for t in tokens]
                labels = ["B" if t.i in first else "I" if t.i in inside else "O" for t in tokens]
                yield rows, labels


def role_examples(docs: Sequence[Doc], gold: Sequence[list[Relation]]) -> Iterator[Example]:
    """One sequence per gold cue: the role of each token of its window."""
    for doc, relations in zip(docs, gold, strict=True):
        quoted = quote_mask(doc)
        cues = [(r, _tokens(doc, r.cue)) for r in relations]
        cue_ids = {t.i for _, cue in cues for t in cue}
        for relation, cue in cues:
            if not cue:
                continue
            own = {t.i for t in cue}
            source = {t.i for t in _tokens(doc, relation.source)}
            content = {t.i for t in _tokens(doc, relation.content)}
            window = _window(doc, cue, TRAIN_WINDOW)
            by_role = (("Cue", own), ("Source", source), ("Content", content))
            labels = [next((r for r, ids in by_role if i in ids), "O") for i in window]
            yield role_rows(doc, cue, window, quoted, cue_ids), labels


def fit_crf(examples: Iterable[Example], settings: dict[str, float]) -> dict[str, Any]:
    """Fit a linear-chain CRF (CRFsuite, L-BFGS) and export its weights as JSON-ready data."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for rows, labels in examples:
        trainer.append(rows, labels)
    trainer.set_params({**settings, "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as scratch:
        path = str(Path(scratch) / "model.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
        tagger.close()
    labels = sorted(info.labels, key=lambda label: (label != "O", label))
    index = {label: k for k, label in enumerate(labels)}
    transitions = [[0.0] * len(labels) for _ in labels]
    for (origin, to), weight in info.transitions.items():
        transitions[index[origin]][index[to]] = round(float(weight), 4)
    weights: dict[str, list[float]] = {}
    for (feature, label), weight in info.state_features.items():
        if abs(weight) >= MIN_WEIGHT:
            weights.setdefault(feature, [0.0] * len(labels))[index[label]] = round(float(weight), 4)
    return {"labels": labels, "transitions": transitions, "weights": weights}


def learn(
    docs: Sequence[Doc],
    gold: Sequence[list[Relation]],
    *,
    cue_settings: dict[str, float] | None = None,
    role_settings: dict[str, float] | None = None,
) -> dict[str, Any]:
    """Fit both taggers on parsed documents and their gold relations."""
    cue_settings = cue_settings or CUE_SETTINGS
    role_settings = role_settings or ROLE_SETTINGS
    return {
        "trained_on": f"PolNeAR train ({len(docs)} articles); CRFsuite L-BFGS, cue "
        f"{cue_settings}, role {role_settings}; |w| >= {MIN_WEIGHT}",
        "cue": fit_crf(cue_examples(docs, gold), cue_settings),
        "role": {**fit_crf(role_examples(docs, gold), role_settings), "roles": list(ROLE_LABELS)},
    }


def read_split(path: Path) -> tuple[list[str], list[list[Relation]]]:
    """Texts and gold relations of a PolNeAR split folder."""
    texts, gold = [], []
    for text_path in sorted((path / "text").glob("*.txt")):
        texts.append(text_path.read_text(encoding="utf-8"))
        gold.append(read_relations(path / "attributions" / f"{text_path.stem}.ann"))
    return texts, gold


def load_docs(path: Path, texts: Sequence[str], cache: Path | None) -> list[Doc]:
    """The parsed split: parsed now, or read from a DocBin of ``path``'s texts in sorted order."""
    from storytrace.text.nlp import load_nlp

    nlp = load_nlp()
    if cache is None:
        return list(nlp.pipe(texts, batch_size=16))
    docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    if [d.text for d in docs] != list(texts):
        raise SystemExit(f"{cache}: not the parsed texts of {path}, in sorted order")
    return docs


def main(argv: Sequence[str] | None = None) -> None:
    """Parse a PolNeAR train folder, fit, and write the model JSON."""

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("train", type=Path)
    parser.add_argument("--out", type=Path, default=_OUT)
    parser.add_argument("--docs", type=Path, default=None, help="the split parsed, as a DocBin")
    args = parser.parse_args(argv)
    texts, gold = read_split(args.train)
    docs = load_docs(args.train, texts, args.docs)
    model = learn(docs, gold)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, separators=(",", ":"), sort_keys=True), encoding="utf-8")


if __name__ == "__main__":
    main()
