"""Political news borrows the words of conflict without reporting any: persons who
"clashed" or are "in a battle" with each other, "demonstrated a good grasp" or "is rallying a
coalition", what statements are "about", "rape analogies" and "a recruitment video", what is
threatened, needed or foreseen ("threatened to disrupt it with protests", "protests will
erupt"), "a shell of its former self", and a past event recalled by its place's name ("after
the Orlando massacre"). None is an event;
the same words told of armed sides, crowds and a dated attack stay events. Reports written
for the test, read and coded as in a run."""

from __future__ import annotations

import pytest

from storytrace.claims import read_articles
from storytrace.pipeline import build_story
from storytrace.records import Article, Event


def _events(text: str) -> tuple[Event, ...]:
    article = Article.from_text(text, outlet="Desk", published="2025-03-05")
    claims = [c for _, found in read_articles([article]) for c in found]
    return build_story("s-politics", [article], claims, []).events


NO_EVENT = [
    # persons on every side of a word of combat
    "Governor Maria Alvarez clashed with Senator Tom Reilly during the hearing in Boise "
    "on Tuesday.",
    "Rachel Dunn is in a three-way battle with Peter Okafor and Lena Sorensen for the second seat.",
    "His long battles with Mayor Grant Whitfield made headlines across Ohio last year.",
    "The front-runner told a packed crowd in Concord on the primary battle's final day "
    "that he would win.",
    # showing and gathering support
    "Farm workers had another chance to demonstrate their political clout on Tuesday, as "
    "voters went to the polls in Illinois and Ohio.",
    "Union leaders demonstrated a good grasp of the issues at the debate in Detroit on Monday.",
    "In Lisbon, the prime minister is rallying a coalition against the far-right party.",
    # topics and kinds of things
    "The senator apologised on Monday for his remarks about crime and rape in the city.",
    "Critics condemned the candidate's rape analogies at the convention in Milwaukee.",
    "A new recruitment video released by the group features a clip of the president.",
    # what is threatened, needed or foreseen; a husk
    "Activists threatened to disrupt the summit in Brussels with protests and sit-ins.",
    "Officials said some migrants may need to be detained for months in Arizona.",
    "Organisers say unsanctioned protests will erupt downtown in Leeds next month.",
    "The party has become a shell of its former self, a former aide said in Leeds.",
    # a past event recalled by its place's name
    "The congressman has pushed for a ban on assault rifles since the Parkland massacre.",
    "She linked the governor to the Uvalde shooting in a television advert on Sunday.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_words_of_politics_are_no_event(text: str) -> None:
    assert [e.sub_event_type for e in _events(text)] == []


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Soldiers clashed with gunmen near Maiduguri, Borno, on Monday, killing 4.",
         "Battles"),
        ("Thousands demonstrated against the new labour law outside parliament in Lisbon "
         "on Tuesday.", "Protests"),
        ("Hundreds of teachers rallied outside the education ministry in Nairobi on "
         "Monday, demanding higher pay.", "Protests"),
        ("The Kabul airport bombing killed 13 soldiers and 170 civilians on Thursday.",
         "Explosions/Remote violence"),
    ],
)  # fmt: skip
def test_the_same_words_of_armed_sides_and_crowds_stay_events(text: str, event_type: str) -> None:
    assert [e.event_type for e in _events(text)][:1] == [event_type]
