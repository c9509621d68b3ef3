"""Reports that used to get no event: a rule's action word the kind model doubts, and a
toll told with no event before it.

The reports are written for the test in the style of conflict monitoring; each goes
through the read stage and ``pipeline.build_story`` as in a run.
"""

from __future__ import annotations

import pytest

from storytrace.claims import read_articles
from storytrace.pipeline import build_story
from storytrace.records import Article, Event
from storytrace.report.acled_csv import acled_row


def _events(text: str) -> list[Event]:
    article = Article.from_text(text, outlet="Monitor", published="2024-05-10")
    claims = [c for _, found in read_articles([article]) for c in found]
    return list(build_story("s-recall", [article], claims, []).events)


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested 35 opposition supporters in Dhaka on Tuesday.",
        "Security forces detained 12 student activists in Khartoum on 8 May.",
    ],
)
def test_a_rule_word_is_a_report_whatever_the_model_doubts(text: str) -> None:
    # the model's class for arrests is called as the action family is ("arrest"): that
    # must not make the rule's word wait on the model's gate (shipped model)
    events = _events(text)
    assert [(e.event_type, e.sub_event_type) for e in events] == [
        ("Strategic developments", "Arrests")
    ]


def test_a_word_the_rules_do_not_know_still_waits_on_the_gate() -> None:
    text = "Government troops withdrew from the border town of Kafr Nabl in Idlib on Monday."
    assert [e.sub_event_type for e in _events(text)] == ["Non-violent transfer of territory"]
    # the same verb, where the kind model reads no conflict event, makes none
    assert _events("The senator withdrew from the race for the nomination on Monday.") == []


def test_a_toll_with_no_event_before_it_is_the_event_the_model_reads() -> None:
    text = "Nine villagers were killed in Zamfara state on Sunday, local officials said."
    events = _events(text)
    assert [(e.event_type, e.sub_event_type) for e in events] == [
        ("Violence against civilians", "Attack")
    ]
    assert acled_row(events[0], timestamp=0)["fatalities"] == 9
    # a toll the model does not take for a report stays none
    assert (
        _events("In the film, nine villagers are killed by a storm before the hero arrives.") == []
    )


def test_a_toll_after_an_event_still_joins_it() -> None:
    text = (
        "Gunmen attacked a market in Kukawa, Borno state, on Saturday. "
        "Seven traders were killed and 12 injured."
    )
    events = _events(text)
    assert len(events) == 1
    assert acled_row(events[0], timestamp=0)["fatalities"] == 7


def test_bases_set_up_are_a_base_established() -> None:
    # the tagger reads "bases" as the plural of "basis"
    text = "Turkish ground forces have set up two military bases near Zakho in Duhok on Monday."
    assert [e.sub_event_type for e in _events(text)] == ["Headquarters or base established"]
