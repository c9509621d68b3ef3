"""Protests, riots and disrupted weapons use as ACLED's notes tell them (issue #19).

ACLED's protest notes name their crowd, where it gathered and what it demanded, with tags
after the text ("[size=around 100]"): vigils, hunger strikes, human chains, candle marches,
strikes and road blockades are protests; a protest demanding an arrest or a release is the
protest, not the arrest; a blockade is peaceful unless barricades, burning tyres or violence
are told; what the police did in the next sentence is the protest's intervention, even when
that sentence does not name the protesters; a crowd that beats a suspected thief is mob
violence; drones shot down or mines removed are disrupted weapons use, unless the debris
hit something (then ACLED codes the attack).

Every report here is written for the test (none is an ACLED note, nor one of the notes in
``bench/acled_style_notes/``). Each goes through the read stage and
``pipeline.build_story`` as in a run; fields are checked as the ACLED export writes them.
"""

from __future__ import annotations

from typing import Any

import pytest

from storytrace_testkit import coded_row, event_kind

PUBLISHED = "2024-09-18"


def _row(text: str) -> dict[str, Any]:
    return coded_row(text, PUBLISHED)


def _kinds_coded(text: str) -> set[tuple[str, str]]:
    """Every event type and sub-type coded from one report (none at all is allowed)."""
    from storytrace.claims import read_articles
    from storytrace.pipeline import build_story
    from storytrace.records import Article

    article = Article.from_text(text, outlet="Monitor", published=PUBLISHED)
    claims = [c for _, found in read_articles([article]) for c in found]
    story = build_story("s-note", [article], claims, [])
    return {(e.event_type, e.sub_event_type) for e in story.events}


PEACEFUL = ("Protests", "Peaceful protest")


@pytest.mark.parametrize(
    "text",
    [
        "Around 60 nurses held a candlelight vigil outside the district hospital in Eldoret, "
        "Uasin Gishu, in memory of a colleague. [size=around 60]",
        "Families of disappeared persons staged a hunger strike in front of the press club in "
        "Karachi (Karachi - Sindh). [size=around 25]",
        "Doctors at the county referral hospital went on strike in Mombasa (Mombasa) "
        "demanding the payment of arrears. [size=no report]",
        "Teachers formed a human chain along the main road in Sylhet (Sylhet) demanding "
        "nationalisation of their schools. [size=around 150]",
        "Members of the Kenya Union of Domestic Workers held a rally in Nakuru (Nakuru). "
        "[size=no report]",
        "College students took out a candle march in Guwahati, Assam, against the new "
        "recruitment rules. [size=no report]",
        "Residents blocked a road in Machakos (Machakos) over frequent water cuts. "
        "[size=no report]",
    ],
)  # fmt: skip
def test_vigils_strikes_chains_marches_and_blockades_are_peaceful_protests(text: str) -> None:
    row = _row(text)
    assert event_kind(row) == PEACEFUL
    assert row["actor1"].startswith("Protesters (")
    assert row["fatalities"] == 0


@pytest.mark.parametrize(
    "text",
    [
        "Congress workers staged a dharna in Indore (Madhya Pradesh) demanding the arrest of "
        "a BJP councillor. [size=no report]",
        "Villagers gathered outside the police post in Jessore (Khulna) demanding the arrest "
        "of the men accused of the murder. [size=around 80]",
        "Students took out a march in Silchar (Assam) demanding justice for a girl who was "
        "raped and killed. [women targeted: Girls]",
    ],
)  # fmt: skip
def test_what_a_protest_demands_is_not_the_event(text: str) -> None:
    assert event_kind(_row(text)) == PEACEFUL


def test_a_blockade_with_burning_tyres_is_a_violent_demonstration() -> None:
    row = _row("Youths burned tyres and erected barricades on the main road in Kaolack "
               "(Kaolack) after the arrest of an opposition figure. [size=no report]")  # fmt: skip
    assert event_kind(row) == ("Riots", "Violent demonstration")
    assert row["actor1"].startswith("Rioters (")


def test_a_blockade_by_a_crowd_is_peaceful_though_the_model_reads_a_riot() -> None:
    row = _row("Boda boda riders blocked the Kisumu-Busia highway in Maseno (Kisumu) to "
               "protest the killing of a colleague. [size=no report]")  # fmt: skip
    assert event_kind(row) == PEACEFUL


def test_police_action_told_next_is_the_protests_intervention() -> None:
    row = _row("Hundreds of pensioners protested in Valparaiso (Valparaiso) against pension "
               "cuts. Police fired tear gas and arrested 7. [size=hundreds]")  # fmt: skip
    assert event_kind(row) == ("Protests", "Protest with intervention")
    assert row["actor1"] == "Protesters (Chile)"
    assert row["actor2"] == "Police Forces of Chile"


def test_police_fire_after_a_riot_keeps_the_riot_and_its_toll() -> None:
    row = _row("Demonstrators stormed the governor's office in Kananga (Kasai-Central) and "
               "set it on fire. Police opened fire, killing 4. [size=no report]")  # fmt: skip
    assert event_kind(row) == ("Riots", "Violent demonstration")
    assert row["fatalities"] == 4


