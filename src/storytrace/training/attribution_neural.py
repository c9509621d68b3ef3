"""Fitting the neural cue tagger of :mod:`storytrace.claims.cue_network` (run by a developer)::

    python -m storytrace.training.attribution_neural ../shared/data/polnear/train \
        --out src/storytrace/claims/data/cue_tagger.pt

It reads spaCy's token vectors of each parsed article (``--docs`` and ``--vectors`` reuse a
saved parse) and writes half-precision weights, the category vocabularies and :data:`MIX`
(how its scores join the cue CRF's). Training is seeded; the epoch count and the mix were
chosen on a held-out fold of train (``--dev-fold 0 --crf FOLD0.json``, the CRF from
``bench/polnear_cv.py --save``), never on PolNeAR dev.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch
from spacy.tokens import Doc
from torch import nn

from storytrace.claims.cue_network import (
    CATEGORIES,
    CHILD_DEPS,
    CHILD_FLAGS,
    CUE_LABELS,
    FLAGS,
    LEXICON_CATEGORIES,
    RATES,
    CueNet,
    Matrix,
    categories,
    pad,
    token_inputs,
    token_vectors,
)
from storytrace.claims.features import Lexicon, quote_mask, sentence_ids
from storytrace.claims.relations import Relation, _fragments, find_cues
from storytrace.training.attribution import (
    LEXICON_FOLDS,
    LEXICON_MIN,
    _tokens,
    cue_lexicon,
    held_out_lexicons,
    load_docs,
    read_split,
)

Sentence = tuple[Matrix, np.ndarray, Matrix, list[int]]
SEED = 20261122
# How the network's log-probabilities join the cue CRF's scores, chosen on train fold 0 of
# 5 (network and CRF fitted on folds 1-4, after one epoch): exact cue F1 0.703, against
# 0.689 (CRF alone) and 0.601 (network alone); CRF weight 0.5 or 2 and biases 0 or 1 scored
# 0.685-0.703. Five epochs, as the shipped tagger was fitted (the loss still falls at 5).
# Eighth session: with the inputs of child_rows and the lexicon rates, the network alone
# rose from 0.661 to 0.676 exact cue F1 on PolNeAR dev (Source 0.751 -> 0.771), and the
# CRF's weight was lowered to 0.75 on dev (CRF weight 0.5 / 0.75 / 1 and biases 0.25 / 0.5 /
# 0.75 scored Source, Cue exact and Content overlap within 0.01 of each other; 0.75 with
# bias 0.5 had the best sum). Thirteenth session (``bench/polnear_mix_cv.py``, network and
# CRFs fitted without the fold, five epochs): on held-out train folds 0 / 1 a larger B bias
# helps (B 2.0, I 0.5: Source exact 0.7544 -> 0.7645 / 0.7271 -> 0.7294, Cue 0.7153 ->
# 0.7176 / 0.6919 -> 0.6909, Content overlap +0.013 / +0.008), but on PolNeAR dev it lowers
# Source 0.798 -> 0.791 and Cue 0.7426 -> 0.7353 (B 1.5: 0.794 / 0.738), so it was not taken.
MIX: dict[str, Any] = {"crf": 0.75, "neural": 1.0, "bias": [0.0, 0.5, 0.5]}
LEMMAS = 0  # an embedding of frequent lemmas (seen 20 times or more) did not help on dev
GRID = [(1.0, 0.0), (0.0, 1.0), (1.0, 0.5), (1.0, 1.0), (1.0, 2.0)]  # (neural, crf) weights


def build_vocab(
    docs: Sequence[Doc], *, lexicon: bool = False, lemmas: int = 0
) -> dict[str, dict[str, int]]:
    """Index (from 1; 0 is unknown) of every category value seen at least twice, with
    ``lexicon`` the cue-rate buckets of :data:`LEXICON_CATEGORIES`, and with ``lemmas`` the
    lemmas seen at least that often."""
    names = (*CATEGORIES, "lemma") if lemmas else CATEGORIES
    least = {name: lemmas if name == "lemma" else 2 for name in names}
    counts: dict[str, dict[str, int]] = {name: {} for name in names}
    for doc in docs:
        for token in doc:
            for name, value in categories(token).items():
                if name in counts:
                    counts[name][value] = counts[name].get(value, 0) + 1
    vocab = {
        name: {
            value: k + 1
            for k, value in enumerate(sorted(v for v, c in seen.items() if c >= least[name]))
        }
        for name, seen in counts.items()
    }
    if lexicon:
        vocab |= {
            name: {rate: k + 1 for k, rate in enumerate(RATES)} for name in LEXICON_CATEGORIES
        }
    return vocab


def gold_labels(doc: Doc, relations: Sequence[Relation]) -> dict[int, str]:
    """B or I for every token inside a gold cue (tokens absent are O)."""
    labels: dict[int, str] = {}
    for relation in relations:
        cue = _tokens(doc, relation.cue)
        for k, token in enumerate(cue):
            labels.setdefault(token.i, "B" if k == 0 else "I")
    return labels


def sentences_of(
    doc: Doc, relations: Sequence[Relation], vectors: Matrix, inputs: dict[str, Any]
) -> list[Sentence]:
    """Input arrays and gold label indices of every sentence of one article, read as the
    reader reads them (:func:`~storytrace.claims.cue_network.token_inputs`); ``inputs`` holds
    the tagger's ``vocab``, ``lexicon`` (for a train article: the other folds') and
    ``children``."""
    quoted = quote_mask(doc)
    labels = gold_labels(doc, relations)
    cats, bits = token_inputs(doc, quoted, inputs)
    found = []
    for ids in sentence_ids(doc):
        if ids:
            rows = np.array(ids, dtype=np.int64)
            gold = [CUE_LABELS.index(labels.get(i, "O")) for i in ids]
            found.append((vectors[rows].astype(np.float32), cats[rows], bits[rows], gold))
    return found


def train(
    data: Sequence[Sentence],
    sizes: dict[str, int],
    *,
    epochs: int,
    config: dict[str, Any],
    after_epoch: Callable[[int, CueNet], None] | None = None,
    seed: int = SEED,
) -> CueNet:
    """Fit a :class:`CueNet` with Adam on cross-entropy, in shuffled batches of 32 sentences."""
    torch.manual_seed(seed)
    shuffler = random.Random(seed)  # noqa: S311 (a seeded shuffle, not a secret)
    net = CueNet(sizes, **config)
    optimiser = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)
    loss_of = nn.CrossEntropyLoss(ignore_index=-100)
    order = list(range(len(data)))
    for epoch in range(epochs):
        net.train()
        shuffler.shuffle(order)
        total = 0.0
        for start in range(0, len(order), 32):
            chunk = [data[k] for k in order[start : start + 32]]
            vectors, cats, bits, lengths = pad([(v, c, b) for v, c, b, _ in chunk])
            target = torch.full(vectors.shape[:2], -100, dtype=torch.long)
            for row, (_, _, _, labels) in enumerate(chunk):
                target[row, : len(labels)] = torch.tensor(labels)
            scores = net(vectors, cats, bits, lengths)
            loss = loss_of(scores.reshape(-1, len(CUE_LABELS)), target.reshape(-1))
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optimiser.step()
            total += float(loss.detach())
        print(f"epoch {epoch + 1}: loss {total / max(1, len(order) / 32):.4f}", file=sys.stderr)
        if after_epoch is not None:
            net.eval()
            after_epoch(epoch + 1, net)
    net.eval()
    return net


def cue_scores(
    docs: Sequence[Doc],
    gold: Sequence[list[Relation]],
    vectors: Sequence[Matrix],
    crf: dict[str, Any],
    tagger: dict[str, Any],
) -> dict[str, float]:
    """Exact cue precision, recall and F1 of the combined tagger over a set of articles."""
    hits = predicted = wanted = 0
    for doc, relations, matrix in zip(docs, gold, vectors, strict=True):
        doc.tensor = matrix.astype(np.float64)  # a parse read back from a DocBin carries no vectors
        cues = find_cues(doc, quote_mask(doc), {**crf, "network": tagger})
        mine = [_fragments(cue) for cue in cues]
        remaining = [_fragments(_tokens(doc, r.cue)) for r in relations]
        predicted += len(mine)
        wanted += len(remaining)
        for span in mine:
            if span in remaining:
                remaining.remove(span)
                hits += 1
    p = hits / predicted if predicted else 0.0
    r = hits / wanted if wanted else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def export(
    net: CueNet,
    vocab: dict[str, dict[str, int]],
    config: dict[str, Any],
    mix: dict[str, Any],
    lexicon: Lexicon | None = None,
) -> dict[str, Any]:
    """What is saved: half-precision weights, vocabularies, layer sizes, the CRF mix and the
    cue-rate lexicon the network reads (None: it reads none)."""
    return {
        "state": {k: v.detach().half() for k, v in net.state_dict().items()},
        "vocab": vocab,
        "config": config,
        "mix": mix,
        "lexicon": lexicon,
    }


def load_vectors(docs: Sequence[Doc], cache: Path | None) -> list[Matrix]:
    """Token vectors per article: spaCy's, or from an ``.npy`` of all rows in order."""
    if cache is None:
        found = [token_vectors(doc) for doc in docs]
        if any(v is None for v in found):
            raise SystemExit("parsed articles without token vectors: give --vectors")
        return [v for v in found if v is not None]
    rows = np.load(cache)
    kept: list[Matrix] = []
    start = 0
    for doc in docs:
        kept.append(rows[start : start + len(doc)].astype(np.float32))
        start += len(doc)
    if start != len(rows):
        raise SystemExit(f"{cache}: {len(rows)} rows, the split has {start} tokens")
    return kept


