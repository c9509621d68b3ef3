"""Fitting the attribution tagger of :mod:`storytrace.claims.relations` on PolNeAR train.

Run once by a developer (python-crfsuite needed; nothing here runs in the pipeline)::

    python -m storytrace.training.attribution ../shared/data/polnear/train \
        --dev ../shared/data/polnear/dev

It writes ``src/storytrace/claims/data/attribution_model.json``: two linear-chain CRFs,
a cue tagger (B/I/O over each sentence) and a role tagger (Source/Content/Cue/O over
each cue's window), each exported as plain weights for :func:`storytrace.claims.sequence.viterbi`,
and ``attribution_model.meta.json`` beside it (training data and digest, command, seed,
settings, dev scores).
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin, Token

from storytrace.benchmark.polnear import read_relations
from storytrace.claims.features import Lexicon, cue_features, quote_mask, role_rows
from storytrace.claims.relations import MODEL_FILE, ROLE_LABELS, Relation, _sentences, _window

_OUT = Path(__file__).parents[1] / "claims" / "data" / MODEL_FILE
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


LEXICON_FOLDS = 5  # train's cue rates for each article come from the other folds
LEXICON_MIN = 2  # a lemma seen fewer times in train is "unseen"
_RATE_BUCKETS = ((0.0, "r0"), (0.05, "r1"), (0.2, "r2"), (0.5, "r3"), (1.0, "r4"))


def _cue_counts(doc: Doc, relations: Sequence[Relation]) -> tuple[Counter[str], Counter[str]]:
    """How often each lemma occurs in one article, and how often inside a gold cue."""
    cue_ids = {t.i for r in relations for t in _tokens(doc, r.cue)}
    seen: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    for token in doc:
        if not token.is_space:
            lemma = token.lemma_.lower()
            seen[lemma] += 1
            if token.i in cue_ids:
                cued[lemma] += 1
    return seen, cued


def _bucketed(seen: Counter[str], cued: Counter[str]) -> Lexicon:
    lexicon: Lexicon = {}
    for lemma, count in seen.items():
        if count >= LEXICON_MIN:
            rate = cued[lemma] / count
            lexicon[lemma] = next(name for top, name in _RATE_BUCKETS if rate <= top)
    return lexicon


def cue_lexicon(docs: Sequence[Doc], gold: Sequence[list[Relation]]) -> Lexicon:
    """Each lemma's rate of being part of a gold cue, bucketed (train only)."""
    seen: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    for doc, relations in zip(docs, gold, strict=True):
        one_seen, one_cued = _cue_counts(doc, relations)
        seen.update(one_seen)
        cued.update(one_cued)
    return _bucketed(seen, cued)


def held_out_lexicons(docs: Sequence[Doc], gold: Sequence[list[Relation]]) -> list[Lexicon]:
    """For each article, the lexicon of the other folds: the rates it is trained with are
    rates it did not add to, as at prediction time (articles dealt into folds in order)."""
    counts = [_cue_counts(d, g) for d, g in zip(docs, gold, strict=True)]
    lexicons = []
    for fold in range(LEXICON_FOLDS):
        seen: Counter[str] = Counter()
        cued: Counter[str] = Counter()
        for k, (one_seen, one_cued) in enumerate(counts):
            if k % LEXICON_FOLDS != fold:
                seen.update(one_seen)
                cued.update(one_cued)
        lexicons.append(_bucketed(seen, cued))
    return [lexicons[k % LEXICON_FOLDS] for k in range(len(docs))]


def cue_examples(
    docs: Sequence[Doc],
    gold: Sequence[list[Relation]],
    lexicons: Sequence[Lexicon | None] | None = None,
) -> Iterator[Example]:
    """One B/I/O-labelled sequence per sentence: is each token part of a reporting cue."""
    lexicons = lexicons or [None] * len(docs)
    for doc, relations, lexicon in zip(docs, gold, lexicons, strict=True):
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
                rows = [cue_features(t, quoted, lexicon) for t in tokens]
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
    lexicon: bool = False,
) -> dict[str, Any]:
    """Fit both taggers on parsed documents and their gold relations (the cue tagger with
    a cue-rate lexicon when ``lexicon``; the shipped one has none)."""
    cue_settings = cue_settings or CUE_SETTINGS
    role_settings = role_settings or ROLE_SETTINGS
    return {
        "trained_on": f"PolNeAR train ({len(docs)} articles); CRFsuite L-BFGS, cue "
        f"{cue_settings}, role {role_settings}; |w| >= {MIN_WEIGHT}",
        "cue": learn_cues(docs, gold, cue_settings, lexicon=lexicon),
        "role": {**fit_crf(role_examples(docs, gold), role_settings), "roles": list(ROLE_LABELS)},
    }


def learn_cues(
    docs: Sequence[Doc],
    gold: Sequence[list[Relation]],
    settings: dict[str, float],
    *,
    lexicon: bool = False,
) -> dict[str, Any]:
    """The cue tagger alone; with ``lexicon``, also the cue-rate lexicon it then reads (from
    all of ``docs``; each article trained with the rates of the other folds)."""
    if not lexicon:
        return fit_crf(cue_examples(docs, gold), settings)
    examples = cue_examples(docs, gold, held_out_lexicons(docs, gold))
    return {**fit_crf(examples, settings), "lexicon": cue_lexicon(docs, gold)}


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


