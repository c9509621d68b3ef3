"""One pair scorer for alignment and ``predict paraphrase``: same fact apart from conflict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.align.groups import DEFAULT_THRESHOLD, group_claims
from storytrace.align.pairs import (
    CONFLICT_FEATURES,
    judge_pairs,
    load_conflict_model,
    same_fact_scores,
    sentence_claim,
)
from storytrace.align.paraphrase import FEATURES, MODEL_PATH, load_model
from storytrace.cluster.embed import embed
from storytrace.records import Claim, Quantity

MRPC = Path(__file__).resolve().parents[3] / "shared" / "data" / "mrpc"
_needs_data = pytest.mark.skipif(
    not (MRPC / "train.tsv").exists(), reason="shared/data/mrpc is not beside the repo"
)
META = MODEL_PATH.with_name("paraphrase.meta.json")
DEV_FLOOR = 0.84  # recorded in the meta; issue #15 targets 0.85


def _claim(article: str, text: str, count: float, certainty: str = "asserted") -> Claim:
    start = text.index(str(int(count)))
    quantity = Quantity(f"{int(count)} servicemen", count, count, count, "serviceman",
                        span=(start, start + 2), predicate="refuse")  # fmt: skip
    return Claim(f"{article}:0", article, text, (0, len(text)), certainty=certainty,  # type: ignore[arg-type]
                 quantities=(quantity,))  # fmt: skip


def _judge(a: Claim, b: Claim) -> tuple[float, bool, bool]:
    vectors = embed([a.text, b.text])
    (found,) = judge_pairs([a], [b], [float(vectors[0] @ vectors[1])])
    return found.same_fact, found.conflict, found.paraphrase


def test_the_artefact_names_its_features_and_records_its_scores() -> None:
    meta = json.loads(META.read_text(encoding="utf-8"))
    assert load_model().coef.shape == (len(FEATURES),)
    assert load_conflict_model().coef.shape == (len(CONFLICT_FEATURES),)
    assert meta["features"] == list(FEATURES)
    assert meta["conflict_features"] == list(CONFLICT_FEATURES)
    assert meta["conflict_threshold"] == load_conflict_model().threshold
    assert meta["dev"]["f1"] >= DEV_FLOOR
    assert all(len(digest) == 64 for digest in meta["training_data"].values())
    disagreement = {"number_difference", "negation_mismatch", "same_numbers"}
    assert not disagreement & set(FEATURES)  # the wording model does not see disagreement


def test_a_changed_count_is_one_fact_that_conflicts() -> None:
    sixty = _claim("a", "About 60 servicemen from Pskov refused to fight in Ukraine.", 60)
    eighty = _claim("b", "Some 80 servicemen from Pskov refused to fight in Ukraine.", 80)
    same_fact, conflict, paraphrase = _judge(sixty, eighty)
    assert same_fact >= DEFAULT_THRESHOLD and conflict and not paraphrase
    # alignment calls the same scorer and keeps them together, so the conflict is shown
    assert [len(g) for g in group_claims([sixty, eighty])] == [2]


def test_an_agreeing_count_is_a_paraphrase_without_conflict() -> None:
    first = _claim("a", "About 60 servicemen from Pskov refused to fight in Ukraine.", 60)
    second = _claim("b", "Around 60 servicemen from Pskov refused to fight in Ukraine.", 60)
    same_fact, conflict, paraphrase = _judge(first, second)
    assert same_fact >= DEFAULT_THRESHOLD and not conflict and paraphrase


def test_a_denial_conflicts_with_the_assertion() -> None:
    said = _claim("a", "About 60 servicemen from Pskov refused to fight in Ukraine.", 60)
    denied = _claim("b", "About 60 servicemen from Pskov refused to fight in Ukraine.", 60,
                    certainty="denied")  # fmt: skip
    _, conflict, paraphrase = _judge(said, denied)
    assert conflict and not paraphrase


def test_unrelated_sentences_score_lower_than_a_rewording() -> None:
    pairs = [
        ("Three workers were killed in the blast.", "The blast killed three workers."),
        ("The ferry left Split at 9:30.", "The library reopened after two years."),
    ]
    scores = []
    for a, b in pairs:
        vectors = embed([a, b])
        scores.append(same_fact_scores([sentence_claim(a)], [sentence_claim(b)],
                                       [float(vectors[0] @ vectors[1])])[0])  # fmt: skip
    assert scores[0] > DEFAULT_THRESHOLD > scores[1]


@pytest.mark.slow
@_needs_data
def test_refitting_on_a_slice_of_train_separates_paraphrases() -> None:
    from storytrace.benchmark.mrpc import read_pairs
    from storytrace.training.paraphrase import fit

    rows = [p for p in read_pairs(MRPC / "train.tsv") if p.label is not None][:400]
    pairs = [(p.first, p.second) for p in rows]
    labels = [int(p.label or 0) for p in rows]
    wording, conflict, choice = fit(pairs, labels)
    assert wording.coef.shape == (len(FEATURES),)
    assert conflict.coef.shape == (len(CONFLICT_FEATURES),)
    assert choice["cross_validated_f1"] > 0.8  # above the majority class (about 0.80)
    assert conflict.coef[CONFLICT_FEATURES.index("wording_logit")] > 0


@pytest.mark.slow
@_needs_data
def test_dev_f1_of_predict_paraphrase_keeps_its_floor() -> None:
    from storytrace.benchmark.mrpc import score

    assert score(MRPC / "dev.tsv")["f1"] >= DEV_FLOOR
