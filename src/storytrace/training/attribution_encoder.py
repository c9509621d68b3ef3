"""Contextual token vectors from the bundled MiniLM encoder, one per spaCy token.

The neural cue tagger (:mod:`storytrace.training.attribution_network`) reads each token
through the transformer that also embeds sentences (all-MiniLM-L6-v2, installed offline with the
package). A text is cut into overlapping windows of word pieces; each piece keeps the
hidden state of the window in which it lies furthest from an edge, and a spaCy token is
the mean of the pieces that overlap its characters (a space token gets zeros).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from spacy.tokens import Doc

from storytrace.cluster.embed import DIMENSIONS, load_embedder

Matrix = npt.NDArray[np.float32]
WINDOW = 256  # word pieces per forward pass, [CLS] and [SEP] included
STRIDE = 192  # new pieces per window: windows overlap by 62 pieces


def _windows(count: int) -> list[tuple[int, int]]:
    """Piece ranges ``[start, end)`` covering ``count`` pieces with overlap."""
    size = WINDOW - 2
    if count <= size:
        return [(0, count)]
    starts = [*range(0, count - size, STRIDE), count - size]
    return [(start, start + size) for start in starts]


def piece_states(text: str) -> tuple[Matrix, list[tuple[int, int]]]:
    """Hidden states of every word piece of ``text`` and their character offsets."""
    import torch

    model = load_embedder()[0]
    tokenizer, encoder = model.tokenizer, model.auto_model
    encoded = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True, verbose=False)
    ids: list[int] = encoded["input_ids"]
    offsets: list[tuple[int, int]] = [tuple(o) for o in encoded["offset_mapping"]]
    states = np.zeros((len(ids), DIMENSIONS), dtype=np.float32)
    if not ids:
        return states, offsets
    windows = _windows(len(ids))
    best = np.full(len(ids), -1, dtype=np.int64)  # distance from the nearest window edge
    batch = [[tokenizer.cls_token_id, *ids[a:b], tokenizer.sep_token_id] for a, b in windows]
    longest = max(len(row) for row in batch)
    input_ids = torch.tensor([row + [0] * (longest - len(row)) for row in batch])
    mask = torch.tensor([[1] * len(row) + [0] * (longest - len(row)) for row in batch])
    with torch.inference_mode():
        hidden = encoder(input_ids=input_ids, attention_mask=mask).last_hidden_state.numpy()
    for row, (a, b) in enumerate(windows):
        position = np.arange(a, b)
        left = position - a if a > 0 else np.full(b - a, len(ids))  # a text's own edge is no cut
        right = b - 1 - position if b < len(ids) else np.full(b - a, len(ids))
        margin = np.minimum(left, right)
        better = margin > best[a:b]
        states[a:b][better] = hidden[row, 1 : 1 + b - a][better]
        best[a:b] = np.maximum(best[a:b], margin)
    return states, offsets


def token_vectors(doc: Doc) -> Matrix:
    """One contextual vector per token of ``doc`` (rows in token order)."""
    states, offsets = piece_states(doc.text)
    vectors = np.zeros((len(doc), DIMENSIONS), dtype=np.float32)
    piece = 0
    for token in doc:
        if token.is_space:
            continue
        start, end = token.idx, token.idx + len(token)
        while piece < len(offsets) and offsets[piece][1] <= start:
            piece += 1
        last = piece
        while last < len(offsets) and offsets[last][0] < end:
            last += 1
        if last > piece:
            vectors[token.i] = states[piece:last].mean(axis=0)
    return vectors
