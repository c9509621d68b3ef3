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

import bisect
import itertools
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
    index = {value: k for k, value in enumerate(dict.fromkeys(values))}
    codes = np.fromiter(map(index.__getitem__, values), dtype=np.int64, count=len(values))
    return Column(codes, list(index))


_FLAGS = ["False", "True"]


def flag_column(values: npt.NDArray[np.bool_]) -> Column:
    """A column of booleans, written as Python writes them ("True", "False")."""
    return Column(values.astype(np.int64), _FLAGS)


_VIEW_COLUMNS: list[Any] = [None, {}]  # the last token view, and its columns by name


def view_column(view: Any, name: str) -> Column:
    """:func:`encode` of one of a token view's lists (each encoded once per view)."""
    if _VIEW_COLUMNS[0] is not view:
        _VIEW_COLUMNS[:] = [view, {}]
    columns: dict[str, Column] = _VIEW_COLUMNS[1]
    found = columns.get(name)
    if found is None:
        found = columns[name] = encode(getattr(view, name))
    return found


def printable(feature: str) -> str:
    """The feature with control characters replaced, as the feature strings have them."""
    if feature.isprintable():
        return feature
    return "".join(c if c.isprintable() else "_" for c in feature)


class Lookup:
    """Model rows of templated features (``-1``: a feature the model does not know).

    A template's values are matched against the model's own features of that template
    (:class:`_Templates`), so a token costs a few array operations and no feature string.
    """

    def __init__(self, index: dict[str, int]) -> None:
        self.index = index
        self.templates = _templates(index)
        # each column's strings (by identity) -> their ids in ``templates.vocab``
        self._ids: dict[int, tuple[list[str], int, Codes]] = {}

    def rows(self, prefix: str, columns: list[Column]) -> Codes:
        """The row of ``prefix + "|".join(values)`` for each token."""
        table = self.templates.table(prefix, len(columns))
        if table is None:
            return self.string_rows(prefix, columns)
        keys, found = table
        code = np.zeros(len(columns[0].codes), dtype=np.int64)
        known = np.ones(len(code), dtype=bool)
        for column in columns:
            ids = self._column_ids(column.strings)[column.codes]
            known &= ids >= 0
            code = code * _RADIX + ids
        if not len(keys):
            return np.full(len(code), -1, dtype=np.int64)
        at = np.minimum(np.searchsorted(keys, code), len(keys) - 1)
        return np.where(known & (keys[at] == code), found[at], -1)

    def string_rows(self, prefix: str, columns: list[Column]) -> Codes:
        """:meth:`rows` by writing out each distinct value combination's feature string."""
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

    def _column_ids(self, strings: list[str]) -> Codes:
        vocab = self.templates.vocab
        cached = self._ids.get(id(strings))
        if cached is not None and cached[0] is strings and cached[1] == len(vocab):
            return cached[2]
        get = vocab.get
        ids = np.array(
            [get(s if s.isprintable() else printable(s), -1) for s in strings], dtype=np.int64
        )
        ids[ids >= _RADIX] = -1  # in no table (see _Templates._build)
        self._ids[id(strings)] = (strings, len(vocab), ids)
        return ids

    def row(self, feature: str) -> int:
        """The row of one feature."""
        return self.index.get(feature, -1)


_RADIX = 1 << 20  # value ids per column of a combined key (at most 3 columns: 60 bits)
_MAX_COLUMNS = 3


class _Templates:
    """The features of one model, template by template: for a template (a prefix and a
    number of values), each value combination the model knows as one integer key (its
    values' ids in ``vocab``, in base :data:`_RADIX`), sorted, with the model row of each.

    A value may itself hold "|", so each feature is read in every way its text splits
    into that many values: the combinations whose joined text is a feature of the model.
    """

    def __init__(self, index: dict[str, int]) -> None:
        self.index = index
        self.features = sorted(index)
        self.vocab: dict[str, int] = {}
        self.tables: dict[tuple[str, int], tuple[Codes, Codes] | None] = {}

    def table(self, prefix: str, size: int) -> tuple[Codes, Codes] | None:
        """The sorted keys and rows of a template, or None when it cannot be keyed."""
        key = (prefix, size)
        if key not in self.tables:
            self.tables[key] = self._build(prefix, size)
        return self.tables[key]

    def _build(self, prefix: str, size: int) -> tuple[Codes, Codes] | None:
        if not 1 <= size <= _MAX_COLUMNS or not prefix.isprintable():
            return None
        pairs: dict[int, int] = {}
        vocab = self.vocab
        start = bisect.bisect_left(self.features, prefix)
        for feature in itertools.islice(self.features, start, None):
            if not feature.startswith(prefix):
                break
            pieces = feature[len(prefix) :].split("|")
            for cuts in itertools.combinations(range(1, len(pieces)), size - 1):
                bounds = (0, *cuts, len(pieces))
                code = 0
                for a, b in itertools.pairwise(bounds):
                    code = code * _RADIX + vocab.setdefault("|".join(pieces[a:b]), len(vocab))
                pairs[code] = self.index[feature]
        if len(vocab) >= _RADIX:
            return None  # ids past the radix: this template is read by its strings
        keys = np.array(sorted(pairs), dtype=np.int64)
        return keys, np.array([pairs[k] for k in keys.tolist()], dtype=np.int64)


_TEMPLATES: list[_Templates] = []


def _templates(index: dict[str, int]) -> _Templates:
    """The :class:`_Templates` of a model's feature index (kept per index)."""
    for found in _TEMPLATES:
        if found.index is index:
            return found
    found = _Templates(index)
    _TEMPLATES[:] = [found, *_TEMPLATES[:3]]  # the read stage has two models
    return found


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
    words = view_column(view, "padded_words")
    tags = view_column(view, "padded_tags")
    lemmas = view_column(view, "padded_lemmas")

    def word(shift: int) -> Column:
        return Column(words.codes[2 + shift : 2 + shift + size], words.strings)

    def padded(column: Column, shift: int) -> Column:
        return Column(column.codes[2 + shift : 2 + shift + size], column.strings)

    lower = view_column(view, "lowers")
    lemma, tag, dep = padded(lemmas, 0), padded(tags, 0), view_column(view, "deps")
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
    add("e=", view_column(view, "ents"))
    add("l+1=", padded(lemmas, 1))
    add("l-1=", padded(lemmas, -1))
    add("l+w+1+w+2=", lemma, word(1), word(2))
    add("w-2+w-1=", word(-2), word(-1))
    ends = np.ones(size, dtype=bool)
    ends[:-1] = starts[1:] == at[1:]
    add("sentend=", flag_column(ends))
    add("punct=", view_column(view, "texts"), padded(tags, -1), q, where=np.array(view.punct, bool))
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
