"""How the cue network's scores should join the cue CRF's, judged end to end on held-out train.

    python bench/polnear_mix_cv.py ../shared/data/polnear/train --fold 0 --crf FOLD0.json \
        --docs train.spacy --vectors train.npy --mix '{"crf": 0.75, "neural": 1.0,
        "bias": [0, 0.5, 0.5]}' --mix ...

The network is fitted on the other folds as ``storytrace.training.attribution_neural``
fits it (same seed, inputs and epochs; ``--net`` reuses a saved one, ``--save`` keeps it);
``--crf`` is the CRF model fitted without the fold (``bench/polnear_cv.py --save``). Each
``--mix`` is then scored on the held-out fold through
:func:`~storytrace.claims.relations.find_relations`, the reader ``analyze`` runs: exact
P / R / F1 and overlap F1 of Source, Cue and Content, one JSON line per mix. The network's
log-probabilities are computed once per article and shared by the mixes. ``--docs`` and
``--vectors`` are the split's parse and spaCy token vectors in sorted order (a DocBin
drops the vectors); without them the split is parsed here.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch

from storytrace.benchmark.polnear import relation_spans, score_spans
from storytrace.claims import relations
from storytrace.claims.cue_network import CueNet, restore
from storytrace.training import attribution_neural as neural
from storytrace.training.attribution import (
    cue_lexicon,
    held_out_lexicons,
    load_docs,
    read_split,
)


def fit_network(
    docs: Sequence[Any], gold: Sequence[Any], vectors: Sequence[Any], kept: list[int], epochs: int
) -> dict[str, Any]:
    """The exported network fitted on the articles ``kept``, as the trainer fits it."""
    kept_docs, kept_gold = [docs[i] for i in kept], [gold[i] for i in kept]
    vocab = neural.build_vocab(kept_docs, lexicon=True, lemmas=neural.LEMMAS)
    sizes = {name: len(index) + 1 for name, index in vocab.items()}
    config = {
        "hidden": 128,
        "dims": int(vectors[0].shape[1]),
        "flags": neural.FLAGS + neural.CHILD_FLAGS,
    }
    data = [
        s
        for i, rates in zip(kept, held_out_lexicons(kept_docs, kept_gold), strict=True)
        for s in neural.sentences_of(
            docs[i], gold[i], vectors[i], {"vocab": vocab, "lexicon": rates, "children": True}
        )
    ]
    net: CueNet = neural.train(data, sizes, epochs=epochs, config=config)
    return neural.export(net, vocab, config, neural.MIX, cue_lexicon(kept_docs, kept_gold))


def main(argv: Sequence[str] | None = None) -> None:
    """Fit (or load) the fold's network, then print the held-out scores of each mix."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("train", type=Path)
    parser.add_argument("--fold", type=int, required=True)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--crf", type=Path, required=True, help="CRFs fitted without the fold")
    parser.add_argument("--docs", type=Path, default=None, help="the split parsed, as a DocBin")
    parser.add_argument("--vectors", type=Path, default=None, help="token vectors (.npy)")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--net", type=Path, default=None, help="a fold network saved before")
    parser.add_argument("--save", type=Path, default=None, help="where to keep the network")
    parser.add_argument("--mix", type=json.loads, action="append", default=[])
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    texts, gold = read_split(args.train)
    docs = load_docs(args.train, texts, args.docs)
    vectors = neural.load_vectors(docs, args.vectors)
    held = [i for i in range(len(docs)) if i % args.folds == args.fold]
    if args.net is not None:
        saved = torch.load(args.net, map_location="cpu", weights_only=True)
    else:
        kept = [i for i in range(len(docs)) if i % args.folds != args.fold]
        saved = fit_network(docs, gold, vectors, kept, args.epochs)
        if args.save is not None:
            torch.save(saved, args.save)
    tagger = restore(saved)
    crf = json.loads(args.crf.read_text(encoding="utf-8"))
    for i in held:
        docs[i].tensor = vectors[i].astype(np.float64)
    computed: dict[int, Any] = {}
    log_probs = relations.log_probs

    def once(doc: Any, *rest: Any) -> Any:
        if id(doc) not in computed:
            computed[id(doc)] = log_probs(doc, *rest)
        return computed[id(doc)]

    relations.log_probs = once  # the network's output does not depend on the mix
    for mix in args.mix or [neural.MIX]:
        model = {**crf, "network": {**tagger, "mix": mix}}
        items = [
            (
                texts[i],
                relation_spans(gold[i]),
                relation_spans(relations.find_relations(docs[i], model)),
            )
            for i in held
        ]
        scores = score_spans(items)
        brief = {
            role: {
                "exact": [
                    round(scores[role]["exact"][k], 4) for k in ("precision", "recall", "f1")
                ],
                "overlap F1": round(scores[role]["overlap"]["f1"], 4),
            }
            for role in ("Source", "Cue", "Content")
        }
        print(json.dumps({"fold": args.fold, "mix": mix, **brief}), flush=True)


if __name__ == "__main__":
    main()
