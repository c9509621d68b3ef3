"""The role CRF's per-token scores over every cue window of a doc at once.

:func:`storytrace.claims.features.role_rows` writes each window token's features as
strings, which training reads; here the same templates are read column by column over all
windows together (:mod:`storytrace.claims.cue_scores` explains how), so a token costs its
dependency path to the cue and no feature string. ``tests/claims/test_cue_scores.py``
checks the sums against the strings on real text.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
from spacy.tokens import Doc, Token

from storytrace.claims.cue_scores import (
    Codes,
    Column,
    Lookup,
    Scores,
    encode,
    flag_column,
    view_column,
)
from storytrace.claims.features import QUOTE_MARKS, cue_summary, path_of, token_view
from storytrace.claims.sequence import compiled_weights

_BUCKETS = ["0", "1", "2", "3", "near", "far"]
_OFFSETS = ["0", "-1", "-far", "+1", "+far"]


def role_scores(
    doc: Doc,
    cues: list[list[Token]],
    windows: list[range],
    quoted: list[bool],
    cue_ids: set[int],
    model: dict[str, Any],
) -> list[Scores]:
    """Per-token label scores of each cue's window ``(len(window), labels)``: for each
    token, the summed weights of its row of :func:`~storytrace.claims.features.role_rows`."""
    index, weights = compiled_weights(model)
    lengths = [len(window) for window in windows]
    scores = np.zeros((sum(lengths), weights.shape[1]), dtype=np.float64)
    if len(scores):
        _score(scores, weights, Lookup(index), doc, cues, windows, quoted, cue_ids)
    return np.split(scores, np.cumsum(lengths)[:-1]) if windows else []


def _score(
    scores: Scores,
    weights: Scores,
    look: Lookup,
    doc: Doc,
    cues: list[list[Token]],
    windows: list[range],
    quoted: list[bool],
    cue_ids: set[int],
) -> None:
    view = token_view(doc)
    tokens = np.concatenate([np.arange(w.start, w.stop, dtype=np.int64) for w in windows])
    owner = np.repeat(np.arange(len(windows)), [len(w) for w in windows])
    own = np.zeros(len(tokens), dtype=bool)
    offset = 0
    for cue, window in zip(cues, windows, strict=True):
        own[offset + np.array([t.i for t in cue], dtype=np.int64) - window.start] = True
        offset += len(window)
    space = np.array(view.space, dtype=bool)[tokens]
    lower = view_column(view, "lowers")
    # A cue's own tokens, then spaces, then every other token with its full row.
    _add(scores, own, weights, look.row("cue=self"))
    _add(scores, own, weights, look.rows("cue=self|", [lower.at(tokens[own])]))
    spaces = ~own & space
    _add(scores, spaces, weights, look.row("space"))
    normal = ~own & ~space
    if normal.any():
        rows = _role_rows(look, view, cues, tokens[normal], owner[normal], quoted, cue_ids, lower)
        total = np.zeros((len(rows[0]), weights.shape[1]), dtype=np.float64)
        for found in rows:  # summed in the same order, on these tokens alone (they held 0)
            total += weights[found]
        scores[normal] = total


def _add(scores: Scores, where: npt.NDArray[np.bool_], weights: Scores, rows: Codes | int) -> None:
    if where.any():
        scores[where] += weights[rows]


def _role_rows(
    look: Lookup,
    view: Any,
    cues: list[list[Token]],
    tokens: Codes,
    owner: Codes,
    quoted: list[bool],
    cue_ids: set[int],
    lower: Column,
) -> list[Codes]:
    """The model rows of each template of a full role row, in the order they are written."""
    abouts = [cue_summary(cue) for cue in cues]
    first = np.array([a.first for a in abouts], dtype=np.int64)[owner]
    last = np.array([a.last for a in abouts], dtype=np.int64)[owner]
    head = np.array([a.head for a in abouts], dtype=np.int64)[owner]
    found = [path_of(view, i, h) for i, h in zip(tokens.tolist(), head.tolist(), strict=True)]
    path = encode([p for p, _ in found])
    depth = encode([str(min(d, 6)) for _, d in found])
    before = tokens < first
    side = Column(np.where(before, 0, 1), ["before", "after"])
    distance = np.where(before, first - tokens, tokens - last)
    bucket = Column(np.where(distance < 4, distance, np.where(distance < 10, 4, 5)), _BUCKETS)
    starts = np.array(view.sent_start, dtype=np.int64)
    ends = np.array(view.sent_end, dtype=np.int64)
    same = starts[tokens] == starts[head]
    quote = np.array(quoted, dtype=bool)
    q = flag_column(quote[tokens])
    tag, dep = view_column(view, "tags").at(tokens), view_column(view, "deps").at(tokens)
    pos = view_column(view, "pos").at(tokens)
    plain = np.array(view.punct, dtype=bool)[tokens]
    short = plain | np.array(view.stop, dtype=bool)[tokens]
    word = lower.at(tokens)
    shape = Column(
        np.where(short, word.codes, len(word.strings) + pos.codes),
        [f"w={w}" for w in word.strings] + [f"t2={p}" for p in pos.strings],
    )
    lemma = encode([a.lemma for a in abouts]).at(owner)
    cue_tag = encode([a.tag for a in abouts]).at(owner)
    cue_dep = encode([a.dep for a in abouts]).at(owner)
    has_subject = flag_column(np.array([a.own for a in abouts], dtype=bool)[owner])
    agent = flag_column(np.array([a.agent for a in abouts], dtype=bool)[owner])
    rows = [
        look.rows("p=", [path]),
        look.rows("p+side=", [path, side]),
        look.rows("p+t=", [path, tag]),
        look.rows("p+cl=", [path, lemma]),
        look.rows("depth=", [depth]),
        look.rows("p+depth=", [path, depth]),
        look.rows("side=", [side]),
        look.rows("dist=", [side, bucket]),
        look.rows("sent=", [flag_column(same)]),
        look.rows("t=", [tag]),
        look.rows("d=", [dep]),
        look.rows("", [shape]),
        look.rows("q=", [q, flag_column(quote[head])]),
        look.rows("q+side=", [q, side]),
        look.rows("cl=", [lemma]),
        look.rows("ct=", [cue_tag]),
        look.rows("cd=", [cue_dep]),
        look.rows("q+p=", [q, path]),
        look.rows("own=", [has_subject, path]),
        look.rows("own+d=", [has_subject, cue_dep, dep]),
        look.rows("agent=", [agent, path]),
        np.where(plain, look.rows("punct+p=", [word, path, side]), -1),
    ]
    others = np.array(sorted(cue_ids), dtype=np.int64)
    inside = np.isin(tokens, others)
    between = np.zeros(len(tokens), dtype=bool)
    for k, cue in enumerate(cues):
        mine = owner == k
        rest = np.setdiff1d(others, [t.i for t in cue])
        if not len(rest) or not mine.any():
            continue
        at = tokens[mine]
        low = np.where(at < first[mine], at, last[mine])
        high = np.where(at < first[mine], first[mine], at)
        after = np.searchsorted(rest, low, side="right")
        between[mine] = (after < len(rest)) & (rest[np.minimum(after, len(rest) - 1)] < high)
    offset = np.where(
        starts[tokens] == starts[head],
        0,
        np.where(
            tokens < head,
            np.where(ends[tokens] == starts[head], 1, 2),
            np.where(starts[tokens] == ends[head], 3, 4),
        ),
    )
    sentoff = Column(offset, _OFFSETS)
    words = view_column(view, "padded_words")
    texts = view_column(view, "texts").at(tokens)
    marks = np.array([text in QUOTE_MARKS for text in texts.strings], dtype=bool)
    rows += [
        look.rows("other=", [flag_column(inside)]),
        look.rows("between=", [flag_column(between)]),
        look.rows("between+side=", [flag_column(between), side]),
        look.rows("sentoff=", [sentoff]),
        look.rows("sentoff+q=", [sentoff, q]),
        look.rows("e=", [view_column(view, "ents").at(tokens)]),
        look.rows("l+side=", [view_column(view, "lemmas").at(tokens), side]),
        look.rows("w-1=", [words.at(tokens + 1), side]),
        look.rows("w+1=", [words.at(tokens + 3), side]),
        look.rows("qmark=", [flag_column(marks[texts.codes]), q, side]),
    ]
    return rows
