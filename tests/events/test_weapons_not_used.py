"""What is told without anything happening to anyone is no event: a weapon in a test, a
drill, a programme or a deal ("its fifth missile test", "test-fired a cruise missile"), a
weapon made, moved or flown past ("plans to mount warheads on missiles", "jets buzzed an
airliner"), money "looted" in a fraud, habits and tallies ("have scrambled hundreds of
times", "have sometimes been accused of"), and words of combat used of a political contest
("a long nomination battle", "clashed over trade policy"), and what is only planned,
threatened or foreseen ("plan to protest", "threats of airstrikes", "there are going to be
riots"). Reports written for the test, read and coded as in a run."""

from __future__ import annotations

import pytest

from storytrace.claims import read_articles
from storytrace.events.no_event import looted_money
from storytrace.pipeline import build_story
from storytrace.records import Article, Event
from storytrace.text.nlp import load_nlp


def _events(text: str) -> tuple[Event, ...]:
    article = Article.from_text(text, outlet="Desk", published="2025-03-05")
    claims = [c for _, found in read_articles([article]) for c in found]
    return build_story("s-arms", [article], claims, []).events


#: Weapons named without anyone using them (tests, programmes, made, moved or flown past);
#: habits and tallies.
UNUSED = [
    "Iran's latest ballistic missile test drew condemnation from Washington on Tuesday.",
    "The navy test-fired a cruise missile from a frigate in the Baltic on Monday.",
    "The ministry unveiled a new drone programme for the border police in Almaty.",
    "The vote came as the country expands its nuclear missile program.",
    "Analysts say the regime plans to mount warheads on missiles within a decade.",
    "Military jets with their transponders off buzzed a passenger airliner near Riga.",
    "Allied fighter aircraft have scrambled hundreds of times to intercept Russian "
    "bombers over the North Sea.",
    "Peacekeepers have sometimes been accused of abusing the civilians they protect, "
    "with claims of rape in Bangui.",
]
#: Contests told in words of combat.
CONTESTS = [
    "The senator's campaign braced for a long nomination battle in Ohio after the vote.",
    "The two candidates clashed over trade policy at the debate in Tampa on Tuesday.",
    "Farm lobbies are locked in a bitter battle over biofuel subsidies in Des Moines.",
    "Democrats hope to regain control of the Senate in the autumn election.",
]
#: What is only planned, threatened or foreseen; a payment; a weapon naming a unit.
PLANS = [
    "Teachers' unions plan to protest outside the assembly in Harrisburg next week.",
    "The envoy warned that there are going to be riots in Marseille if the law passes.",
    "The president backed away from threats of airstrikes against the regime in Damascus.",
    "Donors shelled out millions of dollars for the gala in Denver on Friday.",
    "A retired colonel who commanded an artillery unit in Basra now teaches in Ohio.",
]


@pytest.mark.parametrize("text", UNUSED + CONTESTS + PLANS)
def test_what_happens_to_no_one_is_no_event(text: str) -> None:
    assert [e.sub_event_type for e in _events(text)] == []


def test_a_missile_fired_at_a_target_stays_an_attack() -> None:
    (event,) = _events("Rebels fired a missile at an army base near Marib, Marib, on Monday.")
    assert event.sub_event_type == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Rockets landed in a market in Sderot, Southern District, on Monday, injuring 3.",
         "Shelling/artillery/missile attack"),
        ("Government warplanes carried out several sorties over Maarat al-Numan, Idlib, on "
         "Sunday, killing 4 civilians.", "Air/drone strike"),
    ],
)  # fmt: skip
def test_weapons_that_land_or_fly_sorties_are_used(text: str, sub_type: str) -> None:
    assert [e.sub_event_type for e in _events(text)][:1] == [sub_type]


@pytest.mark.parametrize(
    ("text", "money"),
    [
        ('The brokers "systematically looted" millions of dollars from their clients.', True),
        ("Rioters looted shops and a pharmacy in the old town.", False),
    ],
)
def test_money_looted_in_a_fraud_is_no_looting(text: str, money: bool) -> None:
    looted = next(t for t in load_nlp()(text) if t.lemma_.lower() == "loot")
    assert looted_money(looted) is money


def test_a_battle_with_armed_sides_stays_a_battle() -> None:
    (event,) = _events(
        "Troops and militants fought a fierce battle for control of a hill near Tal Afar, "
        "Nineveh, on Monday."
    )
    assert event.event_type == "Battles"
