"""Names in yes-no questions: the verb that opens the question is no part of the name."""

from __future__ import annotations

import pytest

from storytrace.text import load_nlp


def _people(text: str) -> list[str]:
    return [e.text for e in load_nlp()(text).ents if e.label_ == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Game over. Will Dorsey come down off the pique?", "Dorsey"),
        ("Will Maria Lopez run again?", "Maria Lopez"),
    ],
)
def test_the_verb_opening_a_question_is_not_a_given_name(text: str, name: str) -> None:
    assert _people(text) == [name]


def test_a_given_name_that_is_also_a_verb_stays_in_a_statement() -> None:
    assert "Will Dorsey" in _people("Will Dorsey won the award on Sunday.")
