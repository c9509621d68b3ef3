"""A weapon named without being used on anyone is no attack: a test, a drill, a weapons
programme or deal ("its fifth missile test", "test-fired a cruise missile", "a drone
programme"). Reports written for the test, read and coded as in a run."""

from __future__ import annotations

import pytest

from storytrace.claims import read_articles
from storytrace.pipeline import build_story
from storytrace.records import Article, Event


def _events(text: str) -> tuple[Event, ...]:
    article = Article.from_text(text, outlet="Desk", published="2025-03-05")
    claims = [c for _, found in read_articles([article]) for c in found]
    return build_story("s-arms", [article], claims, []).events


@pytest.mark.parametrize(
    "text",
    [
        "Iran's latest ballistic missile test drew condemnation from Washington on Tuesday.",
        "The navy test-fired a cruise missile from a frigate in the Baltic on Monday.",
        "The ministry unveiled a new drone programme for the border police in Almaty.",
        "The vote came as the country expands its nuclear missile program.",
    ],
)
def test_a_weapon_named_without_use_is_no_event(text: str) -> None:
    assert [e.sub_event_type for e in _events(text)] == []


def test_a_missile_fired_at_a_target_stays_an_attack() -> None:
    (event,) = _events("Rebels fired a missile at an army base near Marib, Marib, on Monday.")
    assert event.sub_event_type == "Shelling/artillery/missile attack"
