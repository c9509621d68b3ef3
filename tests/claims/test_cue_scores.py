"""The cue and role CRFs' scores read column by column equal the sums over the feature strings."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pytest
from spacy.tokens import Doc

from storytrace.claims.cue_scores import cue_scores
from storytrace.claims.features import index_cue_rows, quote_mask, role_rows, sentence_ids
from storytrace.claims.relations import _window, find_cues, load_model
from storytrace.claims.role_scores import role_scores
from storytrace.claims.sequence import state_scores
from storytrace.text import load_nlp

DEV = Path(__file__).resolve().parents[3] / "shared" / "data" / "polnear" / "dev" / "text"
CRAFTED = (
    'The senator said: "We will win." Aides, who declined to be named, told reporters\n\n'
    "that the bill \u2014 according to a statement \u2014 would pass. \u201cNo,\u201d she "
    "replied.\x0bShe claimed | that ratings fell.\n  Officials reportedly denied it."
)


def _docs() -> list[Doc]:
    texts = [CRAFTED, "Hi.", ""]
    if DEV.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))[:3]]
    return list(load_nlp().pipe(texts))


def _strings_and_columns(
    doc: Doc, model: dict[str, object], lexicon: dict[str, str] | None
) -> tuple[np.ndarray, np.ndarray]:
    quoted = quote_mask(doc)
    ids = [i for s in sentence_ids(doc) for i in s]
    rows = [row for s in sentence_ids(doc) for row in index_cue_rows(doc, s, quoted, lexicon)]
    return state_scores(model, rows), cue_scores(doc, quoted, model, lexicon)[ids]


def test_the_shipped_cue_crf_scores_the_same_either_way() -> None:
    crf = load_model()["cue"]
    for doc in _docs():
        by_strings, by_columns = _strings_and_columns(doc, crf, crf.get("lexicon"))
        assert by_columns.shape == by_strings.shape
        np.testing.assert_allclose(by_columns, by_strings, rtol=0, atol=1e-9)


@pytest.mark.parametrize("with_lexicon", [False, True])
def test_every_template_is_read_as_its_string_writes_it(with_lexicon: bool) -> None:
    # A model that knows every feature these texts have, each with its own weights: a
    # template read differently (a value, a shift, a condition) changes some token's sum.
    docs = _docs()
    lexicon = {"say": "r4", "tell": "r3", "claim": "r2", "the": "r0"} if with_lexicon else None
    features: dict[str, None] = {}
    for doc in docs:
        quoted = quote_mask(doc)
        for ids in sentence_ids(doc):
            for row in index_cue_rows(doc, ids, quoted, lexicon):
                features.update(dict.fromkeys(row))
    model = _random_model(["O", "B", "I"], features, seed=3)
    assert any(f.startswith("lex") for f in features) == with_lexicon
    for doc in docs:
        by_strings, by_columns = _strings_and_columns(doc, model, lexicon)
        np.testing.assert_allclose(by_columns, by_strings, rtol=0, atol=1e-9)


def _random_model(labels: list[str], features: Iterable[str], seed: int) -> dict[str, object]:
    """A CRF that knows every one of ``features``, each with its own random weights."""
    rng = np.random.default_rng(seed)
    return {
        "labels": labels,
        "transitions": [[0.0] * len(labels) for _ in labels],
        "weights": {f: rng.normal(size=len(labels)).tolist() for f in features},
    }


def _role_sums(
    doc: Doc, model: dict[str, object]
) -> tuple[list[np.ndarray], list[np.ndarray], list[list[list[str]]]]:
    """The role scores of each cue window by feature strings and by columns, and the rows."""
    quoted = quote_mask(doc)
    cues = find_cues(doc, quoted, load_model())
    cue_ids = {t.i for cue in cues for t in cue}
    windows = [_window(doc, cue) for cue in cues]
    rows = [role_rows(doc, c, w, quoted, cue_ids) for c, w in zip(cues, windows, strict=True)]
    by_strings = [state_scores(model, r) for r in rows]
    return by_strings, role_scores(doc, cues, windows, quoted, cue_ids, model), rows


def test_the_role_crf_scores_every_window_the_same_either_way() -> None:
    docs = _docs()
    shipped = load_model()["role"]
    features: dict[str, None] = {}
    for doc in docs:
        by_strings, by_columns, rows = _role_sums(doc, shipped)
        assert len(by_columns) == len(by_strings)
        for a, b in zip(by_strings, by_columns, strict=True):
            np.testing.assert_allclose(b, a, rtol=0, atol=1e-9)
        for window in rows:
            for row in window:
                features.update(dict.fromkeys(row))
    # A model that knows every feature of these windows, each with its own weights.
    model = _random_model(["O", "Source", "Content"], features, seed=5)
    assert len(features) > 500
    for doc in docs:
        by_strings, by_columns, _rows = _role_sums(doc, model)
        for a, b in zip(by_strings, by_columns, strict=True):
            np.testing.assert_allclose(b, a, rtol=0, atol=1e-9)


def test_template_rows_by_keys_are_the_rows_of_the_feature_strings() -> None:
    # Values holding the separator ("a|b"), control characters (written "_"), empty values
    # and a template with no prefix: the integer keys find exactly the strings' rows.
    from storytrace.claims.cue_scores import Column, Lookup, encode

    words = ["a|b", "a", "b", "", "x\x0by", "x_y", "|", "c"]
    index = {
        f: k
        for k, f in enumerate(
            [
                "w=a|b",
                "w=x_y",
                "w=",
                "w=|",
                "p=a|b|c",
                "p=a||",
                "p=|a|b",
                "p=c|",
                "a|b",
                "t=a|b|a",
                "t=c|a|b",
                "t=a|b|c|c",
                "w=c|x",
            ]
        )
    }
    look = Lookup(index)
    rng = np.random.default_rng(7)
    columns = [Column(rng.integers(0, len(words), 400), words) for _ in range(3)]
    columns.append(encode([words[k] for k in rng.integers(0, len(words), 400)]))
    for prefix in ("w=", "p=", "t=", "", "none="):
        for size in (1, 2, 3):
            for first in range(len(columns) - size + 1):
                chosen = columns[first : first + size]
                expected = look.string_rows(prefix, chosen)
                np.testing.assert_array_equal(look.rows(prefix, chosen), expected)
    assert (look.rows("p=", columns[:2]) >= 0).any() and (look.rows("t=", columns[:3]) >= 0).any()
