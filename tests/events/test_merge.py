"""When two event records are one event, and merging across stories."""

from __future__ import annotations

from dataclasses import replace

from storytrace.events import merge_across_stories
from storytrace.events.acled import disorder_type, geo_precision, interaction, time_precision
from storytrace.events.merge import dates_compatible, events_match, places_compatible
from storytrace.records import ClaimGroup, DateMention, Event, Origin, Place, Story

PSKOV = Place("Pskov", "Pskov", "RU", "Pskovskaya oblast'", 57.81922, 28.33181, "city")
PSKOV_REGION = Place("Pskov region", "Pskovskaya oblast'", "RU", "Pskovskaya oblast'",
                     precision="region")  # fmt: skip
KHAKASSIA = Place("Khakassia", "Khakasiya, Respublika", "RU", "Khakasiya, Respublika",
                  precision="region")  # fmt: skip
RUSSIA = Place("Russia", "Russia", "RU", precision="country")
SUMY = Place("Sumy", "Sumy", "UA", "Sumska oblast", 50.91741, 34.79906, "city")
MARCH_5 = DateMention("March 5", "2022-03-05", "2022-03-05", "day")
MARCH = DateMention("March", "2022-03-01", "2022-03-31", "month")


def _report(value: float, low: float, high: float | None, article: str) -> dict[str, object]:
    return {"text": str(value), "value": value, "low": low, "high": high, "kind": "people",
            "counted": "serviceman", "article_id": article, "outlet": article,
            "claim_group_id": f"g-{article}"}  # fmt: skip


