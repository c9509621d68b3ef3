"""The neural half of the reporting-cue tagger: spaCy's token vectors into a small BiLSTM.

Each sentence is read token by token: the contextual vector spaCy's ``tok2vec`` already
computed for the parse (``doc.tensor``, 96 numbers, so the network costs no second
encoder), learned embeddings of the token's part-of-speech tag, dependency relation, its
head's tag and relation and its entity type, the cue rate in PolNeAR train of its lemma and
of its head's (:data:`LEXICON_CATEGORIES`), a few flags (inside a quotation, next to a
quotation mark, sentence start, title case) and which dependents it governs in the parse (a
clause, a subject naming someone, a quoted object: :func:`child_rows`), all read from what
the parse already holds. A one-layer BiLSTM gives B/I/O
log-probabilities per token; they are added to the cue CRF's scores and one Viterbi pass
that forbids ``O -> I`` turns the sum into cue spans (:func:`combined_labels`). The
network generalises over cue words the CRF has seen rarely or never ("claim", "plans",
"went after"). Fitted on PolNeAR train by :mod:`storytrace.training.attribution_neural`
and shipped as half-precision weights in ``claims/data/cue_tagger.pt``.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt
import torch
from spacy.tokens import Doc, Token
from torch import nn

from storytrace.claims.features import QUOTE_MARKS
from storytrace.claims.sequence import best_paths, state_scores

CUE_LABELS = ("O", "B", "I")
CATEGORIES = ("tag", "dep", "head_tag", "ent", "head_dep")
# Categories read from the cue-rate lexicon of PolNeAR train (lemma -> "r0" ... "r4", or
# "unseen"): the token's own rate and its head's, so a verb seen a few times as a cue shares
# what the network learned of others with the same rate.
LEXICON_CATEGORIES = ("lex", "head_lex")
RATES = ("r0", "r1", "r2", "r3", "r4", "unseen")
WIDTH = 16  # size of each category's embedding
FLAGS = 6
# Dependents that mark a reporting verb or noun: a clause or object (what was said), a
# subject (who said it), a prepositional or agent phrase ("according to", "by aides").
CHILD_DEPS = (
    "nsubj", "nsubjpass", "ccomp", "xcomp", "dobj", "dative", "prep", "advcl", "agent",
    "acomp", "attr", "parataxis", "npadvmod",
)  # fmt: skip
CHILD_FLAGS = len(CHILD_DEPS) + 2  # and: a subject naming someone, a quoted clause or object
_NAMING = frozenset({"PERSON", "ORG", "NORP", "GPE"})
TAGGER_FILE = "cue_tagger.pt"
Matrix = npt.NDArray[np.float32]


def categories(token: Token, lexicon: dict[str, str] | None = None) -> dict[str, str]:
    """The categorical inputs of one token (with ``lexicon``, its and its head's cue rate)."""
    found = {
        "tag": token.tag_,
        "dep": token.dep_,
        "head_tag": token.head.tag_,
        "ent": token.ent_type_ or "-",
        "head_dep": token.head.dep_,
    }
    found["lemma"] = token.lemma_.lower()
    if lexicon is not None:
        found["lex"] = lexicon.get(token.lemma_.lower(), "unseen")
        found["head_lex"] = lexicon.get(token.head.lemma_.lower(), "unseen")
    return found


def flags(token: Token, quoted: Sequence[bool]) -> list[float]:
    """Binary inputs: quoted, next to a quotation, quote mark, sentence start, title case."""
    i, doc = token.i, token.doc
    before = i + 1 < len(doc) and quoted[i + 1] and not quoted[i]
    after = i > 0 and quoted[i - 1] and not quoted[i]
    return [
        float(quoted[i]),
        float(before),
        float(after),
        float(token.text in QUOTE_MARKS),
        float(bool(token.is_sent_start)),
        float(token.is_title),
    ]


class CueNet(nn.Module):
    """Token inputs -> projection -> BiLSTM -> B/I/O scores."""

    def __init__(
        self,
        sizes: dict[str, int],
        *,
        dims: int,
        hidden: int = 128,
        dropout: float = 0.25,
        flags: int = FLAGS,
    ):
        super().__init__()
        self.embeddings = nn.ModuleDict(
            {name: nn.Embedding(size, WIDTH) for name, size in sizes.items()}
        )
        width = dims + WIDTH * len(sizes) + flags
        self.project = nn.Sequential(nn.Dropout(dropout), nn.Linear(width, 2 * hidden), nn.GELU())
        self.lstm = nn.LSTM(2 * hidden, hidden, batch_first=True, bidirectional=True)
        self.out = nn.Sequential(nn.Dropout(dropout), nn.Linear(2 * hidden, len(CUE_LABELS)))

    def forward(
        self, vectors: torch.Tensor, cats: torch.Tensor, bits: torch.Tensor, lengths: torch.Tensor
    ) -> torch.Tensor:
        """Scores ``(batch, length, labels)`` for padded batches of sentences."""
        parts = [vectors, bits]
        parts += [self.embeddings[name](cats[..., k]) for k, name in enumerate(self.embeddings)]
        x = self.project(torch.cat(parts, dim=-1))
        packed = nn.utils.rnn.pack_padded_sequence(
            x, lengths.cpu(), batch_first=True, enforce_sorted=False
        )
        output, _ = self.lstm(packed)
        padded, _ = nn.utils.rnn.pad_packed_sequence(
            output, batch_first=True, total_length=x.shape[1]
        )
        scores: torch.Tensor = self.out(padded)
        return scores

    def flat_scores(
        self, vectors: torch.Tensor, cats: torch.Tensor, bits: torch.Tensor, lengths: list[int]
    ) -> torch.Tensor:
        """Scores ``(tokens, labels)`` for sentences given end to end (``lengths`` tokens
        each): what :meth:`forward` computes, without projecting or scoring padding."""
        parts = [vectors, bits]
        parts += [self.embeddings[name](cats[..., k]) for k, name in enumerate(self.embeddings)]
        x = self.project(torch.cat(parts, dim=-1))
        packed = nn.utils.rnn.pack_sequence(list(torch.split(x, lengths)), enforce_sorted=False)
        output, _ = self.lstm(packed)
        padded, _ = nn.utils.rnn.pad_packed_sequence(output, batch_first=True)
        rows = nn.utils.rnn.unpad_sequence(padded, torch.tensor(lengths), batch_first=True)
        scores: torch.Tensor = self.out(torch.cat(rows))
        return scores


def token_vectors(doc: Doc) -> Matrix | None:
    """spaCy's contextual vector of every token, or None when the doc carries none."""
    tensor = doc.tensor
    if tensor is None or len(getattr(tensor, "shape", ())) != 2 or tensor.shape[0] != len(doc):
        return None
    return np.asarray(tensor, dtype=np.float32)


def encode_sentence(
    tokens: Sequence[Token],
    vectors: Matrix,
    quoted: Sequence[bool],
    vocab: dict[str, dict[str, int]],
    lexicon: dict[str, str] | None = None,
) -> tuple[Matrix, npt.NDArray[np.int64], Matrix]:
    """The three input arrays of one sentence (unknown categories map to index 0), read
    token by token: the reference for :func:`token_inputs` without :func:`child_rows`."""
    ids = [t.i for t in tokens]
    values = [categories(t, lexicon) for t in tokens]
    cats = np.array(
        [[index.get(found[name], 0) for name, index in vocab.items()] for found in values],
        dtype=np.int64,
    ).reshape(len(tokens), len(vocab))
    bits = np.array([flags(t, quoted) for t in tokens], dtype=np.float32).reshape(-1, FLAGS)
    return vectors[ids].astype(np.float32), cats, bits


def category_ids(
    doc: Doc, vocab: dict[str, dict[str, int]], lexicon: dict[str, str] | None = None
) -> npt.NDArray[np.int64]:
    """:func:`categories` of every token as vocabulary indices ``(tokens, categories)``, read
    from the doc's arrays at once (the same values as :func:`encode_sentence`'s), and the
    lexicon rates of :data:`LEXICON_CATEGORIES` when ``vocab`` has them."""
    table = doc.to_array(["TAG", "DEP", "ENT_TYPE", "HEAD", "LEMMA"])  # string hashes, uint64
    heads = np.arange(len(doc)) + table[:, 3].astype(np.int64)  # HEAD: a signed offset
    strings = doc.vocab.strings
    columns = {
        "tag": table[:, 0],
        "dep": table[:, 1],
        "head_tag": table[heads, 0],
        "ent": table[:, 2],
        "head_dep": table[heads, 1],
        "lex": table[:, 4],
        "head_lex": table[heads, 4],
        "lemma": table[:, 4],
    }
    found = np.zeros((len(doc), len(vocab)), dtype=np.int64)
    for k, (name, index) in enumerate(vocab.items()):
        values, inverse = np.unique(columns[name], return_inverse=True)
        words = [strings[int(v)] if v else "" for v in values]
        if name == "ent":
            words = [w or "-" for w in words]
        elif name in LEXICON_CATEGORIES:
            rates = lexicon or {}
            words = [rates.get(w.lower(), "unseen") for w in words]
        elif name == "lemma":
            words = [w.lower() for w in words]
        found[:, k] = np.array([index.get(w, 0) for w in words], dtype=np.int64)[inverse]
    return found


def child_rows(doc: Doc, quoted: Sequence[bool]) -> Matrix:
    """Which dependents each token governs ``(tokens, CHILD_FLAGS)``: one column per relation
    of :data:`CHILD_DEPS`, then a subject that names someone (a person, organisation, group
    or place, or a pronoun) and a quoted clause or object."""
    size = len(doc)
    found = np.zeros((size, CHILD_FLAGS), dtype=np.float32)
    if not size:
        return found
    table = doc.to_array(["HEAD", "DEP", "ENT_TYPE", "TAG"])
    heads = np.arange(size) + table[:, 0].astype(np.int64)
    dependent = heads != np.arange(size)
    strings = doc.vocab.strings
    deps = table[:, 1]
    for k, name in enumerate(CHILD_DEPS):
        mask = dependent & (deps == strings.as_int(name))
        found[heads[mask], k] = 1.0
    subject = np.isin(deps, [strings.as_int("nsubj"), strings.as_int("nsubjpass")])
    naming = np.isin(table[:, 2], [strings.as_int(e) for e in _NAMING]) | (
        table[:, 3] == strings.as_int("PRP")
    )
    mask = dependent & subject & naming
    found[heads[mask], len(CHILD_DEPS)] = 1.0
    clause = np.isin(deps, [strings.as_int("ccomp"), strings.as_int("dobj")])
    mask = dependent & clause & np.asarray(quoted[:size], dtype=bool)
    found[heads[mask], len(CHILD_DEPS) + 1] = 1.0
    return found


def token_inputs(
    doc: Doc, quoted: Sequence[bool], tagger: dict[str, Any]
) -> tuple[npt.NDArray[np.int64], Matrix]:
    """The categorical and binary inputs of every token of ``doc`` for ``tagger`` (its
    vocabularies, lexicon and whether it reads :func:`child_rows`)."""
    cats = category_ids(doc, tagger["vocab"], tagger.get("lexicon"))
    bits = flag_rows(doc, quoted)
    if tagger.get("children"):
        bits = np.concatenate([bits, child_rows(doc, quoted)], axis=1)
    return cats, bits


def pad(
    arrays: Sequence[tuple[Matrix, npt.NDArray[np.int64], Matrix]],
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """A padded batch (vectors, categories, flags, lengths) from per-sentence arrays."""
    lengths = [max(1, len(a[0])) for a in arrays]
    longest = max(lengths)
    dims = arrays[0][0].shape[1]
    vectors = np.zeros((len(arrays), longest, dims), dtype=np.float32)
    cats = np.zeros((len(arrays), longest, arrays[0][1].shape[1]), dtype=np.int64)
    bits = np.zeros((len(arrays), longest, arrays[0][2].shape[1]), dtype=np.float32)
    for k, (v, c, b) in enumerate(arrays):
        vectors[k, : len(v)] = v
        cats[k, : len(c)] = c
        bits[k, : len(b)] = b
    return (
        torch.from_numpy(vectors),
        torch.from_numpy(cats),
        torch.from_numpy(bits),
        torch.tensor(lengths),
    )


def restore(saved: dict[str, Any]) -> dict[str, Any]:
    """A usable tagger ``{"net", "vocab", "mix", "lexicon", "children"}`` from what the
    trainer saved."""
    vocab: dict[str, dict[str, int]] = saved["vocab"]
    config = dict(saved["config"])
    net = CueNet({name: len(index) + 1 for name, index in vocab.items()}, **config)
    net.load_state_dict({k: v.float() for k, v in saved["state"].items()})
    net.eval()
    return {
        "net": net,
        "vocab": vocab,
        "mix": dict(saved["mix"]),
        "lexicon": saved.get("lexicon"),
        "children": config.get("flags", FLAGS) > FLAGS,
    }


@functools.cache
def load_tagger() -> dict[str, Any]:
    """The shipped network (cached per process)."""
    data = (resources.files("storytrace.claims") / "data" / TAGGER_FILE).read_bytes()
    saved = torch.load(io.BytesIO(data), map_location="cpu", weights_only=True)
    return restore(saved)


def flag_rows(doc: Doc, quoted: Sequence[bool]) -> Matrix:
    """:func:`flags` of every token ``(tokens, FLAGS)``, read from the doc's arrays at once."""
    size = len(doc)
    if not size:
        return np.zeros((0, FLAGS), dtype=np.float32)
    table = doc.to_array(["ORTH", "SENT_START", "IS_TITLE"])
    inside = np.asarray(quoted[:size], dtype=bool)
    outside = ~inside
    before = np.zeros(size, dtype=bool)
    before[:-1] = inside[1:] & outside[:-1]
    after = np.zeros(size, dtype=bool)
    after[1:] = inside[:-1] & outside[1:]
    marks = np.array([doc.vocab.strings.as_int(m) for m in QUOTE_MARKS], dtype=np.uint64)
    sent_start = table[:, 1].astype(np.int64) == 1
    columns = (inside, before, after, np.isin(table[:, 0], marks), sent_start, table[:, 2] != 0)
    return np.stack(columns, axis=1).astype(np.float32)


def log_probs(
    doc: Doc,
    sentences: Sequence[Sequence[int]],
    vectors: Matrix,
    quoted: Sequence[bool],
    tagger: dict[str, Any],
) -> list[Matrix]:
    """Per-token B/I/O log-probabilities for each sentence (token indices of ``doc``), one
    batch for the article."""
    lengths = [len(s) for s in sentences if s]
    if not lengths:
        return [np.zeros((0, len(CUE_LABELS)), np.float32) for _ in sentences]
    ids = np.array([i for s in sentences for i in s], dtype=np.int64)
    cats, bits = token_inputs(doc, quoted, tagger)
    inputs = [
        torch.from_numpy(vectors[ids].astype(np.float32)),
        torch.from_numpy(cats[ids]),
        torch.from_numpy(bits[ids]),
    ]
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # one article's sentences: a second thread only waits (2.5x CPU)
    try:
        with torch.inference_mode():
            flat = torch.log_softmax(tagger["net"].flat_scores(*inputs, lengths), dim=-1).numpy()
    finally:
        torch.set_num_threads(threads)
    found = iter(np.split(flat, np.cumsum(lengths)[:-1]))
    return [next(found) if s else np.zeros((0, len(CUE_LABELS)), np.float32) for s in sentences]


def combined_labels(
    crf: dict[str, Any], rows: Sequence[Sequence[str]], neural: Matrix, mix: dict[str, Any]
) -> list[str]:
    """B/I/O of one sentence by one Viterbi pass over the CRF's scores plus the network's
    log-probabilities (:func:`combined_many` of one sentence)."""
    return combined_many(crf, [rows], [neural], mix)[0]


def combined_many(
    crf: dict[str, Any],
    sentences: Sequence[Sequence[Sequence[str]]],
    neural: Sequence[Matrix],
    mix: dict[str, Any],
) -> list[list[str]]:
    """B/I/O of each sentence, decoded side by side, from the CRF's scores plus the network's.

    ``mix`` weighs the two (``"crf"``, ``"neural"``) and adds ``"bias"`` per label; the
    CRF's transitions are kept, scaled by its weight; ``O -> I`` is forbidden and no cue
    opens a sentence with ``I``.
    """
    if list(crf["labels"]) != list(CUE_LABELS):
        raise ValueError(f"cue CRF labels {crf['labels']} are not {list(CUE_LABELS)}")
    lengths = [len(rows) for rows in sentences]
    if not sum(lengths):
        return [[] for _ in sentences]
    crf_scores = state_scores(crf, [row for rows in sentences for row in rows])
    return mixed_labels(crf, np.split(crf_scores, np.cumsum(lengths)[:-1]), neural, mix)


def mixed_labels(
    crf: dict[str, Any],
    parts: Sequence[npt.NDArray[np.float64]],
    neural: Sequence[Matrix],
    mix: dict[str, Any],
) -> list[list[str]]:
    """:func:`combined_many` from the CRF's per-token scores of each sentence (``parts``)."""
    if list(crf["labels"]) != list(CUE_LABELS):
        raise ValueError(f"cue CRF labels {crf['labels']} are not {list(CUE_LABELS)}")
    lengths = [len(part) for part in parts]
    if not sum(lengths):
        return [[] for _ in parts]
    emissions = []
    for part, scores in zip(parts, neural, strict=True):
        if not len(part):
            continue
        summed = mix["crf"] * part + mix["neural"] * np.asarray(scores, dtype=np.float64)
        summed = summed + np.asarray(mix["bias"], dtype=np.float64)
        summed[0, 2] = -1e9  # no cue opens with I
        emissions.append(summed)
    transitions = [[mix["crf"] * w for w in row] for row in crf["transitions"]]
    transitions[0][2] = -1e9  # O -> I
    paths = iter(best_paths(emissions, transitions))
    return [[CUE_LABELS[k] for k in next(paths)] if n else [] for n in lengths]
