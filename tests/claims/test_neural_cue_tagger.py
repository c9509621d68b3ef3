"""The neural cue tagger (training wing, not shipped): token vectors, the CRF mix, training."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import torch

from storytrace.claims.features import quote_mask
from storytrace.claims.relations import Relation
from storytrace.text import load_nlp
from storytrace.training import attribution_neural as learn_neural
from storytrace.training.attribution_encoder import STRIDE, WINDOW, _windows, token_vectors
from storytrace.training.attribution_network import combined_labels, find_cues_mixed

# A CRF over O/B/I: feature "v" favours B a little, no transition preferences.
CRF = {
    "labels": ["O", "B", "I"],
    "transitions": [[0.0] * 3 for _ in range(3)],
    "weights": {"v": [0.0, 0.4, 0.0]},
}
EVEN = {"crf": 1.0, "neural": 1.0, "bias": [0.0, 0.0, 0.0]}


def test_windows_cover_every_piece_with_overlap() -> None:
    assert _windows(10) == [(0, 10)]
    count = 1000
    windows = _windows(count)
    covered = np.zeros(count, dtype=int)
    for a, b in windows:
        assert b - a <= WINDOW - 2
        covered[a:b] += 1
    assert covered.min() >= 1
    assert windows[0][0] == 0 and windows[-1][1] == count
    assert all(
        b2 - a2 > 0 and a2 - a1 <= STRIDE for (a1, _), (a2, b2) in itertools.pairwise(windows)
    )


def test_token_vectors_follow_spacy_tokens_across_windows() -> None:
    sentence = "The minister said on Tuesday that the bridge would reopen in May. "
    doc = load_nlp()(sentence * 40 + "\n\nEnd.")  # well over one window of word pieces
    vectors = token_vectors(doc)
    assert vectors.shape == (len(doc), 384)
    for token in doc:
        assert bool(np.any(vectors[token.i])) == (not token.is_space)
    said = [t.i for t in doc if t.text == "said"]
    first, middle = vectors[said[0]], vectors[said[len(said) // 2]]
    cosine = float(first @ middle / np.linalg.norm(first) / np.linalg.norm(middle))
    assert cosine > 0.8  # the same word in the same sentence reads alike wherever it falls


def test_the_mix_adds_network_and_crf_scores() -> None:
    rows = [["v"], [], []]
    quiet = np.log(np.full((3, 3), 1 / 3, dtype=np.float32))
    assert combined_labels(CRF, rows, quiet, EVEN) == ["B", "O", "O"]
    sure = np.log(np.array([[0.9, 0.05, 0.05], [0.1, 0.8, 0.1], [0.1, 0.1, 0.8]], np.float32))
    assert combined_labels(CRF, rows, sure, EVEN) == ["O", "B", "I"]
    crf_only = {**EVEN, "neural": 0.0}
    assert combined_labels(CRF, rows, sure, crf_only) == ["B", "O", "O"]


def test_the_mix_never_opens_a_cue_with_i_or_follows_o_with_i() -> None:
    rows: list[list[str]] = [[], [], []]
    wants_i = np.log(np.array([[0.1, 0.1, 0.8], [0.9, 0.05, 0.05], [0.1, 0.1, 0.8]], np.float32))
    labels = combined_labels(CRF, rows, wants_i, EVEN)
    assert labels[0] != "I"
    assert all(not (a == "O" and b == "I") for a, b in itertools.pairwise(labels))


def test_the_mix_rejects_a_crf_with_other_labels() -> None:
    with pytest.raises(ValueError, match="labels"):
        combined_labels({**CRF, "labels": ["B", "I", "O"]}, [[]], np.zeros((1, 3)), EVEN)


def test_training_learns_cues_from_a_few_labelled_sentences() -> None:
    nlp = load_nlp()
    texts = [
        "The mayor said the road was closed.",
        "Police said two people were hurt.",
        "The road was closed on Monday.",
        "Two people were hurt in the crash.",
    ]
    docs = [nlp(text) for text in texts]
    gold = [
        [Relation(cue=((10, 14),), content=((15, 35),), source=((0, 9),))],
        [Relation(cue=((7, 11),), content=((12, 32),), source=((0, 6),))],
        [],
        [],
    ]
    vectors = [token_vectors(doc) for doc in docs]
    vocab = learn_neural.build_vocab(docs)
    data = [
        s
        for doc, g, v in zip(docs, gold, vectors, strict=True)
        for s in learn_neural.sentences_of(doc, g, v, vocab)
    ]
    sizes = {name: len(vocab[name]) + 1 for name in vocab}
    net = learn_neural.train(data, sizes, epochs=40, config={"hidden": 16})
    tagger = {"net": net, "vocab": vocab, "mix": {**EVEN, "crf": 0.0}}
    doc = nlp("The minister said the bridge was safe.")
    cues = find_cues_mixed(doc, quote_mask(doc), {"cue": CRF}, tagger)
    assert [[t.text for t in cue] for cue in cues] == [["said"]]
    assert isinstance(net, torch.nn.Module)
