"""Certainty cues (FactBank-style) with the words they qualify."""

from __future__ import annotations

import pytest

from storytrace.claims import assess_certainty
from storytrace.claims.hedges import certainty_cues
from storytrace.text import load_nlp


def _sentence(text: str):
    return next(iter(load_nlp()(text).sents))


@pytest.mark.parametrize(
    ("sentence", "certainty", "cue"),
    [
        ("Officials reportedly fled the city before the attack.", "hedged", "reportedly"),
        ("The mayor allegedly took bribes from the contractor.", "hedged", "allegedly"),
        ("The convoy apparently turned back at the border.", "hedged", "apparently"),
        ("Troops may have left the city during the night.", "hedged", "may have"),
        ("The commander might resign after the inquiry.", "hedged", "might"),
        ("The claims could not be independently verified by reporters.", "unconfirmed",
         "could not be independently verified"),
        ("The casualty figures have not been confirmed by the army.", "unconfirmed",
         "have not been confirmed"),
        ("The police dismissed the allegations as politically motivated.", "denied", "dismissed"),
        ("A spokesman said the report was not true.", "denied", "was not true"),
        ("The ministry said reports of a mutiny were false.", "denied", "were false"),
        ("The governor said the attack never happened.", "denied", "never happened"),
    ],
)  # fmt: skip
def test_each_kind_of_cue(sentence: str, certainty: str, cue: str) -> None:
    found, cues = assess_certainty(_sentence(sentence))
    assert found == certainty
    assert cue in cues


def test_the_strongest_cue_wins_and_overlapping_phrases_count_once() -> None:
    found, cues = assess_certainty(
        _sentence("The video reportedly shows the strike but could not be verified as genuine.")
    )
    assert found == "unconfirmed"
    assert cues == ("could not be verified as genuine", "reportedly")


def test_an_unverified_report_scopes_over_what_is_unverified() -> None:
    text = "While the report cannot be independently verified, the outlet is well known in Russia."
    (cue,) = certainty_cues(_sentence(text))
    assert cue.certainty == "unconfirmed"
    assert text[slice(*cue.span)] == "cannot be independently verified"
    assert text[slice(*cue.scope)] == "the report"


def test_a_denial_scopes_over_what_is_denied() -> None:
    text = "The company denied that safety inspections had been skipped."
    (cue,) = certainty_cues(_sentence(text))
    assert cue.certainty == "denied"
    assert text[slice(*cue.scope)] == "that safety inspections had been skipped"


def test_a_hedge_adverb_scopes_over_its_clause() -> None:
    text = "They reportedly did not even want to leave Russia."
    (cue,) = certainty_cues(_sentence(text))
    assert text[slice(*cue.scope)].startswith("They reportedly did not even want")


@pytest.mark.parametrize(
    "sentence",
    [
        "Since May she has tacked left, criticizing the now-denied Keystone XL pipeline.",
        "The denied request was appealed by the union on Monday.",
        "A judge blocked a bill that would have allowed officials to deny services to couples.",
        "The ministry, which denied the report on Monday, said the convoy was lost.",
    ],
)
def test_a_participle_that_describes_a_noun_denies_nothing(sentence: str) -> None:
    assert assess_certainty(_sentence(sentence))[0] == "asserted"


def test_a_denial_of_what_the_sentence_states_still_denies() -> None:
    for sentence in ("The candidate also continued to refute a story about his claim.",
                     "Officials said the army denied the report."):  # fmt: skip
        assert assess_certainty(_sentence(sentence))[0] == "denied"
