"""Attribution relations (Source, Cue, Content) found by a learned two-step tagger.

Step 1 marks the tokens of reporting cues ("said", "according to", "told reporters",
"said in a statement"); step 2 tags, for each cue, the tokens of its paragraph as its
Source, its Content or neither, from how they hang off the cue in the dependency parse.
Both steps are logistic models fitted on PolNeAR train (:mod:`storytrace.claims.learn`)
and shipped as plain JSON weights in ``claims/data/attribution_model.json``.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Token

from storytrace.claims.features import cue_features, quote_mask, role_features

Fragments = tuple[tuple[int, int], ...]
ROLE_CLASSES = ("none", "Source", "Content")
MODEL_FILE = "attribution_model.json"
WINDOW = 60  # tokens either side of a cue that may hold its source or content


@dataclass(frozen=True)
class Relation:
    """One attribution: Source (optional), Cue and Content as character fragments."""

    cue: Fragments
    content: Fragments
    source: Fragments | None = None


@functools.cache
def load_model() -> dict[str, Any]:
    """The shipped weights (cached per process)."""
    path = resources.files("storytrace.claims") / "data" / MODEL_FILE
    model: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return model


def _binary(weights: dict[str, float], bias: float, feats: list[str]) -> float:
    score = bias + sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def _multi(weights: dict[str, list[float]], bias: list[float], feats: list[str]) -> list[float]:
    scores = list(bias)
    for feat in feats:
        row = weights.get(feat)
        if row is not None:
            for k, value in enumerate(row):
                scores[k] += value
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def find_cues(doc: Doc, quoted: list[bool], model: dict[str, Any]) -> list[list[Token]]:
    """Runs of consecutive tokens the cue model marks, in text order."""
    cue = model["cue"]
    threshold = float(cue.get("threshold", 0.5))
    runs: list[list[Token]] = []
    current: list[Token] = []
    for token in doc:
        marked = not token.is_space and (
            _binary(cue["weights"], cue["bias"], cue_features(token, quoted)) >= threshold
        )
        if marked and current and token.sent.start != current[-1].sent.start:
            runs.append(current)
            current = []
        if marked:
            current.append(token)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [run for run in runs if not all(t.is_punct for t in run) or run[0].text == ":"]


def _window(doc: Doc, cue: list[Token]) -> range:
    """Tokens of the cue's paragraph (no line break crossed) within ``WINDOW`` of it."""
    start = cue[0].i
    while start > 0 and cue[0].i - start < WINDOW and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    end = cue[-1].i + 1
    while end < len(doc) and end - cue[-1].i < WINDOW and "\n" not in doc[end - 1].whitespace_:
        if "\n" in doc[end].text:
            break
        end += 1
    return range(start, end)


def _fragments(tokens: list[Token]) -> Fragments:
    """Character fragments of a set of tokens: consecutive tokens join into one fragment."""
    fragments: list[tuple[int, int]] = []
    previous = -2
    for token in sorted(tokens, key=lambda t: t.i):
        if token.i == previous + 1 and fragments:
            fragments[-1] = (fragments[-1][0], token.idx + len(token))
        else:
            fragments.append((token.idx, token.idx + len(token)))
        previous = token.i
    return tuple(fragments)


def _source_run(labelled: list[tuple[Token, list[float]]]) -> list[Token]:
    """The consecutive Source-labelled tokens around the most confident one."""
    sources = [(t, p) for t, p in labelled if p[1] >= max(p)]
    if not sources:
        return []
    best = max(sources, key=lambda item: item[1][1])[0]
    chosen = {t.i for t, _ in sources}
    run = [best]
    doc = best.doc
    i = best.i - 1
    while i >= 0 and i in chosen:
        run.insert(0, doc[i])
        i -= 1
    i = best.i + 1
    while i in chosen:
        run.append(doc[i])
        i += 1
    return run


# An embedded tweet as news sites print it: "TEXT — Name (@handle) September 1, 2016".
_TWEET = re.compile(
    r"(?P<content>[^<>\n—―]*?[^\s<>—―])\s+(?P<cue>[—―])\s+"
    r"(?P<source>[^\n()<>—―]{1,60}?\(@\w{1,30}\))"
)


def tweet_relations(text: str) -> list[Relation]:
    """Attributions of embedded tweets: the dash is the cue, "Name (@handle)" the source."""
    relations = []
    for match in _TWEET.finditer(text):
        start, end = match.span("content")
        while start < end and text[start] in ' \t"“':
            start += 1
        relations.append(
            Relation(
                cue=(match.span("cue"),),
                content=((start, end),),
                source=(match.span("source"),),
            )
        )
    return relations


def find_relations(doc: Doc) -> list[Relation]:
    """Every attribution relation of a parsed text, in the order of the cues."""
    model = load_model()
    quoted = quote_mask(doc)
    tweets = tweet_relations(doc.text)
    covered = [(r.content[0][0], r.source[0][1]) for r in tweets if r.source]
    cues = [
        cue
        for cue in find_cues(doc, quoted, model)
        if not any(a <= cue[0].idx < b for a, b in covered)
    ]
    cue_tokens = {t.i for cue in cues for t in cue}
    role = model["role"]
    relations: list[Relation] = []
    for cue in cues:
        labelled = []
        for i in _window(doc, cue):
            token = doc[i]
            if i in cue_tokens or token.is_space:
                continue
            labelled.append(
                (token, _multi(role["weights"], role["bias"], role_features(token, cue, quoted)))
            )
        content = [t for t, p in labelled if p[2] >= max(p)]
        if not content:
            continue
        source = _source_run(labelled)
        relations.append(
            Relation(
                cue=_fragments(cue),
                content=_fragments(content),
                source=_fragments(source) if source else None,
            )
        )
    return sorted(relations + tweets, key=lambda r: r.cue[0])
