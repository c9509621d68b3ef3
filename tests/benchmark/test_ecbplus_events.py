"""ECB+ event mentions become article texts and EventMentions; the pooled scores are CoNLL's."""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import pytest

from storytrace.benchmark.ecbplus_events import convert
from storytrace.benchmark.ecbplus_scores import clusters_of, conll_scores, evaluate

ECBPLUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "ecbplus"
RECORD = {
    "doc_id": "9_1ecb",
    "sentences": [
        ["Police", "arrested", "two", "men", "."],
        ["They", "checked", "the", "car", "in"],
    ],
    "mentions": [
        {"mention_id": "9_1ecb_m0", "sent": 0, "start": 1, "end": 2, "text": "arrested",
         "chain": "ACT1"},
        {"mention_id": "9_1ecb_m1", "sent": 1, "start": 1, "end": 5, "tokens": [1, 4],
         "text": "checked in"},
    ],
}  # fmt: skip


def test_a_document_becomes_a_text_with_trigger_and_sentence_spans() -> None:
    document = convert(RECORD)
    assert document.text == "Police arrested two men .\nThey checked the car in"
    first, second = document.mentions
    assert document.text[slice(*first.span)] == "arrested"
    assert document.text[slice(*first.sentence_span)] == "Police arrested two men ."
    assert document.text[slice(*second.span)] == "checked the car in"  # discontinuous: outer
    assert document.text[slice(*second.sentence_span)].startswith("They")
    assert document.gold == ("ACT1", None)
    assert {m.article_id for m in document.mentions} == {"9_1ecb"}


def test_scores_of_known_partitions() -> None:
    gold = {"a": "1", "b": "1", "c": "2", "d": None}
    perfect = conll_scores(gold, {"a": "x", "b": "x", "c": "y", "d": "z"})
    assert perfect["conll_f1"] == 1.0
    singletons = conll_scores(gold, {})
    assert singletons["muc"]["f1"] == 0.0
    assert singletons["b3"]["p"] == 1.0 and singletons["b3"]["r"] == pytest.approx(
        0.75
    )  # (1/2 + 1/2 + 1 + 1) / 4


def _reference_scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score_coref", ECBPLUS / "score_coref.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (ECBPLUS / "score_coref.py").exists(), reason="no shared ECB+ data")
def test_scores_agree_with_the_shared_scorer_on_random_partitions() -> None:
    reference = _reference_scorer()
    with (ECBPLUS / "dev_events.jsonl").open(encoding="utf-8") as handle:
        documents = [json.loads(line) for line in handle][:30]
    gold = {m["mention_id"]: m["chain"] for d in documents for m in d["mentions"]}
    rng = random.Random(7)
    for chains in (3, 20, 80):
        guess = {m: str(rng.randrange(chains)) for m in gold}
        ours = evaluate(clusters_of(gold), clusters_of(guess))
        theirs = reference.evaluate(clusters_of(gold), clusters_of(guess))
        for metric in ("muc", "b3", "ceafe"):
            for part in ("p", "r", "f1"):
                assert ours[metric][part] == pytest.approx(theirs[metric][part], abs=1e-4)
