"""The cue CRF's per-token scores over a whole doc at once, without a feature string per token.

:func:`storytrace.claims.features.cue_features` writes each token's features as strings
("w=said", "l+d=say|ROOT", ...), which training reads. At prediction time the same features
are looked up column by column instead: each template's values are coded as integers over
the doc, its distinct value combinations are written out and looked up once, and each
token's rows of the weight matrix are gathered with numpy. The sum is the one
:func:`storytrace.claims.sequence.state_scores` gives for the strings
(``tests/claims/test_cue_scores.py`` checks it on real text).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from spacy.tokens import Doc

from storytrace.claims.features import CLAUSE_DEPS, Lexicon, token_view
from storytrace.claims.sequence import compiled_weights

Codes = npt.NDArray[np.int64]
Scores = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Column:
    """One string value per token, as codes into ``strings``."""

    codes: Codes
    strings: list[str]

    def at(self, positions: Codes) -> Column:
        """The values at ``positions``."""
        return Column(self.codes[positions], self.strings)


def encode(values: list[str]) -> Column:
    """The column of ``values``, coded in order of first appearance."""
    index: dict[str, int] = {}
    codes = np.array([index.setdefault(v, len(index)) for v in values], dtype=np.int64)
    return Column(codes, list(index))


def flag_column(values: npt.NDArray[np.bool_]) -> Column:
    """A column of booleans, written as Python writes them ("True", "False")."""
    return Column(values.astype(np.int64), ["False", "True"])


def printable(feature: str) -> str:
    """The feature with control characters replaced, as the feature strings have them."""
    if feature.isprintable():
        return feature
    return "".join(c if c.isprintable() else "_" for c in feature)


class Lookup:
    """Model rows of templated features (``-1``: a feature the model does not know)."""

    def __init__(self, index: dict[str, int]) -> None:
        self.index = index

    def rows(self, prefix: str, columns: list[Column]) -> Codes:
        """The row of ``prefix + "|".join(values)`` for each token."""
        code = columns[0].codes
        for column in columns[1:]:
            code = code * len(column.strings) + column.codes
        _, first, inverse = np.unique(code, return_index=True, return_inverse=True)
        parts = [[c.strings[k] for k in c.codes[first].tolist()] for c in columns]
        get = self.index.get
        found = [
            get(printable(prefix + "|".join(values)), -1) for values in zip(*parts, strict=True)
        ]
        return np.array(found, dtype=np.int64)[inverse.reshape(-1)]

    def row(self, feature: str) -> int:
        """The row of one feature."""
        return self.index.get(feature, -1)


def cue_scores(
    doc: Doc, quoted: list[bool], model: dict[str, Any], lexicon: Lexicon | None = None
) -> Scores:
    """Per-token label scores ``(len(doc), labels)`` of the cue CRF ``model``: for each
    token, the summed weights of its :func:`~storytrace.claims.features.cue_features`."""
    index, weights = compiled_weights(model)  # its last row, -1, is an unknown feature's
    size = len(doc)
    scores = np.zeros((size, weights.shape[1]), dtype=np.float64)
    if not size:
        return scores
    look = Lookup(index)
    view = token_view(doc)
    at = np.arange(size)
    heads = np.array(view.heads, dtype=np.int64)
    quote = np.array(quoted[:size], dtype=bool)
    words = encode(view.padded_words)
    tags = encode(view.padded_tags)
    lemmas = encode(view.padded_lemmas)

    def word(shift: int) -> Column:
        return Column(words.codes[2 + shift : 2 + shift + size], words.strings)

    def padded(column: Column, shift: int) -> Column:
        return Column(column.codes[2 + shift : 2 + shift + size], column.strings)

    lower = encode(view.lowers)
    lemma, tag, dep = padded(lemmas, 0), padded(tags, 0), encode(view.deps)
    head_lemma = lemma.at(heads)
    starts = np.array(view.sent_start, dtype=np.int64)
    q = flag_column(quote)
    # Each template's rows in the order cue_features writes them (so the same sums): the
    # tokens they belong to (None: every token in order) and the model row of each.
    rows: list[tuple[Codes | None, Codes]] = []

    def add(prefix: str, *columns: Column, where: npt.NDArray[np.bool_] | None = None) -> None:
        found = look.rows(prefix, list(columns))
        rows.append((None, found if where is None else np.where(where, found, -1)))

    def flag(feature: str, where: npt.NDArray[np.bool_]) -> None:
        rows.append((None, np.where(where, look.row(feature), -1)))

    add("w=", lower)
    add("l=", lemma)
    add("t=", tag)
    add("d=", dep)
    add("l+d=", lemma, dep)
    add("l+t=", lemma, tag)
    add("hl=", head_lemma)
    add("hl+d=", head_lemma, dep)
    add("hd=", dep.at(heads))
    add("ht=", tag.at(heads))
    add("w-1=", word(-1))
    add("w+1=", word(1))
    add("w-2=", word(-2))
    add("w+2=", word(2))
    add("t-1=", padded(tags, -1))
    add("t+1=", padded(tags, 1))
    add("w-1+w=", word(-1), lower)
    add("w+w+1=", lower, word(1))
    add("q=", q)
    add("q+t=", q, tag)
    add("hq=", q.at(heads))
    add("sent0=", flag_column(starts == at))
    dependent = heads != at
    rows += _children(look, heads[dependent], dep.at(at[dependent]), lemma)
    objects = dependent & quote & np.isin(dep.codes, _codes(dep, ("ccomp", "dobj")))
    has_quoted_object = np.zeros(size, dtype=bool)
    has_quoted_object[heads[objects]] = True
    flag("quoted-object", has_quoted_object)
    following = np.zeros(size, dtype=bool)
    following[:-1] = quote[1:] & ~quote[:-1]
    flag("before-quote", following)
    preceding = np.zeros(size, dtype=bool)
    preceding[1:] = quote[:-1] & ~quote[1:]
    flag("after-quote", preceding)
    add("hhl=", lemma.at(heads[heads]), where=dependent & (heads[heads] != heads))
    add("e=", encode(view.ents))
    add("l+1=", padded(lemmas, 1))
    add("l-1=", padded(lemmas, -1))
    add("l+w+1+w+2=", lemma, word(1), word(2))
    add("w-2+w-1=", word(-2), word(-1))
    ends = np.ones(size, dtype=bool)
    ends[:-1] = starts[1:] == at[1:]
    add("sentend=", flag_column(ends))
    add("punct=", encode(view.texts), padded(tags, -1), q, where=np.array(view.punct, bool))
    if lexicon is not None:
        _lexicon_rows(add, view.lemmas, heads, tag, dep, lexicon)
    for owners, found in rows:
        if owners is None:
            scores += weights[found]
        else:
            np.add.at(scores, owners, weights[found])
    return scores


def _codes(column: Column, values: tuple[str, ...]) -> list[int]:
    return [k for k, s in enumerate(column.strings) if s in values]


def _children(
    look: Lookup, heads: Codes, deps: Column, lemma: Column
) -> list[tuple[Codes | None, Codes]]:
    """The rows of "c=DEP", once per relation a token governs, and of "l+c=LEMMA|DEP" for a
    clause, subject or object (``heads``, ``deps``: each dependent's head and relation)."""
    if not len(heads):
        return []
    pairs = np.unique(heads * len(deps.strings) + deps.codes)
    owners, kinds = np.divmod(pairs, len(deps.strings))
    kind = Column(kinds, deps.strings)
    found: list[tuple[Codes | None, Codes]] = [(owners, look.rows("c=", [kind]))]
    clause = np.isin(kinds, _codes(deps, tuple(CLAUSE_DEPS)))
    if clause.any():
        chosen = np.flatnonzero(clause)
        found.append(
            (owners[chosen], look.rows("l+c=", [lemma.at(owners[chosen]), kind.at(chosen)]))
        )
    return found


def _lexicon_rows(
    add: Any, lemmas: list[str], heads: Codes, tag: Column, dep: Column, lexicon: Lexicon
) -> None:
    """The templates of :func:`storytrace.claims.features._lexicon_features`."""
    rate = encode([lexicon.get(lemma, "unseen") for lemma in lemmas])
    edge = len(rate.strings)
    strings = [*rate.strings, "-"]
    before = Column(np.concatenate([[edge], rate.codes[:-1]]), strings)
    after = Column(np.concatenate([rate.codes[1:], [edge]]), strings)
    rate = Column(rate.codes, strings)
    add("lex=", rate)
    add("lex+t=", rate, tag)
    add("lex+d=", rate, dep)
    add("hlex+d=", rate.at(heads), dep)
    add("lex-1=", before)
    add("lex+1=", after)
    add("lex-1+t=", before, tag)
    add("lex+1+t=", after, tag)
