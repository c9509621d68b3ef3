"""One encoder pass gives the sentence vector sentence-transformers gives, and span vectors."""

from __future__ import annotations

import numpy as np

from storytrace.cluster.embed import embed, embed_with_spans

TEXTS = [
    "About 60 servicemen from Pskov refused to go to war on Ukrainian territory.",
    "  Leading and trailing spaces, “curly quotes” and an em dash — all kept.  ",
    "Short.",
    "",
    "word " * 400,  # beyond the model's 256 word pieces: truncated as embed truncates
]


def test_pooled_states_equal_what_sentence_transformers_gives() -> None:
    pooled, spans = embed_with_spans(TEXTS, [[] for _ in TEXTS], batch_size=2)
    assert np.abs(pooled - embed(TEXTS)).max() < 1e-5
    assert [len(s) for s in spans] == [0] * len(TEXTS)


def test_a_span_vector_is_its_words_in_context() -> None:
    text = TEXTS[0]
    refused = (text.index("refused"), text.index("refused") + 7)
    pskov = (text.index("Pskov"), text.index("Pskov") + 5)
    beyond = (1900, 1905)  # a span past the truncation keeps the text's own pieces
    pooled, (vectors, other, *_) = embed_with_spans(
        [text, "They refused to go."], [[refused, pskov], [(5, 12)]]
    )
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert float(vectors[0] @ other[0]) > float(vectors[1] @ other[0])  # refused ~ refused
    (long_vectors,) = embed_with_spans([TEXTS[4]], [[beyond]])[1]
    assert np.isclose(np.linalg.norm(long_vectors[0]), 1.0, atol=1e-5)
    assert pooled.shape == (2, 384)
