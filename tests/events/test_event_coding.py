"""Events coded from real reading: ACLED types, places, dates, counts and their precision.

Every sentence here is invented for the test; the stories go through the read stage and
``pipeline.build_story`` (alignment, provenance, events) as in a run.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from storytrace.claims import read_articles
from storytrace.pipeline import build_story
from storytrace.records import Article, Event, Story
from storytrace.report.acled_csv import events_acled_csv


def _story(*texts: str, published: str | None = "2024-05-10") -> Story:
    articles = [
        Article.from_text(text, outlet=f"Outlet {n}", published=published)
        for n, text in enumerate(texts, 1)
    ]
    claims = [c for _, found in read_articles(articles) for c in found]
    return build_story("s-test", articles, claims, [])


def _only(story: Story) -> Event:
    (event,) = story.events
    return event


def test_a_refusal_to_obey_is_a_strategic_development_with_place_date_and_count() -> None:
    event = _only(_story("Around 40 soldiers refused to obey orders near Kharkiv on 3 May 2024, "
                         "the regional governor said in a statement."))  # fmt: skip
    assert (event.event_type, event.sub_event_type, event.action) == (
        "Strategic developments",
        "Other",
        "refusal",
    )
    assert event.disorder_type == "Strategic developments"
    assert (event.location.name, event.location.country, event.geo_precision) == (
        "Kharkiv",
        "UA",
        2,  # "near Kharkiv": ACLED's precision 2
    )
    assert event.location.admin1 == "Kharkivska oblast"
    assert (event.date.start, event.time_precision) == ("2024-05-03", 1)
    assert (event.count["values"], event.count["conservative"]) == ([40.0], 40.0)
    assert event.actors[0] == "Military Forces of Ukraine (2019-)"


def test_refusing_to_comment_is_no_event() -> None:
    story = _story("A ministry spokesman in Kharkiv refused to comment on the report on Monday, "
                   "saying the inquiry was still running.")  # fmt: skip
    assert story.events == ()


def test_the_place_of_what_was_refused_is_not_where_the_refusal_happened() -> None:
    event = _only(_story("About 25 sailors based in the city of Mykolaiv refused to fight in "
                         "Odesa on 2 May 2024, a naval officer said."))  # fmt: skip
    assert (event.location.text, event.location.country) == ("Mykolaiv", "UA")


def test_a_raid_with_arrests_is_coded_as_arrests() -> None:
    event = _only(_story("Police raided the offices of a newspaper in Lagos on 5 May 2024 and "
                         "arrested 12 journalists, the union said."))  # fmt: skip
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Arrests")
    assert event.location.country == "NG"


def test_a_protest_is_a_demonstration_with_its_crowd_count() -> None:
    event = _only(_story("About 2,000 people protested in Tbilisi on 8 May 2024 against the new "
                         "media law, organisers said."))  # fmt: skip
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")
    assert event.disorder_type == "Demonstrations"
    assert event.count["conservative"] == 2000
    assert event.actors[0] == "Protesters (Georgia)"
    assert (event.location.country, event.geo_precision, event.time_precision) == ("GE", 1, 1)


def test_a_fire_is_an_incident_acled_does_not_code() -> None:
    story = _story("A fire destroyed a warehouse in the port of Antwerp on 2 May 2024, and "
                   "four workers were killed, police said.")  # fmt: skip
    event = _only(story)
    assert (event.event_type, event.sub_event_type, event.disorder_type) == (
        "Incident",
        "Fire/explosion",
        "",
    )
    assert event.count["fatalities"] == {"values": [4.0], "conservative": 4.0}
    assert (event.actors, event.targets) == ((), ("Civilians (Belgium)",))  # the dead suffer it
    assert events_acled_csv([story], timestamp=0).count("\n") == 1  # the header only


def test_a_death_toll_told_after_the_event_joins_it() -> None:
    event = _only(_story("A fire broke out at a chemical warehouse in the port of Antwerp on 2 "
                         "May 2024, police said.\n\nFour workers were killed, a police "
                         "spokesperson told reporters on Thursday."))  # fmt: skip
    assert event.count["fatalities"]["values"] == [4.0]
    assert len(event.claim_group_ids) == 2


def test_reports_in_two_articles_merge_and_keep_the_disputed_toll() -> None:
    story = _story(
        "A fire broke out at a chemical warehouse in the port of Antwerp on 2 May 2024, killing "
        "four workers, police said.",
        "Six workers were killed in the fire at a chemical warehouse in the port of Antwerp on 2 "
        "May 2024, a hospital doctor said.",
    )
    event = _only(story)
    assert sorted(event.count["fatalities"]["values"]) == [4.0, 6.0]
    assert event.count["fatalities"]["conservative"] == 4.0
    assert len(event.article_ids) == 2
    assert event.outlets == ("Outlet 1", "Outlet 2") or set(event.outlets) == {
        "Outlet 1",
        "Outlet 2",
    }
    assert "Coded the lowest, 4" in event.notes


def test_a_town_is_read_in_the_context_of_the_whole_story() -> None:
    story = _story(
        "Severe storms tore roofs off hundreds of homes across northern Texas on Monday, the "
        "state governor said.",
        "About 300 residents protested outside the town hall in Paris on 6 May 2024 over the "
        "slow storm clean-up, the mayor said.",
    )
    (event,) = [e for e in story.events if e.event_type == "Protests"]  # the storm is its own
    assert (event.location.name, event.location.country, event.location.admin1) == (
        "Paris",
        "US",
        "Texas",
    )


def test_without_a_date_the_publication_date_stands_in_at_precision_3() -> None:
    event = _only(_story("About 50 conscripts deserted from a base in Belgorod, the regional "
                         "governor said."))  # fmt: skip
    assert (event.date.start, event.date.precision, event.time_precision) == (
        "2024-05-10",
        "reported",
        3,
    )
    assert "publication date" in event.notes


@pytest.mark.parametrize("published", [None])
def test_without_any_date_an_event_has_none(published: str | None) -> None:
    event = _only(_story("About 50 conscripts deserted from a base in Belgorod, the regional "
                         "governor said.", published=published))  # fmt: skip
    assert (event.date, event.time_precision) == (None, None)


def test_one_event_told_in_two_stories_becomes_one_record_in_both() -> None:
    from storytrace.events import merge_across_stories

    first = _story("About 2,000 people protested in Tbilisi on 8 May 2024 against the new media "
                   "law, organisers said.")  # fmt: skip
    second = _story("Some 1,800 people protested in Tbilisi on 8 May 2024 against the media "
                    "law, police said.")  # fmt: skip
    second = replace(second, id="s-other", events=tuple(
        replace(e, story_ids=("s-other",)) for e in second.events))  # fmt: skip
    merged = merge_across_stories([first, second])
    (one,), (two,) = (story.events for story in merged)
    assert one == two
    assert one.story_ids == ("s-test", "s-other")
    assert (sorted(one.count["values"]), one.count["conservative"]) == ([1800.0, 2000.0], 1800.0)
    assert len(one.article_ids) == 2
