"""The kind model (its artefact, its refit, its recorded score) and the village gazetteer."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from storytrace.events.kinds import (
    ARTEFACT,
    CODES,
    NOT_EVENT,
    KindModel,
    is_event_word,
    load_model,
    using_model,
)
from storytrace.text.gazetteer import acled_admin1, skeleton, village_candidates
from storytrace.text.places import geocode
from storytrace.training.event_types import DATA, main

META = ARTEFACT.with_name("event_types.meta.json")


def test_the_artefact_is_the_one_its_meta_describes() -> None:
    meta = json.loads(META.read_text(encoding="utf-8"))
    assert meta["artefact_sha256"] == hashlib.sha256(ARTEFACT.read_bytes()).hexdigest()
    assert meta["command"].startswith("python -m storytrace.training.event_types")
    assert set(load_model().classes) == set(CODES) | {NOT_EVENT}
    assert meta["training_data"]["negatives"]["sentences"] > 500


def test_the_recorded_cross_validated_score_has_not_fallen() -> None:
    scores = json.loads(META.read_text(encoding="utf-8"))["dev"]["scores"]
    assert scores["text-only weighted F1 (ACLED codes)"] >= 0.69


def test_the_trainer_refits_on_a_small_slice(tmp_path: Path) -> None:
    out = tmp_path / "event_types.json.gz"
    assert main([str(DATA), "--out", str(out), "--limit", "120", "--negative-step", "60"]) == 0
    import gzip

    model = KindModel.from_json(json.loads(gzip.decompress(out.read_bytes())))
    assert len(model.classes) > 5
    with using_model(model):
        assert load_model() is model
    assert load_model() is not model
    meta = json.loads((tmp_path / "event_types.meta.json").read_text(encoding="utf-8"))
    assert meta["training_data"]["rows"] == 120
    assert NOT_EVENT in model.classes and meta["training_data"]["negatives"]["sentences"] > 0


def test_the_model_tells_kinds_apart_on_lemmas_and_the_sentence_vector() -> None:
    # as the events stage asks it: the sentence's lemmas and its MiniLM vector
    from storytrace.training.event_types import lemma_texts, text_vectors

    texts = [
        "Warplanes pounded the village on Tuesday, killing four civilians.",
        "An earthquake destroyed hundreds of homes in the province on Tuesday.",
    ]
    model = load_model()
    strike, quake = (
        model.kind(lemmas.split(), vector)
        for lemmas, vector in zip(lemma_texts(texts), text_vectors(texts), strict=True)
    )
    assert strike.code == "AIR_STRIKE" and strike.reports
    assert not quake.acled


def test_villages_are_found_across_transliterations_in_the_articles_country() -> None:
    assert skeleton("Verkhnyotoretske") == skeleton("Verkhn'otorets'ke")
    place = geocode("Verkhnyotoretske", {"UA"})
    assert place is not None and (place.name, place.country) == ("Verkhnotoretske", "UA")
    assert place.admin1 == "Donetska oblast" and abs(place.lat - 48.22) < 0.05
    assert village_candidates("Verkhnyotoretske", {"FR"}) == ()  # not in the article's country


def test_regions_are_spelt_as_acled_spells_them() -> None:
    assert acled_admin1("UA", "Donetska oblast") == "Donetsk"
    assert acled_admin1("RU", "Pskovskaya oblast'") == "Pskov"
    assert acled_admin1("UA", None) is None


def test_a_model_fitted_on_two_kinds_names_either() -> None:
    from storytrace.training.event_types import fit

    lemmas = ["protester march in the square", "rebel clash with army near town"] * 3
    model = fit(lemmas, ["PEACE_PROTEST", "ARMED_CLASH"] * 3)
    assert model.kind(["protester", "march"]).code == "PEACE_PROTEST"
    assert model.kind(["rebel", "clash", "with", "army"]).code == "ARMED_CLASH"
    assert abs(float(model.probabilities(["army"]).sum()) - 1.0) < 1e-9


def test_a_model_fitted_with_negatives_doubts_news_sentences_and_never_names_them() -> None:
    from storytrace.training.event_types import Negatives, fit

    lemmas = ["protester march in the square", "rebel clash with army near town"] * 3
    news = ("senator say the bill pass the house", "the campaign plan a debate in iowa") * 3
    negatives = Negatives(news, np.zeros((len(news), 4), dtype=np.float32))
    model = fit(lemmas, ["PEACE_PROTEST", "ARMED_CLASH"] * 3, negatives=negatives)
    assert NOT_EVENT in model.classes
    doubted = model.kind(["senator", "say", "the", "bill", "pass"])
    assert doubted.code in ("PEACE_PROTEST", "ARMED_CLASH") and not doubted.reports
    taken = model.kind(["rebel", "clash", "with", "army"])
    assert (taken.code, taken.reports) == ("ARMED_CLASH", True)


@pytest.mark.parametrize(
    ("text", "word", "is_event"),
    [
        ("No fuel leaked, according to the harbour master.", "according", False),
        ("As early as March 3, the troops left the town.", "March", False),
        ("Reports of looting surfaced as early as March.", "March", False),
        ("The company is based in Split.", "based", False),
        ("The rebels withdrew to their base in the hills.", "base", True),
        ("Thousands joined a march through the capital.", "march", True),
    ],
)
def test_words_that_name_no_event_are_not_event_words(text: str, word: str, is_event: bool) -> None:
    from storytrace.text.nlp import load_nlp

    (token,) = [t for t in load_nlp()(text) if t.text == word]
    assert is_event_word(token) is is_event


def test_negatives_are_the_news_sentences_holding_an_event_word(tmp_path: Path) -> None:
    from storytrace.training.event_types import negative_sentences

    (tmp_path / "a.txt").write_text(
        "The senator said the bill would pass. Protesters marched outside the capitol on "
        "Monday. The debate is in Iowa, according to the campaign.",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text("Police arrested two men in Ohio after the vote.", "utf-8")
    assert negative_sentences(tmp_path, step=1) == [
        "Protesters marched outside the capitol on Monday.",
        "Police arrested two men in Ohio after the vote.",
    ]
    assert negative_sentences(tmp_path, step=2) == [
        "Protesters marched outside the capitol on Monday."
    ]


def test_a_folder_without_news_texts_is_an_error_not_an_empty_fit(tmp_path: Path) -> None:
    from storytrace.training.event_types import negative_sentences

    with pytest.raises(FileNotFoundError, match="--negatives"):
        negative_sentences(tmp_path / "missing")
