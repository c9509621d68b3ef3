"""What event coreference compares: each mention's context once, then features of a pair.

A mention is read once (:func:`mention_contexts`): its lemma, the MiniLM vector of its
sentence, the contextual vector of its trigger inside that sentence, the vector of its lemma
alone (a WordNet-free similarity of predicates), and its arguments: the participants,
places and dates the reader linked to it, plus the names and numbers of its sentence. A
pair is then compared by :func:`pair_features` in the order of :data:`FEATURES`.

Arguments are what lets mentions told with different verbs meet ("refused to fight", "staged
a mutiny"): shared names, counts, places and dates raise a pair, and arguments of the same
kind that all differ (another place, another date) lower it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz
from scipy.sparse import csr_matrix

from storytrace.cluster.embed import Vectors, embed_keyed
from storytrace.records import EventMention

FEATURES = (
    "lemma_equal", "trigger_equal", "lemma_ratio", "lemma_cosine", "trigger_cosine",
    "sentence_cosine", "names_jaccard", "names_shared", "names_conflict", "numbers_shared",
    "numbers_conflict", "arguments_jaccard", "slot_conflict", "same_document",
    "same_sentence", "sentence_distance", "polarity_mismatch", "lemma_x_trigger",
    "mismatch_x_arguments", "mismatch_x_sentence",
)  # fmt: skip

_WORD = re.compile(r"[A-Za-z][\w'.-]*|\d[\d,.]*")
_NUMBER = re.compile(r"^\d[\d,.]*$")
_MONTHS_DAYS = frozenset(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday")
)  # fmt: skip
_FUNCTION_CAPS = frozenset(
    ("the", "a", "an", "in", "on", "at", "of", "and", "but", "he", "she", "it", "they", "we", "i")
)


@dataclass(frozen=True)
class MentionContext:
    """Everything a pair comparison needs from one mention, computed once."""

    mention: EventMention
    lemma: str
    trigger: str
    sentence_vector: Vectors
    trigger_vector: Vectors
    lemma_vector: Vectors
    names: frozenset[str]
    numbers: frozenset[str]
    arguments: frozenset[str]
    places: frozenset[str]
    dates: frozenset[str]
    sentence_rank: int
    participants: frozenset[str] = frozenset()
    date_ranges: tuple[tuple[str, str], ...] = ()


class MentionVectors(NamedTuple):
    """A mention's MiniLM vectors: its sentence's, its trigger's in that sentence, its lemma's."""

    sentence: Vectors
    trigger: Vectors
    lemma: Vectors


def mention_vectors(
    mentions: Sequence[EventMention], texts: Mapping[str, str]
) -> dict[str, MentionVectors]:
    """Each mention's vectors from one encoder pass over the distinct sentences and lemmas.

    Used where no stored vectors exist (``predict coref``, ECB+); ``analyze`` stores the
    same vectors when it reads a claim (:func:`storytrace.align.groups.read_vectors`).
    """
    by_text: dict[str, list[tuple[str, tuple[int, int]]]] = {}
    for mention in mentions:
        start, end = mention.sentence_span
        sentence = texts.get(mention.article_id, "")[start:end]
        local = (mention.span[0] - start, mention.span[1] - start)
        by_text.setdefault(sentence, []).append((mention.id, local))
        by_text.setdefault(mention_lemma(mention), [])
    pooled, triggers = embed_keyed(by_text)
    out: dict[str, MentionVectors] = {}
    for mention in mentions:
        start, end = mention.sentence_span
        out[mention.id] = MentionVectors(
            pooled[texts.get(mention.article_id, "")[start:end]],
            triggers[mention.id],
            pooled[mention_lemma(mention)],
        )
    return out


def mention_lemma(mention: EventMention) -> str:
    """The text a mention's lemma vector is the embedding of."""
    return mention.lemma.lower()


