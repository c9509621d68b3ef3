"""Where the cue tagger's misses lie: gold cues of a held-out train fold, by the lexicon rate of
their first word's lemma (how often the other folds mark it as a cue).

    python bench/polnear_cue_misses.py ../shared/data/polnear/train --crf FOLD0.json \
        [--docs train.spacy] [--fold 0] [--folds 5] [--top 20]

``--crf`` is a model fitted without the fold (``bench/polnear_cv.py --save``; a file holding
only the cue CRF takes the shipped role CRF). Cues are read as the reader finds them
(:func:`~storytrace.claims.relations.find_relations`, CRFs only). Each gold cue is exact,
partial (a predicted cue overlaps it) or missed; the counts per lexicon bucket ("unseen":
the lemma occurs fewer than ``LEXICON_MIN`` times in the other folds) go to stdout as JSON,
the commonest missed cue lemmas per bucket to stderr. A tagger that lacks a notion of
unseen words loses its misses under "unseen"; one that cannot tell a sometimes-cue word's
cue uses from its others loses them under the middle rates.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from storytrace.benchmark.polnear import relation_spans
from storytrace.claims.relations import find_relations, load_model
from storytrace.training.attribution import _tokens, load_docs, read_split


def main(argv: Sequence[str] | None = None) -> None:
    """Score the fold's cues and print the breakdown."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("train", type=Path)
    parser.add_argument("--crf", type=Path, required=True, help="a model fitted without the fold")
    parser.add_argument("--docs", type=Path, default=None, help="a DocBin of the parsed split")
    parser.add_argument("--fold", type=int, default=0)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args(argv)
    texts, gold = read_split(args.train)
    docs = load_docs(args.train, texts, args.docs)
    saved = json.loads(args.crf.read_text(encoding="utf-8"))
    model = saved if "role" in saved else {"cue": saved, "role": load_model()["role"]}
    lexicon = model["cue"].get("lexicon", {})
    counts: Counter[tuple[str, str]] = Counter()
    missed: dict[str, Counter[str]] = {}
    for i in range(args.fold, len(docs), args.folds):
        doc = docs[i]
        found = relation_spans(find_relations(doc, model))["Cue"]
        covered = [(a, b) for span in found for a, b in span]
        for relation in gold[i]:
            tokens = _tokens(doc, relation.cue)
            if not tokens:
                continue
            (span,) = relation_spans([relation])["Cue"]
            rate = lexicon.get(tokens[0].lemma_.lower(), "unseen")
            if span in found:
                kind = "exact"
            elif any(a < d and c < b for a, b in span for c, d in covered):
                kind = "partial"
            else:
                kind = "missed"
                words = " ".join(t.lemma_.lower() for t in tokens)
                missed.setdefault(rate, Counter())[words] += 1
            counts[(kind, rate)] += 1
    rates = sorted({rate for _, rate in counts})
    table = {rate: {k: counts[(k, rate)] for k in ("exact", "partial", "missed")} for rate in rates}
    print(json.dumps({"fold": args.fold, "gold cues by first lemma's rate": table}, indent=1))
    for rate in rates:
        common = missed.get(rate, Counter()).most_common(args.top)
        print(f"{rate}: " + ", ".join(f"{w} {c}" for w, c in common), file=sys.stderr)


if __name__ == "__main__":
    main()