@pytest.mark.parametrize(
    "text",
    [
        "Residents beat a suspected motorcycle thief and handed him over to police in "
        "Maiduguri (Borno). [size=no report]",
        "A mob stoned a man accused of witchcraft in Kitui (Kitui). He was seriously injured.",
    ],
)  # fmt: skip
def test_a_crowd_beating_someone_is_mob_violence(text: str) -> None:
    row = _row(text)
    assert event_kind(row) == ("Riots", "Mob violence")
    assert row["actor1"].startswith("Rioters (")


DISRUPTED = ("Strategic developments", "Disrupted weapons use")


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces shot down 5 Ukrainian drones over Kursk region. No damage was "
        "reported.",
        "Fighters of the Karenni Army removed 8 landmines planted by the military on the road "
        "near Loikaw (Kayah).",
    ],
)  # fmt: skip
def test_drones_shot_down_and_mines_removed_are_disrupted_weapons_use(text: str) -> None:
    assert event_kind(_row(text)) == DISRUPTED


def test_an_interception_whose_debris_hit_is_the_attack() -> None:
    row = _row("Ukrainian air defence shot down 3 Russian missiles over Zaporizhzhia city; "
               "debris damaged a school and injured 2 civilians.")  # fmt: skip
    assert event_kind(row) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers blocked the road to Gao after the attack.",
        "The candidate held a rally in Des Moines ahead of the election.",
        "Russian forces carried out a strike on a depot in Kramatorsk.",
    ],
)  # fmt: skip
def test_no_crowd_no_protest(text: str) -> None:
    assert not any(kind[0] == "Protests" for kind in _kinds_coded(text))


def test_debris_told_in_the_next_sentence_makes_the_interception_the_attack() -> None:
    row = _row("Russian air defence intercepted a Ukrainian drone over Lgov city. Debris from "
               "the drone damaged two houses.")  # fmt: skip
    assert event_kind(row) == ("Explosions/Remote violence", "Air/drone strike")


def test_debris_that_did_no_damage_leaves_the_interception() -> None:
    row = _row("Ukrainian air defence shot down 6 Russian drones over Poltava city. Debris fell "
               "in a field, causing no damage.")  # fmt: skip
    assert event_kind(row) == DISRUPTED


def test_effigies_burned_are_a_peaceful_protest() -> None:
    row = _row("Activists of the youth wing burnt an effigy of the education minister in "
               "Bhubaneswar, Odisha, over the exam leak. [size=no report]")  # fmt: skip
    assert event_kind(row) == PEACEFUL


def test_arson_by_protesters_named_with_police_custody_is_a_riot() -> None:
    row = _row("Residents protesting a death in police custody set fire to a police post in "
               "Sokoto, Sokoto State. [size=no report]")  # fmt: skip
    assert event_kind(row) == ("Riots", "Violent demonstration")


def test_an_armed_group_dispersing_a_protest_is_an_intervention() -> None:
    row = _row("Around 40 women protested in Herat, Herat province, demanding the right to "
               "work. Taliban fighters dispersed them. [size=around 40]")  # fmt: skip
    assert event_kind(row) == ("Protests", "Protest with intervention")


def test_supporters_stoning_each_other_with_no_demonstration_are_mob_violence() -> None:
    row = _row("Supporters of two rival candidates pelted each other with stones in Migori, "
               "Migori county, after the tallying. [size=no report]")  # fmt: skip
    assert event_kind(row) == ("Riots", "Mob violence")


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers found and detonated an explosive device planted on the road near Gao, Gao "
        "region.",
        "Police recovered and defused 2 hand grenades near a market in Imphal, Manipur.",
    ],
)  # fmt: skip
def test_explosives_found_and_destroyed_are_disrupted_weapons_use(text: str) -> None:
    assert event_kind(_row(text)) == DISRUPTED


def test_a_town_with_its_region_in_brackets_is_no_organisation() -> None:
    row = _row("Around 80 members of the Kenya Union of Clinical Officers staged a protest in "
               "Nakuru (Nakuru) demanding their salaries. [size=around 80]")  # fmt: skip
    assert "Nakuru (Nakuru" not in (row["assoc_actor_1"] or "")
    assert "size" not in (row["assoc_actor_1"] or "")


def test_force_a_protest_demands_an_end_to_is_not_force_against_it() -> None:
    row = _row("Hundreds of students marched in Bujumbura, Bujumbura Mairie, against the fee "
               "rise. They demanded an end to the excessive use of force by police.")  # fmt: skip
    assert event_kind(row) == PEACEFUL


def test_police_firing_in_the_protests_own_sentence_are_its_actor2() -> None:
    row = _row("Police fired live ammunition at traders demonstrating against new levies in "
               "Kisumu, Kisumu county, killing 2. [size=no report]")  # fmt: skip
    assert event_kind(row) == ("Protests", "Excessive force against protesters")
    assert row["actor1"] == "Protesters (Kenya)"
    assert row["actor2"] == "Police Forces of Kenya"
    assert row["fatalities"] == 2
