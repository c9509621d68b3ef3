"""Reports with few facts: a brief's lone sentence, words the rules do not know, a place alone.

Every report is written for the test in the style of conflict monitoring briefs; each goes
through the read stage and ``pipeline.build_story`` as in a run. The checks on the gates
read real parses and the shipped kind model's classes.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from storytrace.claims import read_articles
from storytrace.events import acled, kinds
from storytrace.events.reports import (
    CONFLICT_DOUBT,
    PLACED_DOUBT,
    Report,
    _reports,
)
from storytrace.pipeline import build_story
from storytrace.records import Article, Claim, ClaimGroup, Event, Place
from storytrace.text.nlp import load_nlp

PUBLISHED = "2024-05-10"


def _events(text: str) -> list[Event]:
    article = Article.from_text(text, outlet="Monitor", published=PUBLISHED)
    claims = [c for _, found in read_articles([article]) for c in found]
    return [e for e in build_story("s-brief", [article], claims, []).events
            if acled.is_acled(e.event_type)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type", "place"),
    [
        # one line cut before its full stop, shorter than a paragraph: the brief itself
        ("Thousands of farmers marched in Nakuru against the new seed law",
         "Protests", "Peaceful protest", "Nakuru"),
        # one line closed by a photo credit: not a caption, the report
        ("Two car bombs exploded near a market in Mogadishu on Sunday, killing nine people. "
         "Photo: Reuters", "Explosions/Remote violence", "Remote explosive/landmine/IED",
         "Mogadishu"),
    ],
)  # fmt: skip
def test_a_text_of_one_line_is_its_report(
    text: str, event_type: str, sub_event_type: str, place: str
) -> None:
    (event,) = _events(text)
    assert (event.event_type, event.sub_event_type) == (event_type, sub_event_type)
    assert event.location is not None and event.location.name == place


def test_a_brief_keeps_the_sentence_that_tells_the_event() -> None:
    """The looting sentence scores low as a claim; in a two-sentence brief it is the report."""
    events = _events("The unrest in Kisumu spread to Kondele on Tuesday evening. Several shops "
                     "have been looted and a petrol station set alight.")  # fmt: skip
    assert [(e.event_type, e.sub_event_type) for e in events] == [
        ("Strategic developments", "Looting/property destruction")
    ]
    assert events[0].date is not None and events[0].date.start == "2024-05-07"  # that Tuesday


def test_an_event_the_model_reads_without_an_action_word() -> None:
    """ "agreed ... to resume peace talks": no action word, an agreement all the same."""
    (event,) = _events("On Sunday, the government and the rebel alliance agreed to resume "
                       "peace talks in Addis Ababa.")  # fmt: skip
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Agreement")
    assert event.location is not None and event.location.country == "ET"


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Houthi fighters recaptured two districts of Marib province from pro-government "
         "troops, local officials said.", "Non-state actor overtakes territory"),
        ("Government troops recaptured the town of Kidal from the rebels on Tuesday.",
         "Government regains territory"),
    ],
)  # fmt: skip
def test_territory_taken_back_is_coded_by_who_takes_it(text: str, sub_event_type: str) -> None:
    (event,) = _events(text)
    assert (event.event_type, event.sub_event_type) == ("Battles", sub_event_type)


def _report(
    doubt: float, *, place: bool, event_type: str = "Protests", sub_type: str = "Peaceful protest"
) -> Report:
    claim = Claim(id="c1", article_id="a1", text="Residents protested in the town.", span=(0, 32))
    where = (Place("Gulu", "Gulu", "UG", "Northern", 2.8, 32.3, "city", (22, 26)),)
    return Report(
        claim=claim,
        group=ClaimGroup(id="g1", text=claim.text, verdict="single_source", members=(claim,)),
        event_type=event_type,
        sub_event_type=sub_type,
        trigger="protested",
        action="protest",
        places=where if place else (),
        kind_doubt=doubt,
    )


def test_a_placed_report_stands_alone_only_when_the_model_has_little_doubt() -> None:
    other = {"event_type": "Strategic developments", "sub_type": "Other"}
    assert _report(PLACED_DOUBT - 0.01, place=True, **other).specific
    assert not _report(PLACED_DOUBT + 0.01, place=True, **other).specific
    assert not _report(0.0, place=False).specific  # nothing told: no event
    # an incident ACLED does not code still needs two facts
    assert not _report(0.0, place=True, event_type=acled.INCIDENT).specific


def test_a_protest_by_a_rule_word_stands_alone_with_one_fact_unless_much_doubted() -> None:
    assert _report(CONFLICT_DOUBT - 0.01, place=True).specific
    assert not _report(CONFLICT_DOUBT + 0.01, place=True).specific  # "protested" a decision
    # violence against civilians and riots told by a rule's word: one fact, whatever the doubt
    riot = {"event_type": "Riots", "sub_type": "Violent demonstration"}
    assert _report(0.9, place=True, **riot).specific
    assert not _report(0.9, place=False, **riot).specific


def _token(sentence: str, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in load_nlp()(sentence) if t.text == word)


def test_a_word_of_violence_vouches_only_for_a_violent_kind() -> None:
    """Between the model's gate and :data:`CONFLICT_DOUBT`, "attacks" makes a report of an
    attack, never of a strategic development the model reads beside it."""
    doubt = (kinds.load_model().gate + CONFLICT_DOUBT) / 2
    violent = kinds.Kind("ATTACK", "Violence against civilians", "Attack", 0.5, False, doubt)
    strategic = replace(violent, code="CHANGE_TO_GROUP_ACT", event_type="Strategic developments",
                        sub_event_type="Change to group/activity")  # fmt: skip
    attack = _token("Attacks on aid convoys continued in North Darfur.", "Attacks")
    assert _reports(violent, attack)
    assert not _reports(strategic, attack)
    assert not _reports(replace(violent, doubt=CONFLICT_DOUBT + 0.01), attack)
    exchange = _token("The two sides completed an exchange of letters.", "exchange")
    assert not _reports(violent, exchange)  # not a word of violence or protest
