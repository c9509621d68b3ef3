"""The shipped coreference model: refits on a slice of ECB+ train, keeps its dev CoNLL floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.align.coref_features import FEATURES
from storytrace.align.coref_model import MODEL_PATH, load_model

ECBPLUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "ecbplus"
_needs_data = pytest.mark.skipif(
    not (ECBPLUS / "train_events.jsonl").exists(),
    reason="shared/data/ecbplus is not beside the repo",
)
META = MODEL_PATH.with_name("coref.meta.json")
DEV_FLOOR = 0.79  # recorded 0.8001 (the issue targets 0.80)


def test_the_shipped_model_matches_its_features_and_records_its_dev_score() -> None:
    model = load_model()
    assert model.coef.shape == (len(FEATURES),)
    meta = json.loads(META.read_text(encoding="utf-8"))
    assert meta["features"] == list(FEATURES)
    assert meta["threshold"] == model.threshold
    assert meta["dev"]["conll_f1"] >= DEV_FLOOR
    assert "predicted stories" in meta["document_grouping"]
    assert all(len(digest) == 64 for digest in meta["training_data"].values())


@pytest.mark.slow
@_needs_data
def test_refitting_on_a_slice_of_train_separates_coreferent_pairs(tmp_path: Path) -> None:
    from storytrace.benchmark.ecbplus_events import read_events
    from storytrace.training.coref import _pairs, fit, stories

    lines = (ECBPLUS / "train_events.jsonl").read_text(encoding="utf-8").splitlines()[:40]
    sliced = tmp_path / "slice.jsonl"
    sliced.write_text("\n".join(lines) + "\n", encoding="utf-8")
    split = stories(read_events(sliced))
    model = fit(split, 0.1)
    features, labels = _pairs(split)
    probabilities = model.probability(features)
    assert labels.any() and not labels.all()
    assert probabilities[labels].mean() > probabilities[~labels].mean() + 0.2


@pytest.mark.slow
@_needs_data
def test_dev_conll_f1_keeps_its_floor_with_predicted_stories() -> None:
    from storytrace.benchmark.ecbplus_events import score

    figures = score(ECBPLUS / "dev_events.jsonl")
    assert figures["n_mentions"] == 1245
    assert figures["conll_f1"] >= DEV_FLOOR


@pytest.mark.slow
@_needs_data
def test_cross_validation_keeps_each_topic_in_one_fold_and_beats_singletons(
    tmp_path: Path,
) -> None:
    from storytrace.benchmark.ecbplus_events import read_events
    from storytrace.training.coref import cross_validate, read_topics, stories, topic_folds

    lines = (ECBPLUS / "train_events.jsonl").read_text(encoding="utf-8").splitlines()[:80]
    sliced = tmp_path / "slice.jsonl"
    sliced.write_text("\n".join(lines) + "\n", encoding="utf-8")
    documents = read_events(sliced)
    split = stories(documents)
    topics = read_topics(sliced)
    folds = topic_folds(split, topics, 2)
    assert set(folds) == {0, 1}
    fold_of_topic: dict[str, set[int]] = {}
    for story, fold in zip(split, folds, strict=True):
        majority = max(set(story.articles), key=[topics[a] for a in story.articles].count)
        fold_of_topic.setdefault(topics[majority], set()).add(fold)
    assert all(len(found) == 1 for found in fold_of_topic.values())
    gold = {m.id: g for d in documents for m, g in zip(d.mentions, d.gold, strict=True)}
    curve = cross_validate(split, folds, gold, 0.1, thresholds=(0.5, 1.01))
    assert curve[0.5] > curve[1.01] + 0.1  # 1.01 cuts every link: all singletons