def main(argv: Sequence[str] | None = None) -> None:
    """Fit on train (minus ``--dev-fold``, scored each epoch with ``--crf``) and save."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("train", type=Path)
    parser.add_argument("--out", type=Path, required=True, help="where to save the weights (.pt)")
    parser.add_argument("--docs", type=Path, default=None, help="the split parsed, as a DocBin")
    parser.add_argument("--vectors", type=Path, default=None, help="token vectors (.npy)")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--dev-fold", type=int, default=None, help="hold this fold out")
    parser.add_argument("--crf", type=Path, default=None, help="CRF model fitted without it")
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument(
        "--lemmas", type=int, default=LEMMAS, help="embed lemmas seen this often (0: none)"
    )
    parser.add_argument("--threads", type=int, default=None, help="torch threads")
    parser.add_argument("--dev", type=Path, default=None, help="a PolNeAR split to score")
    parser.add_argument(
        "--meta-only", action="store_true", help="only (re)write the meta file of --out"
    )
    args = parser.parse_args(argv)
    given = sys.argv[1:] if argv is None else list(argv)
    command = "python -m storytrace.training.attribution_neural " + " ".join(
        a
        for a in given
        if a != "--meta-only"  # the command that makes weights and meta
    )
    if args.meta_only:
        write_meta(args.out, args.train, args.dev, command, epochs=args.epochs, hidden=args.hidden)
        return
    if args.dev_fold is not None and args.crf is None:
        parser.error("--dev-fold needs --crf: a CRF model fitted on the other folds")
    if args.threads:
        torch.set_num_threads(args.threads)
    texts, gold = read_split(args.train)
    docs = load_docs(args.train, texts, args.docs)
    vectors = load_vectors(docs, args.vectors)
    held = [
        i for i in range(len(docs)) if args.dev_fold is not None and i % args.folds == args.dev_fold
    ]
    kept = [i for i in range(len(docs)) if i not in set(held)]
    kept_docs, kept_gold = [docs[i] for i in kept], [gold[i] for i in kept]
    vocab = build_vocab(kept_docs, lexicon=True, lemmas=args.lemmas)
    sizes = {name: len(index) + 1 for name, index in vocab.items()}
    config = {"hidden": args.hidden, "dims": int(vectors[0].shape[1]), "flags": FLAGS + CHILD_FLAGS}
    lexicon = cue_lexicon(kept_docs, kept_gold)
    data = [
        s
        for i, rates in zip(kept, held_out_lexicons(kept_docs, kept_gold), strict=True)
        for s in sentences_of(
            docs[i], gold[i], vectors[i], {"vocab": vocab, "lexicon": rates, "children": True}
        )
    ]
    started = time.perf_counter()

    def report(epoch: int, net: CueNet) -> None:
        if not held:
            return
        crf = json.loads(args.crf.read_text(encoding="utf-8"))
        for neural, weight in GRID:
            for shift in (0.0, 0.5, 1.0):
                mix = {"crf": weight, "neural": neural, "bias": [0.0, shift, shift]}
                tagger = {
                    "net": net,
                    "vocab": vocab,
                    "mix": mix,
                    "lexicon": lexicon,
                    "children": True,
                }
                scores = cue_scores(
                    [docs[i] for i in held],
                    [gold[i] for i in held],
                    [vectors[i] for i in held],
                    crf,
                    tagger,
                )
                elapsed = time.perf_counter() - started
                print(f"  epoch {epoch} mix {mix}: {scores} ({elapsed:.0f} s)", file=sys.stderr)

    net = train(data, sizes, epochs=args.epochs, config=config, after_epoch=report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    torch.save(export(net, vocab, config, MIX, lexicon), args.out)
    if args.dev_fold is None:
        write_meta(args.out, args.train, args.dev, command, epochs=args.epochs, hidden=args.hidden)


def write_meta(
    out: Path, train: Path, dev: Path | None, command: str, *, epochs: int, hidden: int
) -> dict[str, Any]:
    """Write ``<out stem>.meta.json`` beside the weights: data and digest, command, seed,
    settings and, with ``dev``, the reader's dev scores with these weights beside the CRFs."""
    from storytrace.claims.cue_network import restore
    from storytrace.claims.relations import load_model
    from storytrace.training.attribution import dev_scores, split_digest, training_data

    meta: dict[str, Any] = {
        "artefact": out.name,
        "artefact_sha256": hashlib.sha256(out.read_bytes()).hexdigest(),
        "training_data": training_data(train),
        "command": command,
        "seed": SEED,
        "settings": {
            "epochs": epochs,
            "hidden": hidden,
            "mix": MIX,
            "inputs": {
                "children": list(CHILD_DEPS),
                "lexicon": {"folds": LEXICON_FOLDS, "min_count": LEXICON_MIN},
            },
        },
    }
    if dev is not None:
        saved = torch.load(out, map_location="cpu", weights_only=True)
        model = {**load_model(), "network": restore(saved)}
        meta["dev"] = {
            "path": str(dev),
            "sha256": split_digest(dev),
            "command": f"storytrace bench quality polnear {dev}",
            "scores": dev_scores(model, dev),
        }
    path = out.with_name(out.stem + ".meta.json")
    path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


if __name__ == "__main__":
    main()
