"""The event model's weights come from ECB+ train, and dev keeps its quality floor."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from storytrace.benchmark.ecbplus import event_pairs, fit_event_model, score
from storytrace.cluster import events

ECBPLUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "ecbplus"
_needs_data = pytest.mark.skipif(
    not (ECBPLUS / "train.jsonl").exists(), reason="shared/data/ecbplus is not beside the repo"
)


def test_training_pairs_come_from_topics_and_from_each_gold_story() -> None:
    texts = [
        "\nFerry Stella ran aground off Mirela on Tuesday with 212 passengers.",
        "\nThe Stella, a ferry, hit rocks off Mirela on Tuesday; 212 passengers rescued.",
        "\nFerry Aurora caught fire off Mirela on Sunday; 87 passengers rescued.",
        "\nLibrary in Porto reopens after renovation.",
    ]
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(4, 8)).astype(np.float32)
    vectors[1] = vectors[0] + 0.1
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    features, labels = event_pairs(texts, vectors, ["aground", "aground", "fire", "library"])
    assert features.shape == (len(labels), len(events.FEATURES))
    assert labels.any()  # the aground pair, at least from its own gold story
    assert np.isfinite(features).all()


@pytest.mark.slow
@_needs_data
def test_refitting_on_train_gives_the_weights_in_use() -> None:
    fitted = fit_event_model(ECBPLUS / "train.jsonl")
    for name in events.FEATURES:
        assert fitted["weights"][name] == pytest.approx(events.WEIGHTS[name], abs=0.05), name
    assert fitted["intercept"] == pytest.approx(events.INTERCEPT, abs=0.05)


@pytest.mark.slow
@_needs_data
def test_dev_stays_above_its_quality_floor() -> None:
    figures = score(ECBPLUS / "dev.jsonl")
    assert figures["bcubed_f1"] >= 0.97
    assert figures["pairwise_f1"] >= 0.97