@functools.lru_cache(maxsize=1 << 14)  # a sentence often holds several mentions
def _names_and_numbers(sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    """Capitalised words (not sentence-initial, not months or weekdays) and numbers."""
    names: set[str] = set()
    numbers: set[str] = set()
    for index, match in enumerate(_WORD.finditer(sentence)):
        word = match.group(0).strip(".,'")
        if not word:
            continue
        if _NUMBER.match(word):
            numbers.add(word.replace(",", ""))
        elif word[0].isupper() and index > 0:
            lower = word.lower()
            if lower not in _MONTHS_DAYS and lower not in _FUNCTION_CAPS:
                names.add(lower)
    return frozenset(names), frozenset(numbers)


def _argument_keys(mention: EventMention) -> tuple[set[str], set[str], set[str]]:
    """Participant, place and date keys the reader linked to a mention."""
    participants: set[str] = set()
    for participant in mention.participants:
        key = participant.entity or participant.text
        if key:
            participants.add(key.lower().split()[-1])
        if participant.count is not None and participant.count.value is not None:
            participants.add(f"#{participant.count.value:g}")
    places = {(p.admin1 or p.name).lower() for p in mention.places if p.name}
    places |= {p.name.lower() for p in mention.places if p.name}
    dates = {d.start for d in mention.dates if d.start}
    return participants, places, dates


def mention_contexts(
    mentions: Sequence[EventMention],
    texts: Mapping[str, str],
    vectors: Mapping[str, MentionVectors] | None = None,
) -> list[MentionContext]:
    """Read every mention once: vectors of sentences, triggers and lemmas, and arguments.

    ``vectors`` are those stored when the mentions were read; mentions without them are
    encoded now (:func:`mention_vectors`).
    """
    known = dict(vectors or {})
    missing = [m for m in mentions if m.id not in known]
    if missing:
        known.update(mention_vectors(missing, texts))
    sentences = []
    for mention in mentions:
        start, end = mention.sentence_span
        sentences.append(texts.get(mention.article_id, "")[start:end])
    ranks: dict[tuple[str, tuple[int, int]], int] = {}
    by_article: dict[str, set[tuple[int, int]]] = {}
    for mention in mentions:
        by_article.setdefault(mention.article_id, set()).add(mention.sentence_span)
    for article, spans in by_article.items():
        for rank, span in enumerate(sorted(spans)):
            ranks[(article, span)] = rank
    contexts = []
    for row, mention in enumerate(mentions):
        names, numbers = _names_and_numbers(sentences[row])
        participants, places, dates = _argument_keys(mention)
        contexts.append(
            MentionContext(
                mention=mention,
                lemma=mention.lemma.lower(),
                trigger=mention.trigger.lower(),
                sentence_vector=known[mention.id].sentence,
                trigger_vector=known[mention.id].trigger,
                lemma_vector=known[mention.id].lemma,
                names=names,
                numbers=numbers,
                arguments=frozenset(names | numbers | participants | places),
                places=frozenset(places),
                dates=frozenset(dates),
                sentence_rank=ranks[(mention.article_id, mention.sentence_span)],
                participants=frozenset(participants),
                date_ranges=tuple(
                    (d.start, d.end or d.start) for d in mention.dates if d.start is not None
                ),
            )
        )
    return contexts


def _incidence(sets: Sequence[frozenset[str]]) -> csr_matrix:
    """A sparse 0/1 matrix: one row per set, one column per distinct member."""
    vocabulary: dict[str, int] = {}
    columns = [vocabulary.setdefault(key, len(vocabulary)) for members in sets for key in members]
    starts = np.cumsum([0, *(len(members) for members in sets)])
    ones = np.ones(len(columns), dtype=np.float32)
    shape = (len(sets), max(1, len(vocabulary)))
    return csr_matrix((ones, np.asarray(columns, dtype=np.int64), starts), shape=shape)


class _Sets:
    """One kind of set of every mention, as an incidence matrix built once for all rows."""

    def __init__(self, sets: Sequence[frozenset[str]]) -> None:
        self.incidence = _incidence(sets)
        self.sizes = np.asarray(self.incidence.sum(axis=1), dtype=np.float32).ravel()
        self.transposed = self.incidence.T.tocsr()

    def overlap(self, rows: slice) -> tuple[Vectors, Vectors, Vectors]:
        """Shared counts, Jaccard and conflict (both filled, nothing shared) for rows x all.

        Counts of shared members are whole numbers, so the sparse product gives exactly
        what a dense one does."""
        shared = np.asarray((self.incidence[rows] @ self.transposed).toarray(), dtype=np.float32)
        sizes = self.sizes
        union = sizes[rows, None] + sizes[None, :] - shared
        jaccard = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
        filled = (sizes[rows, None] > 0) & (sizes[None, :] > 0)
        conflict = (filled & (shared == 0)).astype(np.float32)
        return shared, jaccard, conflict


def _overlap(sets: Sequence[frozenset[str]], rows: slice) -> tuple[Vectors, Vectors, Vectors]:
    """Shared counts, Jaccard and conflict (both filled, nothing shared) for rows x all."""
    return _Sets(sets).overlap(rows)


class PairInputs:
    """What :func:`feature_block` reads of every mention, prepared once for all row blocks."""

    def __init__(self, contexts: Sequence[MentionContext]) -> None:
        self.lemmas = [c.lemma for c in contexts]
        codes = {lemma: i for i, lemma in enumerate(sorted(set(self.lemmas)))}
        self.lemma_code = np.asarray([codes[x] for x in self.lemmas])
        self.trigger_code = np.asarray([hash(c.trigger) for c in contexts])
        self.lemma_v, self.trigger_v, self.sentence_v = (
            np.stack([getattr(c, name) for c in contexts])
            for name in ("lemma_vector", "trigger_vector", "sentence_vector")
        )
        self.names = _Sets([c.names for c in contexts])
        self.numbers = _Sets([c.numbers for c in contexts])
        self.arguments = _Sets([c.arguments for c in contexts])
        self.places = _Sets([c.places for c in contexts])
        self.dates = _Sets([c.dates for c in contexts])
        ids = sorted({c.mention.article_id for c in contexts})
        article_code = {a: i for i, a in enumerate(ids)}
        self.article = np.asarray([article_code[c.mention.article_id] for c in contexts])
        self.rank = np.asarray([c.sentence_rank for c in contexts], dtype=np.float32)
        self.negated = np.asarray([c.mention.negated for c in contexts])


def feature_block(
    contexts: Sequence[MentionContext], rows: slice, inputs: PairInputs | None = None
) -> Vectors:
    """Features of mentions ``rows`` against every mention: shape (rows, n, len(FEATURES)).

    ``inputs`` are the contexts' :class:`PairInputs` when several blocks are computed."""
    from rapidfuzz.process import cdist

    x = PairInputs(contexts) if inputs is None else inputs
    lemma_equal = (x.lemma_code[rows, None] == x.lemma_code[None, :]).astype(np.float32)
    trigger_equal = (x.trigger_code[rows, None] == x.trigger_code[None, :]).astype(np.float32)
    ratio = cdist(x.lemmas[rows], x.lemmas, scorer=fuzz.ratio, dtype=np.float32) / 100
    lemma_cosine = x.lemma_v[rows] @ x.lemma_v.T
    trigger_cosine = x.trigger_v[rows] @ x.trigger_v.T
    sentence_cosine = x.sentence_v[rows] @ x.sentence_v.T
    names_shared, names_jaccard, names_conflict = x.names.overlap(rows)
    numbers_shared, _, numbers_conflict = x.numbers.overlap(rows)
    _, arguments, _ = x.arguments.overlap(rows)
    _, _, places_conflict = x.places.overlap(rows)
    _, _, dates_conflict = x.dates.overlap(rows)
    same_document = (x.article[rows, None] == x.article[None, :]).astype(np.float32)
    distance = np.minimum(np.abs(x.rank[rows, None] - x.rank[None, :]), 10) * same_document
    negated = x.negated
    columns = {
        "lemma_equal": lemma_equal,
        "trigger_equal": trigger_equal,
        "lemma_ratio": ratio,
        "lemma_cosine": lemma_cosine,
        "trigger_cosine": trigger_cosine,
        "sentence_cosine": sentence_cosine,
        "names_jaccard": names_jaccard,
        "names_shared": np.minimum(names_shared, 3),
        "names_conflict": names_conflict,
        "numbers_shared": (numbers_shared > 0).astype(np.float32),
        "numbers_conflict": numbers_conflict,
        "arguments_jaccard": arguments,
        "slot_conflict": np.maximum(places_conflict, dates_conflict),
        "same_document": same_document,
        "same_sentence": same_document * (distance == 0),
        "sentence_distance": distance,
        "polarity_mismatch": (negated[rows, None] != negated[None, :]).astype(np.float32),
        "lemma_x_trigger": lemma_equal * trigger_cosine,
        "mismatch_x_arguments": (1 - lemma_equal) * arguments,
        "mismatch_x_sentence": (1 - lemma_equal) * sentence_cosine,
    }
    return np.stack([columns[name] for name in FEATURES], axis=-1).astype(np.float32, copy=False)


def _dates_meet(a: MentionContext, b: MentionContext) -> bool:
    return any(x0 <= y1 and y0 <= x1 for x0, x1 in a.date_ranges for y0, y1 in b.date_ranges)


def slot_clash(contexts: Sequence[MentionContext]) -> Vectors:
    """Which pairs the reader's slots set apart: two places that do not contain each other,
    or two dates that do not overlap (1 where they clash). Counts that differ are no clash
    here: the same event told with 60 and 80 is one fact in conflict.
    """
    n = len(contexts)
    _, _, places_clash = _overlap([c.places for c in contexts], slice(0, n))
    dates_clash = np.zeros((n, n), dtype=np.float32)
    dated = [i for i, c in enumerate(contexts) if c.date_ranges]
    for i in dated:
        for j in dated:
            if not _dates_meet(contexts[i], contexts[j]):
                dates_clash[i, j] = 1.0
    return np.maximum(places_clash, dates_clash)