def split_digest(path: Path) -> str:
    """SHA-256 over a PolNeAR split's texts and annotations (names and bytes, sorted)."""
    digest = hashlib.sha256()
    for file in sorted([*path.glob("text/*.txt"), *path.glob("attributions/*.ann")]):
        digest.update(f"{file.parent.name}/{file.name}\n".encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def dev_scores(model: dict[str, Any], dev: Path) -> dict[str, float]:
    """Exact and overlap F1 of Source, Cue and Content on a PolNeAR split, for ``model``.

    The same spans as ``bench quality polnear`` scores: the read stage stores exactly the
    relations :func:`~storytrace.claims.relations.find_relations` finds.
    """
    from storytrace.benchmark.polnear import read_ann, relation_spans, score_spans
    from storytrace.claims.relations import find_relations
    from storytrace.text.nlp import load_nlp

    paths = sorted((dev / "text").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    docs = load_nlp().pipe(texts, batch_size=16)
    items = (
        (text, read_ann(dev / "attributions" / f"{p.stem}.ann"), relation_spans(found))
        for p, text, doc in zip(paths, texts, docs, strict=True)
        for found in [find_relations(doc, model)]
    )
    scores = score_spans(items)
    return {
        f"{role} {mode} F1": scores[role][mode]["f1"]
        for role in ("Source", "Cue", "Content")
        for mode in ("exact", "overlap")
    }


def training_data(train: Path) -> dict[str, Any]:
    """What a meta file records of a PolNeAR training split: path, articles, digest."""
    return {
        "path": str(train),
        "articles": len(list(train.glob("text/*.txt"))),
        "sha256": split_digest(train),
    }


def _commit() -> str | None:
    """The short commit of the source tree the trainer runs from, if it is a git checkout."""
    import shutil
    import subprocess

    git = shutil.which("git")
    if git is None:
        return None
    try:
        found = subprocess.run(  # noqa: S603 (fixed arguments, no input)
            [git, "rev-parse", "--short", "HEAD"],
            cwd=Path(__file__).resolve().parent,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return found.stdout.strip() or None


def write_meta(out: Path, train: Path, dev: Path | None, command: str) -> dict[str, Any]:
    """Write ``<out stem>.meta.json`` beside the model: data, digest, command, seed, dev."""
    from storytrace.claims.cue_network import load_tagger

    model = json.loads(out.read_text(encoding="utf-8"))
    meta: dict[str, Any] = {
        "artefact": out.name,
        "artefact_sha256": hashlib.sha256(out.read_bytes()).hexdigest(),
        "training_data": training_data(train),
        "command": command,
        "built_at_commit": _commit(),
        "seed": None,
        "seed_note": "CRFsuite L-BFGS is deterministic: no random seed is drawn",
        "settings": {
            "cue": CUE_SETTINGS,
            "role": ROLE_SETTINGS,
            "min_weight": MIN_WEIGHT,
            "cue_lexicon": (
                {"folds": LEXICON_FOLDS, "min_count": LEXICON_MIN}
                if "lexicon" in model["cue"]
                else None  # the shipped cue tagger reads no lexicon
            ),
        },
    }
    if dev is not None:
        meta["dev"] = {
            "path": str(dev),
            "sha256": split_digest(dev),
            "command": f"storytrace bench quality polnear {dev}",
            # scored as the read stage runs it: with the cue network beside the CRFs
            "scores": dev_scores({**model, "network": load_tagger()}, dev),
        }
    path = out.with_name(out.name.removesuffix(".json") + ".meta.json")
    path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


def main(argv: Sequence[str] | None = None) -> None:
    """Parse a PolNeAR train folder, fit, write the model JSON and its meta file."""

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("train", type=Path)
    parser.add_argument("--out", type=Path, default=_OUT)
    parser.add_argument("--docs", type=Path, default=None, help="the split parsed, as a DocBin")
    parser.add_argument("--dev", type=Path, default=None, help="a PolNeAR split to score")
    parser.add_argument(
        "--meta-only", action="store_true", help="only (re)write the meta file of --out"
    )
    parser.add_argument(
        "--cue-lexicon",
        action="store_true",
        help="give the cue tagger a cue-rate lexicon (not in the shipped model: it did not "
        "help on dev and lost 'reportedly')",
    )
    parser.add_argument(
        "--keep-role",
        action="store_true",
        help="refit the cue tagger only, keeping the role tagger of --out (its features "
        "and fit are deterministic: refitting it gives the same weights)",
    )
    args = parser.parse_args(argv)
    command = "python -m storytrace.training.attribution " + " ".join(
        sys.argv[1:] if argv is None else argv
    )
    if not args.meta_only:
        texts, gold = read_split(args.train)
        docs = load_docs(args.train, texts, args.docs)
        if args.keep_role:
            model = json.loads(args.out.read_text(encoding="utf-8"))
            model["cue"] = learn_cues(docs, gold, CUE_SETTINGS, lexicon=args.cue_lexicon)
        else:
            model = learn(docs, gold, lexicon=args.cue_lexicon)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(
            json.dumps(model, separators=(",", ":"), sort_keys=True), encoding="utf-8"
        )
    write_meta(args.out, args.train, args.dev, command.replace(" --meta-only", ""))


if __name__ == "__main__":
    main()
