"""Reports that got no event or the wrong sub-type: how conflict reporting tells them.

One cause a test: a headline in capitals, a crowd that rallies with no other protest word,
a crowd dispersed, prisoners exchanged, an arrest told by who made it and when, a killing
told with its killer, a demonstration's sub-type from what was done at it (not what was
protested), and ground taken by a phrasal verb. The reports are written for the test in
the style of conflict monitoring; each goes through the read stage and
``pipeline.build_story`` as in a run. Each goes through the shipped kind model too:
what is asserted is the event a user gets.
"""

from __future__ import annotations

import pytest

from storytrace.claims import read_articles
from storytrace.events import acled
from storytrace.events.reports import _killer_named, parse_claim, sentence_case
from storytrace.pipeline import build_story
from storytrace.records import Article, Event


def _events(text: str) -> list[Event]:
    article = Article.from_text(text, outlet="Monitor", published="2024-05-10")
    claims = [c for _, found in read_articles([article]) for c in found]
    return [e for e in build_story("s-practice", [article], claims, []).events
            if acled.is_acled(e.event_type)]  # fmt: skip


def _types(text: str) -> list[tuple[str, str]]:
    return [(e.event_type, e.sub_event_type) for e in _events(text)]


# --- a headline in capitals -------------------------------------------------------------


def test_a_headline_in_capitals_is_read_as_words() -> None:
    assert sentence_case("REBELS AMBUSH ARMY CONVOY NEAR BENI") == (
        "Rebels ambush army convoy near beni"
    )
    assert sentence_case("UN envoy meets NATO chiefs") == "UN envoy meets NATO chiefs"
    doc = parse_claim("REBELS AMBUSH ARMY CONVOY NEAR BENI, KILLING FIVE SOLDIERS")
    (ambush,) = [t for t in doc if t.idx == 7]  # offsets hold
    assert ambush.lemma_ == "ambush" and ambush.pos_ in ("NOUN", "VERB")  # a word, not a name


def test_an_ambush_told_in_a_capitals_headline_is_a_battle() -> None:
    assert _types("REBELS AMBUSH ARMY CONVOY NEAR BENI, KILLING FIVE SOLDIERS ON MONDAY") == [
        ("Battles", "Armed clash")
    ]


# --- a crowd that rallies -----------------------------------------------------------------


def test_a_crowd_that_rallies_is_a_protest() -> None:
    assert _types("Hundreds of nurses rallied outside the health ministry in Nairobi.") == [
        ("Protests", "Peaceful protest")
    ]


def test_a_rally_behind_a_leader_or_of_a_campaign_is_none() -> None:
    assert _types("Party members rallied behind the governor in Kaduna on Monday.") == []
    assert _types("Thousands of voters rallied in Lusaka on Saturday as the election "
                  "campaign ended.") == []  # fmt: skip


# --- a crowd dispersed --------------------------------------------------------------------


def test_police_dispersing_a_crowd_is_a_protest_with_intervention() -> None:
    assert _types("Police dispersed a crowd of traders outside the city council in Kumasi "
                  "on Monday.") == [("Protests", "Protest with intervention")]  # fmt: skip


def test_smoke_that_dispersed_is_no_protest() -> None:
    assert _types("The smoke dispersed over Kumasi on Monday.") == []


# --- prisoners exchanged ------------------------------------------------------------------


def test_prisoners_exchanged_are_an_agreement() -> None:
    assert _types("Russia and Ukraine exchanged 40 prisoners of war near Sumy on Saturday.") == [
        ("Strategic developments", "Agreement")
    ]


# --- an arrest told by who made it and when ----------------------------------------------


def test_an_arrest_by_the_police_on_a_day_is_an_event() -> None:
    assert _types("Police arrested a well-known singer on Monday, his manager said.") == [
        ("Strategic developments", "Arrests")
    ]
    # the police only named elsewhere in the sentence made no arrest told here
    assert _types("The senator was arrested for drunk driving in 2009, police records show.") == []


# --- a killing told with its killer -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "named"),
    [
        ("The president vowed an inquiry after seven men were murdered by vigilantes.",
         "murdered", True),
        ("Four farmers were killed by bandits in Zamfara.", "killed", True),
        ("The militia's murder of 12 villagers drew condemnation.", "murder", True),
        ("Four farmers were killed in Zamfara on Sunday.", "killed", False),
        ("Two soldiers were killed by a roadside bomb near Gao.", "killed", False),
    ],
)  # fmt: skip
def test_a_killing_told_with_its_killer_is_an_action(text: str, word: str, named: bool) -> None:
    (token,) = [t for t in parse_claim(text) if t.text == word]
    assert _killer_named(token) is named


def test_a_side_clause_killing_by_vigilantes_is_an_event() -> None:
    assert _types("The governor on Tuesday vowed an inquiry after seven men were murdered by "
                  "vigilantes in Ntcheu.") == [("Riots", "Mob violence")]  # fmt: skip


# --- a demonstration's sub-type from what was done at it --------------------------------


def test_fire_on_protesters_that_kills_is_excessive_force() -> None:
    # the model reads a riot; the sentence says the security forces killed protesters
    assert _types("Security forces opened fire on protesters in Basra on Friday, killing "
                  "three.") == [("Protests", "Excessive force against protesters")]  # fmt: skip


def test_protesters_detained_at_a_march_is_an_intervention() -> None:
    # the model is sure of an arrest; ACLED's codebook cue (arrests at a protest) wins
    assert _types("Police detained dozens of activists during a march in Minsk on Sunday.") == [
        ("Protests", "Protest with intervention")
    ]


def test_what_was_protested_was_not_done_at_the_protest() -> None:
    peaceful = [("Protests", "Peaceful protest")]
    assert _types("Hundreds of lawyers marched in Harare on Thursday to condemn soldiers who "
                  "killed two students last week.") == peaceful  # fmt: skip
    assert _types("Hundreds of lawyers marched in Harare on Thursday against soldiers who "
                  "killed two students last week.") == peaceful  # fmt: skip


def test_an_arrest_for_organising_a_protest_is_an_arrest() -> None:
    assert _types("Police arrested an opposition leader in Kampala on Monday for organising "
                  "a protest.") == [("Strategic developments", "Arrests")]  # fmt: skip


# --- ground taken by a phrasal verb -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Government troops drove the militants out of three villages in Lower Shabelle on Tuesday.",
        "The army took full control of the town of Kidal on Tuesday after heavy clashes.",
        "Government forces seized back the town of Kidal on Tuesday.",
    ],
)
def test_ground_taken_back_is_territory_regained(text: str) -> None:
    assert _types(text) == [("Battles", "Government regains territory")]


def test_what_is_pushed_back_or_taken_out_is_no_ground() -> None:
    assert _types("Aid agencies were driven out of the region of Tigray on Monday by the "
                  "fighting.") == [("Battles", "Armed clash")]  # fmt: skip


# --- a remote weapon's word without fighting on the ground --------------------------


def test_shelling_without_ground_fighting_stays_remote_violence() -> None:
    assert _types("Government forces shelled rebel positions near Idlib on Monday.") == [
        ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    ]