def _event(event_id: str, story: str, value: float, **fields: object) -> Event:
    base = Event(
        id=event_id,
        event_type="Strategic developments",
        sub_event_type="Other",
        actors=("Military Forces of Russia",),
        location=PSKOV,
        count={"reports": [_report(value, value * 0.9, value * 1.1, event_id)]},
        claim_group_ids=(f"g-{event_id}",),
        sources=("Pskovskaya Gubernia",),
        geo_precision=1,
        article_ids=(event_id,),
        outlets=(f"Outlet {event_id}",),
        story_ids=(story,),
        action="refusal",
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def test_places_are_compatible_when_one_lies_inside_the_other() -> None:
    assert places_compatible(PSKOV, PSKOV_REGION)
    assert places_compatible(PSKOV, RUSSIA)
    assert places_compatible(None, SUMY)
    assert not places_compatible(PSKOV, SUMY)  # another country
    assert not places_compatible(PSKOV, KHAKASSIA)  # another region of the same country


def test_dates_are_compatible_when_they_overlap() -> None:
    assert dates_compatible(MARCH_5, MARCH)
    assert dates_compatible(MARCH_5, DateMention("March 5", "--03-05", "--03-05", "month-day"))
    assert not dates_compatible(MARCH_5, DateMention("April", "2022-04-01", "2022-04-30", "month"))
    reported = DateMention("reported 2022-03-10", "2022-03-10", "2022-03-10", "reported")
    assert dates_compatible(MARCH_5, reported)  # told before the report: may be the same event
    assert not dates_compatible(DateMention("x", "2022-03-12", "2022-03-12", "day"), reported)


def test_same_action_place_and_overlapping_count_match() -> None:
    assert events_match(_event("a", "s1", 60), _event("b", "s2", 60))
    assert not events_match(_event("a", "s1", 60), _event("b", "s2", 300, actors=()))
    assert not events_match(_event("a", "s1", 60), _event("b", "s2", 60, location=SUMY))
    assert not events_match(_event("a", "s1", 60), _event("b", "s2", 60, action="raid"))


def test_an_event_told_in_two_stories_is_merged_into_one_record() -> None:
    group = ClaimGroup("g-a", "About 60 servicemen refused to fight.", "echoed", (),
                       origins=(Origin("Pskovskaya Gubernia", "cited_source"),))  # fmt: skip
    other = replace(group, id="g-b", origins=(Origin("Pskovskaya Guberniya", "cited_source",
                                                     ("Pskovskaya Gubernia",)),))  # fmt: skip
    one = Story("s1", "One", ("a",), claim_groups=(group,), events=(_event("a", "s1", 60),))
    vaguer = _event("b", "s2", 55, location=PSKOV_REGION, geo_precision=3)
    two = Story("s2", "Two", ("b",), claim_groups=(other,), events=(vaguer,))
    merged = merge_across_stories([one, two])
    (first,), (second,) = (s.events for s in merged)
    assert first == second
    assert first.story_ids == ("s1", "s2")
    assert first.claim_group_ids == ("g-a", "g-b")
    assert first.location == PSKOV and first.geo_precision == 1  # the more precise place
    assert (first.count["values"], first.count["conservative"]) == ([60.0, 55.0], 55.0)
    assert "Figures differ" in first.notes and "Coded the lowest, 55" in first.notes


def test_events_of_different_stories_that_differ_stay_apart() -> None:
    one = Story("s1", "One", ("a",), events=(_event("a", "s1", 60),))
    two = Story("s2", "Two", ("b",), events=(_event("b", "s2", 300, location=SUMY),))
    assert merge_across_stories([one, two]) == [one, two]


def test_acled_codes() -> None:
    assert [geo_precision(p) for p in (PSKOV, PSKOV_REGION, RUSSIA, None)] == [1, 3, 3, None]
    assert geo_precision(PSKOV, inferred=True) == 2
    days = [MARCH_5, DateMention("x", "--03-05", "--03-05", "month-day"), MARCH]
    assert [time_precision(d) for d in days] == [1, 1, 3]
    assert time_precision(DateMention("last week", "a", "b", "week")) == 2
    assert time_precision(MARCH_5, inferred=True) == 2
    assert disorder_type("Protests") == "Demonstrations"
    assert disorder_type("Riots", "Mob violence") == "Political violence"
    assert disorder_type("Incident") == ""
    assert (interaction(1, None), interaction(7, 1), interaction(None, None)) == (10, 17, None)


def test_across_stories_two_events_with_neither_place_nor_date_stay_apart() -> None:
    one = Story("s1", "One", ("a",), events=(_event("a", "s1", 60, location=None),))
    two = Story("s2", "Two", ("b",), events=(_event("b", "s2", 60, location=None),))
    assert events_match(one.events[0], two.events[0])  # within a story, the count decides
    assert merge_across_stories([one, two]) == [one, two]


def test_a_shared_acled_label_alone_does_not_make_one_event() -> None:
    a = _event("a", "s1", 60, location=None)
    b = _event("b", "s2", 300, location=None)  # same "Military Forces of Russia", other size
    assert not events_match(a, b)
    named = ("Military Forces of Russia", "76th Guards Air Assault Division")
    assert events_match(replace(a, actors=named), replace(b, actors=named))


def test_match_candidates_leave_out_only_pairs_that_cannot_match() -> None:
    """Every strict match of the blocked comparison is found, on random events whose
    fields meet often (kinds, actors, counts, towns, days)."""
    import random

    from storytrace.events.merge import events_match, match_candidates
    from storytrace.records import DateMention, Event, Place

    rnd = random.Random(11)
    region = Place("Pskov Oblast", "Pskov Oblast", "RU", "PSK", precision="region")
    towns = [Place("Pskov", "Pskov", "RU", "PSK", 57.8, 28.3, "city"),
             Place("Pskov", "Pskov", "RU", "PSK", 57.81, 28.31, "city"),
             Place("Kyiv", "Kyiv", "UA", "KY", 50.4, 30.5, "city"), region, None]  # fmt: skip
    days = [DateMention("x", "2021-03-02", "2021-03-02", "day"),
            DateMention("x", "2021-03-03", "2021-03-03", "day"),
            DateMention("x", "--03-02", "--03-02", "month-day"),
            DateMention("x", "2021-03-01", "2021-03-31", "month"), None]  # fmt: skip
    actors = ["Farmers Union", "Civilians (Russia)", "Police Forces of Russia", "Wagner Group"]

    def event(k: int) -> Event:
        reports = [{"kind": rnd.choice(["people", "fatalities"]), "low": low, "high": low + 5}
                   for low in rnd.sample([1, 4, 10, 60], rnd.randint(0, 2))]  # fmt: skip
        return Event(id=f"e{k}", event_type="Battles", sub_event_type="Armed clash",
                     action=rnd.choice(["clash", "clash", "raid"]),
                     actors=tuple(rnd.sample(actors, rnd.randint(0, 2))),
                     targets=tuple(rnd.sample(actors, rnd.randint(0, 1))),
                     location=rnd.choice(towns), date=rnd.choice(days),
                     count={"reports": reports})  # fmt: skip

    events = [event(k) for k in range(150)]
    candidates = match_candidates(events)
    matched = 0
    for a in events:
        found = candidates(a)
        assert found == sorted(found)
        expected = [j for j, b in enumerate(events) if events_match(a, b, strict=True)]
        assert set(expected) <= set(found)
        matched += len(expected)
    assert matched > 300  # the random events do meet: the check is not vacuous
