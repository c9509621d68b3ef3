"""Reports in the form of ACLED's own notes (the date clause removed) that set H of our
notes found the rules missing: houses torched or burned by armed men or soldiers; a
civilian named by their work shot by militiamen; a victim named by a word the list of
victims lacks ("a ward administrator"); "neutralised" as a military's word for killed; a
toll told after the event with a pronoun for the killer, and the dead of two sides added;
a crowd's protest told by a plain verb ("teachers demonstrated in ...").

Every report here is written for the test (none is an ACLED note, nor one of the notes in
``bench/acled_style_notes/``). Each goes through the read stage and
``pipeline.build_story`` as in a run; fields are checked as the ACLED export writes them.
"""

from __future__ import annotations

from typing import Any

import pytest

from storytrace_testkit import coded_row, event_kind

PUBLISHED = "2024-03-13"  # a Wednesday


def _row(text: str, published: str = PUBLISHED) -> dict[str, Any]:
    return coded_row(text, published)


@pytest.mark.parametrize(
    "text",
    [
        "Military troops torched about 60 houses in Kalay town (Sagaing). No casualties "
        "reported.",
        "Soldiers burned 25 homes in Monywa (Sagaing).",
        "Houses were torched by RSF fighters in Um Ruwaba (North Kordofan).",
    ],
)  # fmt: skip
def test_houses_torched_by_armed_men_are_property_destroyed(text: str) -> None:
    row = _row(text)
    assert event_kind(row) == ("Strategic developments", "Looting/property destruction")
    assert row["fatalities"] == 0


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("Militiamen shot and killed a union leader in Itaguai (Rio de Janeiro).", 1),
        ("Gang members shot and killed a journalist in Cuernavaca (Morelos).", 1),
    ],
)  # fmt: skip
def test_a_civilian_named_by_their_work_shot_by_armed_men_is_an_attack(
    text: str, victims: int
) -> None:
    row = _row(text)
    assert event_kind(row) == ("Violence against civilians", "Attack")
    assert row["fatalities"] == victims


def test_a_rebel_leader_killed_is_no_attack_on_civilians() -> None:
    row = _row("Soldiers shot and killed a rebel leader in Tumaco (Narino).")
    assert row["event_type"] != "Violence against civilians"


@pytest.mark.parametrize(
    "text",
    [
        "Unidentified gunmen shot and killed a village administrator in Monywa (Sagaing).",
        "Gunmen shot and killed a Sunni cleric in Quetta (Balochistan).",
    ],
)  # fmt: skip
def test_a_victim_named_by_a_word_of_a_person_is_a_toll_of_one(text: str) -> None:
    assert _row(text)["fatalities"] == 1


def test_neutralised_fighters_are_killed() -> None:
    row = _row("Troops of the Nigerian Army clashed with terrorists in Gwoza (Borno), "
               "neutralising 5 terrorists.")  # fmt: skip
    assert event_kind(row) == ("Battles", "Armed clash")
    assert row["fatalities"] == 5


def test_a_neutralised_device_is_no_toll() -> None:
    row = _row("Troops neutralised 3 IEDs planted on the road near Gwoza (Borno).")
    assert row["fatalities"] in (0, None)


def test_a_toll_told_after_with_a_pronoun_joins_the_event_and_sides_add_up() -> None:
    row = _row("ISWAP militants attacked a military base in Monguno (Borno). The army said "
               "it killed 11 militants; 3 soldiers were also killed.")  # fmt: skip
    assert event_kind(row) == ("Battles", "Armed clash")
    assert row["fatalities"] == 14


def test_one_sides_figures_that_differ_are_not_added() -> None:
    row = _row("Militants attacked a military base in Monguno (Borno), killing 4 soldiers. "
               "Local sources said 6 soldiers were killed.")  # fmt: skip
    assert row["fatalities"] == 4


@pytest.mark.parametrize(
    "text",
    [
        "Nurses demonstrated in Eldoret (Uasin Gishu), demanding the payment of salary "
        "arrears. [size=no report]",
        "Retired soldiers demonstrated in Bamenda (Nord-Ouest), demanding the payment of "
        "their pensions. [size=around 50]",
    ],
)  # fmt: skip
def test_a_crowd_that_demonstrated_in_a_named_town_is_a_protest(text: str) -> None:
    assert event_kind(_row(text)) == ("Protests", "Peaceful protest")


def test_a_victim_who_died_after_is_a_toll_of_one() -> None:
    row = _row("Unidentified gunmen shot a shopkeeper in Gusau (Zamfara). The victim died of "
               "his injuries in hospital.")  # fmt: skip
    assert event_kind(row) == ("Violence against civilians", "Attack")
    assert row["fatalities"] == 1


def test_bodies_found_are_the_dead() -> None:
    row = _row("The bodies of 4 men with signs of torture were found in Irapuato (Guanajuato).")
    assert row["fatalities"] == 4


def test_men_executed_by_militants_are_attacked() -> None:
    row = _row("Al Shabaab militants executed 2 men accused of spying for the government in "
               "Jilib (Middle Juba). 2 fatalities.")  # fmt: skip
    assert event_kind(row) == ("Violence against civilians", "Attack")
    assert row["fatalities"] == 2


def test_a_town_taken_after_overrunning_a_base_is_taken_by_force() -> None:
    row = _row("ISWAP fighters overran a military base in Marte (Borno) and took control of "
               "the town.")  # fmt: skip
    assert event_kind(row) == ("Battles", "Non-state actor overtakes territory")


def test_a_town_taken_without_a_fight_stays_a_transfer() -> None:
    row = _row("Islamic State fighters took control of Tidermene (Menaka) on Sunday after the "
               "army withdrew from the town without a fight.")  # fmt: skip
    assert event_kind(row) == ("Strategic developments", "Non-violent transfer of territory")


def test_a_toll_told_as_a_notes_own_sentence_is_counted() -> None:
    row = _row("Gunmen attacked a market in Kauran Namoda (Zamfara). 4 fatalities.")
    assert row["fatalities"] == 4


def test_an_attack_on_a_police_checkpoint_is_a_clash() -> None:
    row = _row("Unidentified gunmen attacked a police checkpoint in Lakki Marwat (Khyber "
               "Pakhtunkhwa). 2 fatalities.")  # fmt: skip
    assert event_kind(row) == ("Battles", "Armed clash")
    assert row["fatalities"] == 2


def test_a_school_set_on_fire_by_armed_men_is_property_destroyed() -> None:
    row = _row("Unidentified armed men set fire to a secondary school in Ndop (Nord-Ouest). No "
               "casualties reported.")  # fmt: skip
    assert event_kind(row) == ("Strategic developments", "Looting/property destruction")


def test_missiles_fired_by_helicopters_are_an_air_strike() -> None:
    row = _row("Russian military helicopters fired missiles at Ukrainian positions near "
               "Kupiansk (Kharkiv). Casualties unknown.")  # fmt: skip
    assert event_kind(row) == ("Explosions/Remote violence", "Air/drone strike")


def test_missiles_fired_by_forces_stay_a_missile_attack() -> None:
    row = _row("Russian forces fired missiles at Izmail (Odesa). 2 civilians were injured.")
    assert event_kind(row) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
