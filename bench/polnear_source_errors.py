"""Source-span errors of the attribution reader on a held-out PolNeAR train fold, by class.

    python bench/polnear_source_errors.py ../shared/data/polnear/train --fold 0 \
        --crf FOLD0.json --docs train.spacy [--examples 8]

``--crf`` is the model fitted without the fold (``bench/polnear_cv.py --save``); the
relations are read through :func:`~storytrace.claims.relations.find_relations`, the reader
``analyze`` runs (CRFs alone: no network). Each gold source that the reader does not
reproduce exactly is put in one class: its cue missed, no source given for a found cue, a
boundary too long or too short on the left or the right (with the words that differ), or
another phrase. Spurious sources are split by whether gold marks their cue at all. Prints
the counts and, with ``--examples``, a few cases of each class on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc

from storytrace.claims.relations import Relation, find_relations
from storytrace.training.attribution import load_docs, read_split

Fragments = tuple[tuple[int, int], ...]


def _bounds(fragments: Fragments) -> tuple[int, int]:
    return fragments[0][0], fragments[-1][1]


def _overlaps(a: Fragments, b: Fragments) -> bool:
    return any(x < d and c < y for x, y in a for c, d in b)


def _words(doc: Doc, a: int, b: int) -> str:
    """The tokens between two offsets, each as text/tag/dep."""
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return repr(doc.text[a:b])
    return " ".join(f"{t.text}/{t.tag_}/{t.dep_}" for t in span if not t.is_space)


def classify(doc: Doc, gold: list[Relation], pred: list[Relation]) -> list[tuple[str, str]]:
    """(class, description) of each gold source not reproduced and each spurious source."""
    text = doc.text
    predicted = {r.source for r in pred if r.source}
    golden = {r.source for r in gold if r.source}
    found: list[tuple[str, str]] = []
    for relation in gold:
        if relation.source is None or relation.source in predicted:
            continue
        g = relation.source
        gs, ge = _bounds(g)
        mates = [r for r in pred if _overlaps(r.cue, relation.cue)]
        where = "before" if gs < relation.cue[0][0] else "after"
        context = f"{text[gs:ge]!r} cue {text[slice(*_bounds(relation.cue))]!r} ({where})"
        if not mates:
            found.append(("cue missed", context))
            continue
        sources = [r.source for r in mates if r.source]
        if not sources:
            found.append((f"no source ({where})", context))
            continue
        p = sources[0]
        ps, pe = _bounds(p)
        if not _overlaps(p, g):
            found.append(("other phrase", f"{context} got {text[ps:pe]!r}"))
            continue
        parts = []
        if ps < gs:
            parts.append("left long")
        elif ps > gs:
            parts.append("left short")
        if pe > ge:
            parts.append("right long")
        elif pe < ge:
            parts.append("right short")
        if len(g) != len(p) and not parts:
            parts.append("fragments")
        diff = []
        if ps != gs:
            diff.append(_words(doc, min(ps, gs), max(ps, gs)))
        if pe != ge:
            diff.append(_words(doc, min(pe, ge), max(pe, ge)))
        found.append((" + ".join(parts), f"{context} got {text[ps:pe]!r} diff {' || '.join(diff)}"))
    for relation in pred:
        if relation.source is None or relation.source in golden:
            continue
        mates = [r for r in gold if _overlaps(r.cue, relation.cue)]
        a, b = _bounds(relation.source)
        context = f"{text[a:b]!r} cue {text[slice(*_bounds(relation.cue))]!r}"
        if not mates:
            found.append(("spurious: cue not gold", context))
        elif not any(r.source for r in mates):
            found.append(("spurious: gold cue has no source", context))
    return found


def main(argv: Sequence[str] | None = None) -> None:
    """Read the held-out fold, classify its source errors, print the counts."""
    import json

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("train", type=Path)
    parser.add_argument("--fold", type=int, default=0)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--crf", type=Path, required=True)
    parser.add_argument("--docs", type=Path, default=None)
    parser.add_argument("--examples", type=int, default=0)
    args = parser.parse_args(argv)
    texts, gold = read_split(args.train)
    docs = load_docs(args.train, texts, args.docs)
    model = json.loads(args.crf.read_text(encoding="utf-8"))
    counts: Counter[str] = Counter()
    cases: dict[str, list[str]] = defaultdict(list)
    total = 0
    for i in range(len(docs)):
        if i % args.folds != args.fold:
            continue
        total += sum(1 for r in gold[i] if r.source)
        for kind, description in classify(docs[i], gold[i], find_relations(docs[i], model)):
            counts[kind] += 1
            cases[kind].append(description)
    print(f"gold sources (one per relation): {total}")
    for kind, count in counts.most_common():
        print(f"{count:5d}  {kind}")
        for description in cases[kind][: args.examples]:
            print(f"{kind}\t{description}", file=sys.stderr)


if __name__ == "__main__":
    main()
