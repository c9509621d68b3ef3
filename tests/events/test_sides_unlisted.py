"""Sides ACLED's actor list does not name: a nationality whose country's name starts with
another country's ("Nigerian" is Nigeria's, not Niger's); an unnamed militia, an armed group
and not the state's forces; a battle's other side named by a group the list lacks, an
unidentified armed group (the name kept as associated actor), never civilians. Reports
written for the test, read and coded as in a run."""

from __future__ import annotations

import pytest

from storytrace.text.places import nationality_country
from storytrace_testkit import coded_row


@pytest.mark.parametrize(
    ("word", "iso"),
    [("Nigerian", "NG"), ("Nigerians", "NG"), ("Nigerien", "NE"), ("Guinean", "GN"),
     ("Sudanese", "SD"), ("Austrian", "AT"), ("Australian", "AU"), ("Iranian", "IR")],
)  # fmt: skip
def test_a_nationality_is_the_country_whose_name_it_extends_most(word: str, iso: str) -> None:
    assert nationality_country(word) == iso


def test_troops_named_by_a_longer_nationality_are_that_states() -> None:
    row = coded_row("Nigerian troops clashed with bandits near Tsafe (Zamfara).", "2024-05-02")
    assert row["actor1"].startswith("Military Forces of Nigeria")


def test_an_unnamed_militia_is_an_unidentified_armed_group() -> None:
    row = coded_row("Militia members shot dead three traders in Saravena (Arauca).", "2024-05-02")
    assert (row["event_type"], row["actor1"]) == (
        "Violence against civilians",
        "Unidentified Armed Group (Colombia)",
    )


def test_a_battles_unlisted_side_is_an_armed_group_not_civilians() -> None:
    row = coded_row("Nigerian troops clashed with Lakurawa fighters near Tangaza (Sokoto).",
                    "2024-05-02")  # fmt: skip
    assert row["event_type"] == "Battles"
    assert row["actor2"] == "Unidentified Armed Group (Nigeria)"
    assert row["inter2"] == 3
    assert "Lakurawa" in row["assoc_actor_2"]
