"""Numbers written in words, scales and bounds, as intervals."""

from __future__ import annotations

import pytest

from storytrace.text import find_quantities, load_nlp


@pytest.mark.parametrize(
    ("sentence", "low", "high", "counted", "qualifier"),
    [
        ("Twenty-five soldiers were captured near the town.", 25, 25, "soldier", None),
        ("A dozen protesters were detained by police.", 12, 12, "protester", None),
        ("Two dozen soldiers deserted their posts overnight.", 24, 24, "soldier", None),
        ("Two hundred and fifty families were evacuated.", 250, 250, "family", None),
        ("More than a thousand homes were damaged.", 1000, None, "home", "more than"),
        ("Some 3.5 million people live in the region.", 3_150_000, 3_850_000, "people", "some"),
        ("Hundreds of people fled the city on foot.", 200, 999, "people", "hundreds"),
        ("Tens of thousands of people marched in the capital.", 20_000, 99_999, "people",
         "tens of thousands"),
        ("Up to 40 villagers were killed in the attack.", 0, 40, "villager", "up to"),
        ("Nearly 1,500 workers went on strike.", 1350, 1500, "worker", "nearly"),
        ("Only one soldier survived the attack.", 1, 1, "soldier", None),
        ("Rescuers found 20k tonnes of debris in the river.", 20_000, 20_000, "tonne", None),
    ],
)  # fmt: skip
def test_number_forms(
    sentence: str, low: float, high: float | None, counted: str, qualifier: str | None
) -> None:
    doc = load_nlp()(sentence)
    (quantity,) = [q for s in doc.sents for q in find_quantities(s)]
    assert quantity.low == pytest.approx(low)
    assert quantity.high == (None if high is None else pytest.approx(high))
    assert quantity.counted == counted
    assert quantity.qualifier == qualifier


def test_one_of_is_not_a_count() -> None:
    doc = load_nlp()("One of the soldiers survived the attack.")
    assert [q for s in doc.sents for q in find_quantities(s)] == []
