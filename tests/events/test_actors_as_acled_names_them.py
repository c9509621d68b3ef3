"""Actors as ACLED's actor list names them, with inter and interaction codes to match.

Who acts when the event word is a noun or a weapon ("Russian forces launched a drone
attack", "Dutch tanks shelled", "rockets fired by militants", "in a raid"); clashes
"between" two sides; named groups in ACLED's spelling whatever the tagger calls them;
state forces by their newsroom acronyms; civilians counted in an attack are its victims;
a bomb or an attack on civilians whose perpetrator is unnamed is an unidentified armed
group's; members of a group are the group's.

Every report is written for the test (none is an ACLED note nor one of the notes in
``bench/acled_style_notes/``); each goes through the read stage and ``pipeline.build_story``
as in a run, and is checked as the ACLED export writes it.
"""

from __future__ import annotations

import pytest

from storytrace_testkit import coded_row

PUBLISHED = "2025-02-12"

SIDES = ("actor1", "inter1", "actor2", "inter2", "interaction")


#: Who acts when the event word is a noun or a weapon.
NOUN_EVENT_WORDS = [
    ("Russian forces launched a missile attack on Sumy city, Sumy, killing 2 people.",
     "Military Forces of Russia (2000-)", 1),
    ("Turkish warplanes struck a depot near Qamishli, Hasakah.",
     "Military Forces of Turkey (2002-)", 1),
    ("A Ukrainian drone hit a refinery in Tuapse, Krasnodar.",
     "Military Forces of Ukraine (2019-)", 1),
    ("The Sudan army carried out an airstrike on a market in Kabkabiya, North Darfur.",
     "Military Forces of Sudan", 1),
    ("Rockets fired by unidentified militants hit a camp near Kidal, Kidal.",
     "Unidentified Armed Group (Mali)", 3),
]  # fmt: skip
#: Named groups in ACLED's spelling and state forces by their newsroom acronyms.
NAMED_GROUPS = [
    ("Al-Shabaab fighters ambushed a convoy near Jowhar, Middle Shabelle.", "Al Shabaab", 2),
    ("JNIM militants attacked an army post near Djibo, Soum province, Burkina Faso.",
     "JNIM: Group for Support of Islam and Muslims", 2),
    ("RSF fighters stormed the town of Um Ruwaba, North Kordofan, Sudan.",
     "RSF: Rapid Support Forces", 2),
    ("SAF troops shelled positions in Omdurman, Khartoum.", "Military Forces of Sudan", 1),
    ("Mortar shelling by the RSF hit a clinic in Omdurman, Khartoum, killing 3 civilians.",
     "RSF: Rapid Support Forces", 2),
    ("FARDC soldiers clashed with militiamen near Beni, North Kivu.",
     "Military Forces of Democratic Republic of Congo", 1),
    ("ISIS militants attacked an army checkpoint near Tikrit, Salah ad Din, killing 3 soldiers.",
     "Islamic State", 2),
    ("Suspected Islamic State Sahel militants ambushed a patrol near Menaka, Menaka.",
     "Islamic State", 2),
]  # fmt: skip


@pytest.mark.parametrize(("text", "actor1", "inter1"), NOUN_EVENT_WORDS + NAMED_GROUPS)
def test_actor1_and_its_inter_code(text: str, actor1: str, inter1: int) -> None:
    row = coded_row(text, PUBLISHED)
    assert (row["actor1"], row["inter1"]) == (actor1, inter1)


def test_clashes_between_two_sides_name_both() -> None:
    row = coded_row(
        "Clashes between Al Shabaab and Somali forces were reported near Bulo Burte, Hiraan.",
        PUBLISHED,
    )
    assert {row["actor1"], row["actor2"]} == {"Al Shabaab", "Military Forces of Somalia"}
    assert row["interaction"] == 12


def test_counted_captives_are_the_victims_not_the_actor() -> None:
    row = coded_row("Bandits abducted 23 travellers near Funtua, Katsina.", PUBLISHED)
    assert [row[k] for k in SIDES] == [
        "Unidentified Armed Group (Nigeria)",
        3,
        "Civilians (Nigeria)",
        7,
        37,
    ]


def test_the_victims_country_is_the_events_not_the_attackers() -> None:
    row = coded_row(
        "Russian forces launched a drone attack on Kherson city, Kherson, killing 4 civilians.",
        PUBLISHED,
    )
    assert row["actor2"] == "Civilians (Ukraine)"
    assert row["interaction"] == 17


@pytest.mark.parametrize(
    "text",
    [
        "A suicide bomber blew himself up at a wedding hall in Jowhar, Middle Shabelle, "
        "killing 6 people.",
        "A roadside bomb killed 3 people travelling near Afgoye, Lower Shabelle.",
    ],
)
def test_an_unnamed_bomber_is_an_unidentified_armed_group(text: str) -> None:
    row = coded_row(text, PUBLISHED)
    assert (row["actor1"], row["inter1"]) == ("Unidentified Armed Group (Somalia)", 3)


def test_violence_against_civilians_always_has_civilians_acted_on() -> None:
    row = coded_row("Gunmen shot dead a village councillor in Tepalcatepec, Michoacan.", PUBLISHED)
    assert row["event_type"] == "Violence against civilians"
    assert row["actor2"].startswith("Civilians")
    assert row["inter2"] == 7


def test_members_of_a_gang_are_the_gangs_not_a_force() -> None:
    row = coded_row(
        "Members of a criminal gang shot dead a shopkeeper in Zamora, Michoacan.", PUBLISHED
    )
    assert not row["actor1"].startswith("Military Forces")
    assert row["inter1"] == 3


def test_settlers_are_an_identity_militia() -> None:
    row = coded_row(
        "Israeli settlers attacked Palestinian shepherds near Sinjil, Ramallah, injuring 2.",
        PUBLISHED,
    )
    assert [row[k] for k in SIDES] == ["Settlers (Israel)", 4, "Civilians (Palestine)", 7, 47]


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("Suspected Al-Shabaab militants ambushed a police patrol near Garowe, Nugaal.",
         "Al Shabaab"),
        ("Syria fired two rockets at a border post near Kilis, Kilis, on Monday.",
         "Military Forces of Syria (2000-)"),
        ("A Turkish drone dropped a bomb on a truck near Qamishli, Hasakah, killing 2 people.",
         "Military Forces of Turkey (2002-)"),
    ],
)  # fmt: skip
def test_suspected_groups_countries_and_weapons_dropping_bombs(text: str, actor1: str) -> None:
    assert coded_row(text, PUBLISHED)["actor1"] == actor1
