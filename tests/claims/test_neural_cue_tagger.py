"""The neural cue tagger: token vectors, the CRF mix, training, and its place in the reader."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pytest
import torch
from spacy.tokens import Doc

from storytrace.claims.cue_network import (
    CHILD_DEPS,
    CHILD_FLAGS,
    FLAGS,
    child_rows,
    combined_labels,
    load_tagger,
    token_vectors,
)
from storytrace.claims.features import quote_mask
from storytrace.claims.relations import Relation, find_cues, load_model
from storytrace.text import load_nlp
from storytrace.training import attribution_neural as learn_neural
from storytrace_testkit import POLNEAR, polnear_slice

# A CRF over O/B/I: feature "v" favours B a little, no transition preferences.
CRF = {
    "labels": ["O", "B", "I"],
    "transitions": [[0.0] * 3 for _ in range(3)],
    "weights": {"v": [0.0, 0.4, 0.0]},
}
EVEN = {"crf": 1.0, "neural": 1.0, "bias": [0.0, 0.0, 0.0]}


def test_token_vectors_are_spacys_own_and_missing_ones_are_none() -> None:
    doc = load_nlp()("The minister said on Tuesday that the bridge would reopen in May.")
    vectors = token_vectors(doc)
    assert vectors is not None and vectors.shape == (len(doc), doc.tensor.shape[1])
    bare = Doc(doc.vocab, words=[t.text for t in doc])
    assert token_vectors(bare) is None


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
    vectors = learn_neural.load_vectors(docs, None)
    vocab = learn_neural.build_vocab(docs, lexicon=True)
    lexicon = {"say": "r3", "road": "r0"}
    inputs = {"vocab": vocab, "lexicon": lexicon, "children": True}
    data = [
        s
        for doc, g, v in zip(docs, gold, vectors, strict=True)
        for s in learn_neural.sentences_of(doc, g, v, inputs)
    ]
    assert data[0][2].shape[1] == FLAGS + CHILD_FLAGS
    sizes = {name: len(vocab[name]) + 1 for name in vocab}
    config = {"hidden": 16, "dims": vectors[0].shape[1], "flags": FLAGS + CHILD_FLAGS}
    net = learn_neural.train(data, sizes, epochs=40, config=config)
    tagger = {**inputs, "net": net, "mix": {**EVEN, "crf": 0.0}}
    doc = nlp("The minister said the bridge was safe.")
    cues = find_cues(doc, quote_mask(doc), {"cue": CRF, "network": tagger})
    assert [[t.text for t in cue] for cue in cues] == [["said"]]
    assert isinstance(net, torch.nn.Module)


def test_the_reader_runs_the_shipped_network_with_the_cue_crf() -> None:
    model = load_model()
    assert model["network"] is load_tagger()
    doc = load_nlp()(
        "The senator claimed the bill would cut taxes, while aides plan to brief reporters.\n"
        "Officials said the bridge was safe, according to a statement."
    )
    quoted = quote_mask(doc)
    with_network = find_cues(doc, quoted, model)
    crf_alone = find_cues(doc, quoted, {**model, "network": None})
    assert {"said", "according to"} <= {" ".join(t.text for t in c) for c in with_network}
    # The same doc without spaCy's vectors (a parse read back from disk) falls back to the CRF.
    bare = Doc.from_docs([doc])
    bare.tensor = np.zeros((0, 0), dtype=np.float32)
    assert [[t.i for t in c] for c in find_cues(bare, quoted, model)] == [
        [t.i for t in c] for c in crf_alone
    ]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The fire was reportedly caused by a faulty storage tank.", "reportedly"),
        ("Two soldiers were allegedly detained at the border crossing.", "allegedly"),
        ("The minister purportedly signed the order before leaving.", "purportedly"),
    ],
)
def test_an_evidential_adverb_is_the_cue_of_an_unnamed_source(text: str, cue: str) -> None:
    doc = load_nlp()(text)
    cues = find_cues(doc, quote_mask(doc), load_model())
    assert [[t.text for t in c] for c in cues] == [[cue]]


def test_an_evidential_adverb_beside_a_named_cue_adds_no_second_cue() -> None:
    doc = load_nlp()("Police said the driver was reportedly drunk.")
    cues = find_cues(doc, quote_mask(doc), load_model())
    assert [[t.text for t in c] for c in cues] == [["said"]]


def test_category_ids_read_at_once_equal_those_read_token_by_token() -> None:
    from storytrace.claims.cue_network import category_ids, encode_sentence

    doc = load_nlp()(
        "Officials in Kyiv said on Monday that 60 soldiers had refused to fight.\n"
        "“We will not go,” one of them told Reuters, according to a statement."
    )
    tagger = load_tagger()
    vocab, lexicon = tagger["vocab"], tagger["lexicon"]
    vectors = token_vectors(doc)
    assert vectors is not None
    by_token = encode_sentence(list(doc), vectors, quote_mask(doc), vocab, lexicon)[1]
    assert (category_ids(doc, vocab, lexicon) == by_token).all()
    assert by_token.any()


def test_the_lexicon_columns_read_each_lemma_and_its_heads_cue_rate() -> None:
    from storytrace.claims.cue_network import LEXICON_CATEGORIES, RATES, category_ids

    doc = load_nlp()("Officials said the bridges were safe.")
    vocab = {name: {rate: k + 1 for k, rate in enumerate(RATES)} for name in LEXICON_CATEGORIES}
    found = category_ids(doc, vocab, {"say": "r4", "bridge": "r0"})
    said, bridges = doc[1], doc[3]
    assert found[said.i].tolist() == [vocab["lex"]["r4"], vocab["head_lex"]["r4"]]
    assert found[bridges.i].tolist() == [vocab["lex"]["r0"], vocab["head_lex"]["unseen"]]
    assert found[0].tolist() == [vocab["lex"]["unseen"], vocab["head_lex"]["r4"]]  # Officials


def test_child_rows_mark_a_verbs_clause_subject_and_quoted_object() -> None:
    doc = load_nlp()('Smith said the road was closed. Jones told reporters: "We will go."')
    rows = child_rows(doc, quote_mask(doc))
    said = next(t for t in doc if t.text == "said")
    column = {name: k for k, name in enumerate(CHILD_DEPS)}
    assert rows[said.i, column["nsubj"]] == 1 and rows[said.i, column["ccomp"]] == 1
    assert rows[said.i, len(CHILD_DEPS)] == 1  # its subject names a person
    told = next(t for t in doc if t.text == "told")
    assert rows[told.i, len(CHILD_DEPS) + 1] == 1  # what was told is quoted
    assert rows[said.i, len(CHILD_DEPS) + 1] == 0
    road = next(t for t in doc if t.text == "road")
    assert not rows[road.i].any()


def test_flags_read_at_once_equal_those_read_token_by_token() -> None:
    from storytrace.claims.cue_network import flag_rows, flags

    doc = load_nlp()(
        "“We will not go,” one of them told Reuters. The Army said 'no' on Monday.\n"
        "Kyiv «denied» it."
    )
    quoted = quote_mask(doc)
    by_token = np.array([flags(t, quoted) for t in doc], dtype=np.float32)
    assert (flag_rows(doc, quoted) == by_token).all()
    assert by_token[:, :4].any(axis=0).all()  # quoted, before/after a quote, quote marks seen


def test_an_evidential_adverb_beside_a_cue_it_is_not_under_is_still_a_cue() -> None:
    doc = load_nlp()(
        "Dozens of guards have reportedly walked off the job and have refused to return."
    )
    cues = find_cues(doc, quote_mask(doc), load_model())
    assert ["reportedly"] in [[t.text for t in c] for c in cues]


@pytest.mark.skipif(not (POLNEAR / "train" / "text").is_dir(), reason="PolNeAR is not here")
def test_the_trainer_refits_the_network_with_its_inputs_on_a_small_slice(tmp_path: Path) -> None:
    from storytrace.claims.cue_network import LEXICON_CATEGORIES, restore

    train = polnear_slice(tmp_path, 4)
    out = tmp_path / "net.pt"
    learn_neural.main([str(train), "--out", str(out), "--epochs", "1", "--hidden", "8"])
    tagger = restore(torch.load(out, map_location="cpu", weights_only=True))
    assert tagger["children"] and set(LEXICON_CATEGORIES) <= set(tagger["vocab"])
    assert tagger["lexicon"]["say"] != "r0"  # "said" is a cue in these articles
    meta = json.loads((tmp_path / "net.meta.json").read_text(encoding="utf-8"))
    assert meta["training_data"]["articles"] == 4 and "dev" not in meta
    assert meta["settings"]["inputs"]["children"] == list(CHILD_DEPS)
    doc = load_nlp()("The mayor said the road was closed.")
    model = {**load_model(), "network": tagger}
    assert find_cues(doc, quote_mask(doc), model)  # the refit network runs in the reader
