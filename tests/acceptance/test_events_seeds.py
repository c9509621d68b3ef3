"""S12 over the seeds: the events a conflict-event researcher would code, in ACLED's terms."""

from __future__ import annotations

from typing import Any

import pytest

from storytrace_testkit import IBT, SOFREP, Run


def _events(run: Run) -> list[dict[str, Any]]:
    return [e for story in run.document["stories"] for e in story["events"]]


def _event_counting(run: Run, value: float) -> dict[str, Any]:
    (found,) = [e for e in _events(run) if value in e["count"]["values"]]
    return found


def test_the_refusal_of_about_60_servicemen_in_pskov(seeds_run: Run) -> None:
    event = _event_counting(seeds_run, 60)
    assert (event["event_type"], event["sub_event_type"], event["action"]) == (
        "Strategic developments",
        "Other",
        "refusal",
    )
    assert event["count"]["conservative"] == 60
    place = event["location"]
    assert (place["name"], place["country"], place["admin1"]) == (
        "Pskov",
        "RU",
        "Pskovskaya oblast'",
    )
    assert (place["precision"], event["geo_precision"]) == ("city", 1)
    assert "Belarus" in [p["name"] for p in event["related_places"]]  # after a stay in Belarus
    assert "Belarus" in event["notes"]
    assert event["actors"][0] == "Military Forces of Russia (2000-)"  # ACLED's name


def test_the_60_are_one_event_told_by_both_outlets_from_one_origin(seeds_run: Run) -> None:
    event = _event_counting(seeds_run, 60)
    ids = {seeds_run.article_id(SOFREP), seeds_run.article_id(IBT)}
    assert set(event["article_ids"]) == ids
    assert set(event["outlets"]) == {"SOFREP", "International Business Times"}
    assert event["sources"][0] in ("Pskovskaya Gubernia", "Pskovskaya Guberniya")
    assert not {"Pskovskaya Gubernia", "Pskovskaya Guberniya"} <= set(event["sources"])
    assert "reportedly" in event["notes"]  # the hedges are stated


def test_about_300_refusing_orders_near_sumy_in_ukraine(seeds_run: Run) -> None:
    event = _event_counting(seeds_run, 300)
    assert (event["event_type"], event["sub_event_type"]) == ("Strategic developments", "Other")
    place = event["location"]
    assert (place["name"], place["country"], place["admin1"]) == ("Sumy", "UA", "Sumska oblast")
    assert event["geo_precision"] == 1
    assert event["outlets"] == ["SOFREP"]


def test_11_omon_officers_from_khakassia_refusing_to_deploy(seeds_run: Run) -> None:
    event = _event_counting(seeds_run, 11)
    assert (event["event_type"], event["action"]) == ("Strategic developments", "refusal")
    place = event["location"]
    assert (place["country"], place["admin1"], place["precision"]) == (
        "RU",
        "Khakasiya, Respublika",
        "region",
    )
    assert event["geo_precision"] == 3  # only the region is known
    # coded at the region's seat (Abakan), as ACLED codes region-only events
    assert (round(place["lat"]), round(place["lon"])) == (54, 91)
    assert event["actors"][0] == "Police Forces of Russia (2000-)"  # OMON are police
    assert "Russian Guard" in event["actors"]  # named as ACLED names actors: no article


def test_the_raid_on_pskovskaya_gubernias_offices_on_march_5(seeds_run: Run) -> None:
    (event,) = [e for e in _events(seeds_run) if e["action"] == "raid"]
    assert (event["event_type"], event["sub_event_type"]) == ("Strategic developments", "Other")
    assert event["targets"] == ["Pskovskaya Gubernia"]  # "their offices", the paper before
    date = event["date"]
    assert (date["text"], date["start"], date["precision"]) == ("March 5", "--03-05", "month-day")
    assert event["time_precision"] == 1  # a day, though the undated article gives no year
    place = event["location"]
    assert (place["name"], place["country"], place["admin1"]) == (
        "Pskov",
        "RU",
        "Pskovskaya oblast'",
    )
    assert event["geo_precision"] == 2  # taken from the article's context, not the sentence
    assert "context" in event["notes"] and "year is not given" in event["notes"]


def test_no_other_events_and_none_in_ukraine_for_refusing_to_fight_there(seeds_run: Run) -> None:
    events = _events(seeds_run)
    assert len(events) == 4
    assert sum(e["location"]["country"] == "UA" for e in events) == 1  # Sumy only


@pytest.mark.parametrize("key", ["disorder_type", "geo_precision", "time_precision", "notes"])
def test_every_event_carries_acled_fields(seeds_run: Run, key: str) -> None:
    for event in _events(seeds_run):
        assert key in event
        assert event["disorder_type"] == "Strategic developments"


def test_the_timeline_holds_the_dated_raid(seeds_run: Run) -> None:
    (story,) = seeds_run.document["stories"]
    kinds = [(entry["kind"], entry["start"]) for entry in story["timeline"]]
    assert ("event", "--03-05") in kinds
    assert ("claim", "--03-03") in kinds  # surrenders "as early as March 3"
    assert [s for _, s in kinds] == sorted(s for _, s in kinds)
