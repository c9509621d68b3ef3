"""Places as US news copy writes them: a town with its state's abbreviation ("Alexandria,
Va.") is the town in that state, and of "A and B, State" only B is said to be there."""

from __future__ import annotations

import pytest

from storytrace.text import load_nlp
from storytrace.text.places import geocode_places


def _places(sentence: str) -> list[tuple[str, str, str | None]]:
    doc = load_nlp()(sentence)
    return [(p.name, p.country, p.admin1) for s in doc.sents for p in geocode_places(s, set())]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The hearing was held in Alexandria, Va., on Wednesday.",
         ("Alexandria", "US", "Virginia")),
        ("She grew up in Albany, N.Y., before moving west.", ("Albany", "US", "New York")),
        ("The rally in Athens, Ga., drew a large crowd.", ("Athens", "US", "Georgia")),
    ],
)  # fmt: skip
def test_a_town_with_its_states_abbreviation_is_in_that_state(
    sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _places(sentence)


def test_of_two_towns_joined_by_and_only_the_last_is_in_the_region() -> None:
    found = _places("After the attacks in Paris and San Bernardino, Calif., voters worried.")
    assert ("San Bernardino", "US", "California") in found
    assert any(name == "Paris" and country == "FR" for name, country, _ in found)


def test_washington_dc_is_the_capital() -> None:
    found = _places("The next primary is in Washington, D.C., in June.")
    assert found
    assert all(
        name == "Washington" and admin1 == "District of Columbia" for name, _, admin1 in found
    )


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("A report for the Women's Media Center found that men wrote most stories.", "Media"),
    ],
)
def test_a_word_of_an_institutions_name_is_no_place(sentence: str, word: str) -> None:
    assert all(name != word for name, _, _ in _places(sentence))


def test_a_place_opening_a_venues_name_is_still_a_place() -> None:
    found = _places(
        "The senator drew a huge crowd to the Kentucky International Convention Center."
    )
    assert any(name == "Kentucky" for name, _, _ in found)
