"""Cross-validation of the PolNeAR attribution tagger on train (settings are chosen here).

    python bench/polnear_cv.py ../shared/data/polnear/train --folds 5 [--run 2] [--errors]

Articles are dealt into ``--folds`` folds by their sorted position; for ``--run`` folds
from ``--first`` the taggers are fitted on the others and scored on it. Prints one JSON
object: the scores per fold and micro-averaged over the folds run. ``--errors`` also
prints the commonest missed and spurious spans per role, and ``--save FILE`` writes the
model, of the first fold run. ``--docs FILE`` reads the parsed articles
from a spaCy ``DocBin`` saved in sorted order, which saves the parse when comparing
settings; ``--crf FILE`` reuses a model saved so (fitted without ``--first``) instead of
fitting one, to compare span rules on the held-out fold in seconds (with ``--run 1``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from storytrace.benchmark.polnear import ROLES, relation_spans, score_spans
from storytrace.claims.relations import Relation, find_relations
from storytrace.training.attribution import (
    CUE_SETTINGS,
    ROLE_SETTINGS,
    learn,
    load_docs,
    read_split,
)


def _errors(
    texts: Sequence[str], gold: Sequence[list[Relation]], pred: list[list[Relation]]
) -> None:
    """The commonest missed and spurious span strings per role, on stderr."""
    for role in ROLES:
        missed: Counter[str] = Counter()
        spurious: Counter[str] = Counter()
        for text, g, p in zip(texts, gold, pred, strict=True):
            gs, ps = relation_spans(g)[role], relation_spans(p)[role]
            for span in gs:
                if span not in ps:
                    missed[" | ".join(text[a:b] for a, b in span)[:80]] += 1
            for span in ps:
                if span not in gs:
                    spurious[" | ".join(text[a:b] for a, b in span)[:80]] += 1
        print(f"== {role}: missed {sum(missed.values())}", file=sys.stderr)
        for string, count in missed.most_common(40):
            print(f"  {count:4d} {string!r}", file=sys.stderr)
        print(f"== {role}: spurious {sum(spurious.values())}", file=sys.stderr)
        for string, count in spurious.most_common(40):
            print(f"  {count:4d} {string!r}", file=sys.stderr)


def cross_validate(
    texts: list[str],
    gold: list[list[Relation]],
    docs: list[Doc],
    *,
    folds: int,
    run: int,
    first: int = 0,
    cue_settings: dict[str, float],
    role_settings: dict[str, float],
    errors: bool = False,
    save: Path | None = None,
    fitted: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Fit on all folds but one, score on it, for ``run`` folds from fold ``first``
    (``fitted``: the model of fold ``first``, fitted before without it)."""
    results: dict[str, Any] = {"folds": []}
    everything = []
    for fold in range(first, first + run):
        held = [i for i in range(len(docs)) if i % folds == fold]
        kept = [i for i in range(len(docs)) if i % folds != fold]
        if fitted is not None and fold == first:
            model = fitted
        else:
            model = learn(
                [docs[i] for i in kept],
                [gold[i] for i in kept],
                cue_settings=cue_settings,
                role_settings=role_settings,
            )
        if save is not None and fold == first:
            save.write_text(json.dumps(model), encoding="utf-8")
        pred = [find_relations(docs[i], model) for i in held]
        items = [
            (texts[i], relation_spans(gold[i]), relation_spans(p))
            for i, p in zip(held, pred, strict=True)
        ]
        everything += items
        results["folds"].append(_brief(score_spans(items)))
        if errors and fold == first:
            _errors([texts[i] for i in held], [gold[i] for i in held], pred)
    results["micro"] = _brief(score_spans(everything))
    return results


def _brief(scores: dict[str, Any]) -> dict[str, Any]:
    return {role: {mode: scores[role][mode] for mode in ("exact", "overlap")} for role in ROLES}


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the arguments, cross-validate, print the scores as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("train", type=Path)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--run", type=int, default=None, help="folds to run (default: all)")
    parser.add_argument("--first", type=int, default=0, help="the first fold to run")
    parser.add_argument("--docs", type=Path, default=None, help="a DocBin of the parsed split")
    parser.add_argument("--cue", type=json.loads, default={}, help="cue CRF settings (JSON)")
    parser.add_argument("--role", type=json.loads, default={}, help="role CRF settings (JSON)")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--save", type=Path, default=None, help="write the first fold's model")
    parser.add_argument("--crf", type=Path, default=None, help="the first fold's model, saved")
    args = parser.parse_args(argv)
    texts, gold = read_split(args.train)
    docs = load_docs(args.train, texts, args.docs)
    results = cross_validate(
        texts,
        gold,
        docs,
        folds=args.folds,
        run=args.run or args.folds - args.first,
        first=args.first,
        cue_settings={**CUE_SETTINGS, **args.cue},
        role_settings={**ROLE_SETTINGS, **args.role},
        errors=args.errors,
        save=args.save,
        fitted=json.loads(args.crf.read_text(encoding="utf-8")) if args.crf else None,
    )
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
